package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.PolicyScan;

/**
 * Flags an STS assumed-role session ARN as a value of aws:PrincipalArn. For a session the key holds
 * the role's ARN ("the role session principal is granted the permissions based on the ARN of role that
 * was assumed"), so the value never matches: the exemption or restriction does nothing.
 */
public final class AssumedRolePrincipalArn extends BaseRule {
    public AssumedRolePrincipalArn() {
        super(RuleInfo.of("assumed-role-principal-arn", Severity.ERROR, RuleGroup.CONDITIONS, 70,
                "An assumed-role session ARN as a value of aws:PrincipalArn.", Docs.PRINCIPAL));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.ValueAt v : c.valuesOf("aws:PrincipalArn")) {
            Arn.parse(v.value()).filter(a -> a.service().equals("sts") && a.resource().startsWith("assumed-role/")).ifPresent(a -> {
                String[] parts = a.resource().split("/");
                String role = "arn:" + a.partition() + ":iam::" + a.account() + ":role/" + (parts.length > 1 ? parts[1] : "NAME");
                c.report(v.pointer(), "\"" + v.value() + "\" is an assumed-role session; aws:PrincipalArn holds the role's ARN"
                        + " for every session, so this value never matches", "use " + role + " (with the role's path, if it has one)");
            });
        }
    }
}
