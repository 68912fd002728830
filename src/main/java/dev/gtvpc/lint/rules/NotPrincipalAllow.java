package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.PolicyScan;

/**
 * Flags an Allow with NotPrincipal: "NotPrincipal must be used with "Effect":"Deny". Using it with
 * "Effect":"Allow" is not supported." Such a statement would grant everyone — anonymous callers
 * included — but the principals it names; public-allow reports that exposure besides. A Deny with
 * NotPrincipal is supported (AWS advises aws:PrincipalArn with an Arn operator instead, which this
 * rule does not insist on). Page: the NotPrincipal element.
 */
public final class NotPrincipalAllow extends BaseRule {
    public NotPrincipalAllow() {
        super(RuleInfo.of("not-principal-allow", Severity.ERROR, RuleGroup.GRAMMAR, 240,
                "An Allow with NotPrincipal, which AWS no longer supports.", Docs.NOT_PRINCIPAL)
                .onlyFor(PolicyKind.BUCKET, PolicyKind.VPC_ENDPOINT));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().effect().filter(Effect.ALLOW::equals).isPresent()
                    && s.statement().principal().filter(p -> p.negated()).isPresent()) {
                c.report(s.pointer() + "/NotPrincipal", "statement " + s.label() + " allows with NotPrincipal; AWS supports NotPrincipal"
                        + " only with \"Effect\": \"Deny\", and as written it would grant everyone but the principals named",
                        "name the principals to allow under Principal");
            }
        }
    }
}
