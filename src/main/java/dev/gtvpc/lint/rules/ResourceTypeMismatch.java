package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.ResourceBlock;
import dev.gtvpc.policy.Wildcards;
import java.util.List;
import java.util.Optional;

/**
 * Flags an action the statement's resources can never match: an object action (s3:GetObject) with
 * only the bucket ARN, a bucket action (s3:ListBucket) with only {@code bucket/*}, an action that takes
 * no resource (s3:ListAllMyBuckets, which only an identity policy can grant). For a Deny the action is
 * then not denied at all. Action patterns (s3:*), NotAction and NotResource are not judged: they name
 * more than one kind of resource on purpose. Resource types: the Service Authorization Reference.
 */
public final class ResourceTypeMismatch extends BaseRule {
    public ResourceTypeMismatch() {
        super(RuleInfo.of("resource-type-mismatch", Severity.ERROR, RuleGroup.S3, 10,
                "An action the statement's Resource can never match (s3:ListBucket with only bucket/*).", Docs.S3_ACTIONS)
                .onlyFor(PolicyKind.BUCKET, PolicyKind.VPC_ENDPOINT).judging(Judges.VALUE, Judges.RESOURCES));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            Optional<ActionBlock> action = s.statement().action();
            Optional<ResourceBlock> resource = s.statement().resource();
            if (action.isEmpty() || resource.isEmpty() || action.get().negated() || resource.get().negated()) {
                continue;
            }
            List<String> resources = resource.get().resources().items();
            boolean objects = resources.stream().anyMatch(S3Resources::namesObjects);
            boolean bucket = resources.stream().anyMatch(S3Resources::namesBucket);
            List<String> items = action.get().actions().items();
            for (int i = 0; i < items.size(); i++) {
                String a = items.get(i);
                if (Wildcards.hasWildcard(a) || !a.regionMatches(true, 0, "s3:", 0, 3)) {
                    continue;
                }
                Optional<S3ActionCatalog.Action> known = c.actions().find(a);
                if (known.isEmpty()) {
                    continue;
                }
                S3ActionCatalog.Action act = known.get();
                String pointer = action.get().actions().scalar() ? s.pointer() + "/Action" : JsonPointer.child(s.pointer() + "/Action", i);
                if (act.resourceTypes().isEmpty()) {
                    c.report(pointer, a + " takes no resource, so no bucket policy statement can match it",
                            "grant it in an identity policy on \"Resource\": \"*\" and remove it here");
                } else if (act.onObjects() && !act.onBucket() && !objects) {
                    c.report(pointer, a + " acts on objects, but statement " + s.label() + " names only the bucket: it never"
                            + " matches", "add the object ARN arn:aws:s3:::BUCKET/* to Resource");
                } else if (act.onBucket() && !act.onObjects() && !bucket) {
                    c.report(pointer, a + " acts on the bucket, but statement " + s.label() + " names only objects: it never"
                            + " matches", "add the bucket ARN arn:aws:s3:::BUCKET to Resource");
                }
            }
        }
    }
}
