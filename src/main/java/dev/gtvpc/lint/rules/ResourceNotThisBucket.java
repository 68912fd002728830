package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.ResourceBlock;
import dev.gtvpc.policy.Wildcards;
import java.util.List;
import java.util.Optional;

/**
 * Flags a Resource of a bucket policy that names every resource rather than this bucket: {@code "*"},
 * or an S3 ARN whose bucket name is nothing but wildcards ({@code arn:aws:s3:::*},
 * {@code arn:aws:s3:::*}{@code /*}). A bucket policy may name only its own bucket and the objects in it;
 * S3 refuses the policy ("Policy has invalid resource", as S3's answer is quoted in noobaa/noobaa-core#10058
 * and the S3 User Guide's troubleshooting of that message). Deliberately not flagged: a name with a
 * wildcard in part of it ({@code my-bucket*}), which may be meant to match this bucket, NotResource, and a
 * directory bucket's statement of {@code s3express:} actions, whose policies AWS's own examples write with
 * {@code "Resource": "*"} (S3 User Guide, directory bucket policy examples).
 * Another bucket's name is bucket-mismatch's. Pages: S3 User Guide, bucket policies; "Policy has invalid
 * resource" (WebsiteAccessPermissionsReqd.html).
 */
public final class ResourceNotThisBucket extends BaseRule {
    public ResourceNotThisBucket() {
        super(RuleInfo.of("resource-not-this-bucket", Severity.ERROR, RuleGroup.S3, 15,
                "A bucket policy's Resource that names every resource (\"*\", arn:aws:s3:::*), not its bucket.", Docs.S3_BUCKET_POLICIES)
                .onlyFor(PolicyKind.BUCKET).judging(Judges.VALUE, Judges.RESOURCES));
    }

    @Override
    public void check(LintContext c) {
        String bucket = c.options().bucket().or(() -> c.scan().resourcePatterns().stream().map(S3Resources::bucket)
                .flatMap(Optional::stream).findFirst()).orElse("BUCKET");
        for (PolicyScan.StatementAt s : c.statements()) {
            Optional<ResourceBlock> block = s.statement().resource().filter(r -> !r.negated());
            boolean directoryBucket = s.statement().action().map(a -> a.actions().items().stream()
                    .anyMatch(x -> x.regionMatches(true, 0, "s3express:", 0, 10))).orElse(false);
            if (block.isEmpty() || directoryBucket) {
                continue;
            }
            List<String> items = block.get().resources().items();
            for (int i = 0; i < items.size(); i++) {
                String r = items.get(i);
                if (!everyResource(r)) {
                    continue;
                }
                String pointer = block.get().resources().scalar() ? s.pointer() + "/Resource" : JsonPointer.child(s.pointer() + "/Resource", i);
                c.report(pointer, "statement " + s.label() + " names \"" + r + "\", every " + (r.equals("*") ? "resource" : "bucket")
                        + "; a bucket policy may name only its own bucket and its objects, and S3 refuses it (\"Policy has invalid resource\")",
                        "name arn:aws:s3:::" + bucket + " (for bucket actions) and arn:aws:s3:::" + bucket + "/* (for objects)");
            }
        }
    }

    /** "*", or an S3 ARN whose bucket name is only wildcards. */
    static boolean everyResource(String resource) {
        if (resource.equals("*")) {
            return true;
        }
        Optional<Arn> arn = Arn.parse(resource);
        if (arn.isEmpty() || !arn.get().service().equals("s3") || !arn.get().region().isEmpty() || !arn.get().account().isEmpty()) {
            return false;
        }
        String r = arn.get().resource();
        String name = r.contains("/") ? r.substring(0, r.indexOf('/')) : r;
        return !name.isEmpty() && Wildcards.hasWildcard(name) && name.chars().allMatch(ch -> ch == '*' || ch == '?');
    }
}
