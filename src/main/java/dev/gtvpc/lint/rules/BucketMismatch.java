package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.ResourceBlock;
import java.util.List;
import java.util.Optional;

/**
 * Flags Resource ARNs of more than one bucket, or of another bucket than --bucket. A bucket policy can
 * name only its own bucket and its objects; S3 refuses the policy otherwise ("Policy has invalid
 * resource"). The first bucket named (or --bucket) is taken as the policy's.
 */
public final class BucketMismatch extends BaseRule {
    public BucketMismatch() {
        super(RuleInfo.of("bucket-mismatch", Severity.ERROR, RuleGroup.S3, 20,
                "A Resource of another bucket than the policy's own.", Docs.S3_BUCKET_POLICIES)
                .onlyFor(PolicyKind.BUCKET).judging(Judges.VALUE, Judges.RESOURCES));
    }

    @Override
    public void check(LintContext c) {
        Optional<String> own = c.options().bucket();
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().resource().isEmpty()) {
                continue;
            }
            ResourceBlock r = s.statement().resource().get();
            List<String> items = r.resources().items();
            for (int i = 0; i < items.size(); i++) {
                Optional<String> bucket = S3Resources.bucket(items.get(i));
                if (bucket.isEmpty() || Placeholders.in(bucket.get())) {
                    continue;
                }
                if (own.isEmpty()) {
                    own = bucket;
                } else if (!own.get().equals(bucket.get())) {
                    String pointer = r.resources().scalar() ? s.pointer() + "/" + r.elementName()
                            : JsonPointer.child(s.pointer() + "/" + r.elementName(), i);
                    c.report(pointer, "\"" + items.get(i) + "\" is in bucket " + bucket.get() + ", but this is the policy of "
                            + own.get() + (c.options().bucket().isPresent() ? " (--bucket)" : "")
                            + "; S3 refuses a bucket policy that names another bucket",
                            "name only arn:aws:s3:::" + own.get() + " and arn:aws:s3:::" + own.get() + "/*");
                }
            }
        }
    }
}
