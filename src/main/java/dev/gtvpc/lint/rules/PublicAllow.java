package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Effect;

/**
 * Flags an Allow to everyone ({@code "*"} or {@code {"AWS": "*"}}, which include anonymous callers)
 * whose conditions do not restrict who or where the caller is (no condition on aws:SourceVpce,
 * aws:SourceVpc, aws:SourceIp, aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalOrgID…): the
 * bucket is public for those actions. Unlike Checkov's CKV_AWS_93 it does not skip statements with
 * conditions; a condition that only tests, say, aws:SecureTransport restricts nobody.
 */
public final class PublicAllow extends BaseRule {
    public PublicAllow() {
        super("public-allow", Severity.SECURITY_WARNING, "s3", "An Allow to everyone without a condition on the caller.",
                Docs.PRINCIPAL);
    }

    @Override
    public void check(LintContext c) {
        for (LintContext.StatementAt s : c.statements()) {
            if (s.statement().effect().filter(Effect.ALLOW::equals).isEmpty() || s.statement().principal().isEmpty()
                    || !s.statement().principal().get().coversEveryone()) {
                continue;
            }
            boolean restricted = c.conditionEntries(s).stream().anyMatch(e ->
                    Keys.CALLER.contains(Keys.lower(e.entry().key())) || Keys.principalTag(e.entry().key()));
            if (!restricted) {
                c.report(s.pointer() + "/Principal", "statement " + s.label() + " allows everyone, anonymous callers"
                        + " included, with no condition on who or where they are: the bucket is public for its actions",
                        "name the principals, or add a condition on aws:SourceVpce, aws:SourceVpc or aws:PrincipalArn");
            }
        }
    }
}
