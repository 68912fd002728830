package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalBlock;
import java.util.List;

/**
 * Flags what AWS Organizations refuses in a service control policy or resource control policy:
 * <ul>
 * <li>SCP: a Principal or NotPrincipal (an SCP applies to the accounts it is attached to; Access
 *     Analyzer "SCP syntax error principal"), and a wildcard inside an action name rather than alone
 *     or at its end ({@code s3:*Object}: "wildcards … can only be used by themselves or at the end of
 *     the string", Access Analyzer "SCP syntax error action wildcard").</li>
 * <li>RCP: a Principal other than {@code "*"} (restrict principals with conditions instead),
 *     NotPrincipal and NotAction (RCPs take neither), and an Allow ("The effect of Allow is only
 *     supported for the RCPFullAWSAccess policy", which AWS attaches itself).</li>
 * </ul>
 * A missing Principal in an RCP is missing-principal's. Runs only with {@code --policy-type scp} or
 * {@code rcp}. Pages: the Organizations SCP and RCP syntax pages.
 */
public final class PolicyTypeElement extends BaseRule {
    public PolicyTypeElement() {
        super(RuleInfo.of("policy-type-element", Severity.ERROR, RuleGroup.GRAMMAR, 230,
                "An element an SCP or RCP cannot have (Principal in an SCP, NotAction or Allow in an RCP, …).", Docs.RCP_SYNTAX));
    }

    @Override
    public void check(LintContext c) {
        PolicyKind kind = c.options().kind();
        if (kind == PolicyKind.SCP) {
            for (PolicyScan.StatementAt s : c.statements()) {
                s.statement().principal().ifPresent(p -> c.report(s.pointer() + "/" + p.elementName(), "statement " + s.label()
                        + " has a " + p.elementName() + "; an SCP applies to the accounts it is attached to and takes none",
                        "remove " + p.elementName() + "; restrict principals with a condition such as aws:PrincipalArn"));
                s.statement().action().ifPresent(a -> actionWildcards(c, s, a));
            }
        } else if (kind == PolicyKind.RCP) {
            for (PolicyScan.StatementAt s : c.statements()) {
                s.statement().principal().filter(p -> p.negated() || !isStar(p)).ifPresent(p -> c.report(s.pointer() + "/" + p.elementName(),
                        p.negated() ? "statement " + s.label() + " has a NotPrincipal; RCPs do not take it"
                                : "statement " + s.label() + " names principals; an RCP's Principal must be \"*\"",
                        "write \"Principal\": \"*\" and restrict who with a condition (aws:PrincipalOrgID, aws:PrincipalArn…)"));
                s.statement().action().filter(ActionBlock::negated).ifPresent(a -> c.report(s.pointer() + "/NotAction",
                        "statement " + s.label() + " has a NotAction; RCPs do not take it", "list the actions under Action"));
                s.statement().effect().filter(Effect.ALLOW::equals).ifPresent(e -> c.report(s.pointer() + "/Effect",
                        "statement " + s.label() + " is an Allow; in an RCP only AWS's own RCPFullAWSAccess may allow",
                        "write the statement as a Deny of what must not happen"));
            }
        }
    }

    private static boolean isStar(PrincipalBlock p) {
        return p.wildcard() || p.entries().size() == 1 && p.entries().get(0).ids().items().equals(List.of("*"));
    }

    private static void actionWildcards(LintContext c, PolicyScan.StatementAt s, ActionBlock a) {
        List<String> items = a.actions().items();
        for (int i = 0; i < items.size(); i++) {
            String action = items.get(i);
            int star = firstWildcard(action);
            if (star >= 0 && star < action.length() - 1 && !action.equals("*")) {
                c.report(a.actions().scalar() ? s.pointer() + "/" + a.elementName() : JsonPointer.child(s.pointer() + "/" + a.elementName(), i),
                        "\"" + action + "\" has a wildcard before its end; in an SCP a wildcard in an action stands alone or at the end",
                        "list the actions, or end the pattern with the wildcard (s3:Get*)");
            }
        }
    }

    private static int firstWildcard(String s) {
        int star = s.indexOf('*');
        int q = s.indexOf('?');
        return star < 0 ? q : q < 0 ? star : Math.min(star, q);
    }
}
