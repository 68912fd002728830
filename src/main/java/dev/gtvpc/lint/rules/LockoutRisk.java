package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.OperatorType;
import java.util.List;

/**
 * Flags a Deny for everyone that covers s3:PutBucketPolicy or s3:DeleteBucketPolicy on the bucket
 * (s3:*, s3:*BucketPolicy…) without exempting any principal (no aws:PrincipalArn, aws:PrincipalAccount,
 * aws:userid… under a negated operator). Every administrator outside the VPC then loses the ability to
 * change or delete the policy — "only the root principal in a bucket owner's account" can. A Deny
 * that exempts an administrator role is not flagged; NotPrincipal statements are not judged.
 */
public final class LockoutRisk extends BaseRule {
    private static final List<String> POLICY_ACTIONS = List.of("s3:PutBucketPolicy", "s3:DeleteBucketPolicy");
    private static final List<String> PRINCIPAL_KEYS = List.of("aws:principalarn", "aws:principalaccount", "aws:userid",
            "aws:username", "aws:principalorgid", "aws:principalorgpaths");

    public LockoutRisk() {
        super("lockout-risk", Severity.SECURITY_WARNING, "safety",
                "A Deny on changing the bucket policy with no principal exempt (administrators lock themselves out).",
                Docs.DELETE_BUCKET_POLICY);
    }

    @Override
    public void check(LintContext c) {
        for (LintContext.StatementAt s : c.statements()) {
            List<String> covered = POLICY_ACTIONS.stream().filter(a -> GroundTruth.denies(s, a)).toList();
            if (covered.isEmpty() || s.statement().principal().isEmpty() || !s.statement().principal().get().coversEveryone()) {
                continue;
            }
            boolean bucketNamed = s.statement().resource().map(r -> r.negated()
                    || r.resources().items().stream().anyMatch(S3Resources::namesBucket)).orElse(false);
            if (!bucketNamed) {
                continue;
            }
            boolean exemptsSomeone = c.conditionEntries(s).stream().anyMatch(e ->
                    (PRINCIPAL_KEYS.contains(Keys.lower(e.entry().key())) || Keys.principalTag(e.entry().key()))
                            && e.block().operator().type().map(OperatorType::negated).orElse(false));
            if (!exemptsSomeone) {
                c.report(s.pointer(), "statement " + s.label() + " denies " + String.join(" and ", covered) + " to everyone it"
                        + " covers and exempts no principal: administrators outside the VPC could not change or delete this"
                        + " policy again; only the account's root user can", "exempt an administrator role with"
                        + " \"aws:PrincipalArn\" in the StringNotEquals block, or leave s3:PutBucketPolicy and"
                        + " s3:DeleteBucketPolicy out of the Deny");
            }
        }
    }
}
