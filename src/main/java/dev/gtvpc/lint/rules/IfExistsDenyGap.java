package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.SetQualifier;
import java.util.List;

/**
 * Flags a Deny that a request escapes by lacking a key, where the key's absence is an escape from a
 * guard rather than "not in scope". Exactly two shapes, both in a Deny, both without IfExists:
 * <ol>
 * <li>a guard on a network-origin key (aws:SourceVpce, aws:SourceVpc, aws:SourceIp, aws:VpcSourceIp,
 *     aws:SourceVpcArn, aws:VpceAccount, aws:VpceOrgID, aws:VpceOrgPaths) or an identity- or
 *     resource-perimeter key (aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalOrgID,
 *     aws:PrincipalOrgPaths, aws:userid, aws:SourceAccount, aws:SourceArn, aws:SourceOrgID,
 *     aws:SourceOrgPaths, aws:ResourceAccount, aws:ResourceOrgID, aws:ResourceOrgPaths) written with
 *     a negated operator under {@code ForAnyValue:}, which is false when the key is absent
 *     ({@code ForAnyValue:StringNotLike aws:PrincipalOrgPaths}: anonymous callers and AWS services carry
 *     no organization path, so they are not denied);</li>
 * <li>beside such a guard (a negated operator on one of those keys, in the same statement),
 *     {@code "Bool": {"aws:PrincipalIsAWSService": "false"}}: the perimeter's exemption for AWS
 *     services, whose key unsigned requests do not carry ("present … for all signed API requests"),
 *     so anonymous callers escape the whole Deny. AWS's data-perimeter policies write
 *     {@code BoolIfExists} for this reason.</li>
 * </ol>
 * Deliberately not flagged: a positive operator that says whom the Deny is for ({@code StringEquals
 * aws:SourceVpc}, a principal tag, aws:PrincipalAccount, {@code "Bool": {"aws:PrincipalIsAWSService": "true"}}): a request without the key is out of the
 * Deny's scope by design; a plain negated operator, which is true when the key is absent ("the
 * request is still denied"); {@code Null}, which tests presence on purpose; and every Allow. Single-
 * valued keys under a set operator are forallvalues-single-valued-key's as well. Page: condition
 * operators, "…IfExists condition operators" and "Condition with multiple context keys or values";
 * global condition keys (aws:PrincipalIsAWSService availability).
 */
public final class IfExistsDenyGap extends BaseRule {
    public IfExistsDenyGap() {
        super(RuleInfo.of("ifexists-deny-gap", Severity.SECURITY_WARNING, RuleGroup.CONDITIONS, 90,
                "A perimeter Deny that requests without the key escape (ForAnyValue on a negated guard, Bool without IfExists).",
                Docs.CONDITION_OPERATORS));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().effect().filter(Effect.DENY::equals).isEmpty()) {
                continue;
            }
            List<PolicyScan.EntryAt> entries = c.conditionEntries(s);
            boolean guarded = entries.stream().anyMatch(e -> guardKey(c, e) && negated(e) && e.block().operator().qualifier() != SetQualifier.FOR_ANY_VALUE);
            for (PolicyScan.EntryAt e : entries) {
                String key = e.entry().key();
                if (e.block().operator().ifExists() || e.block().operator().type().isEmpty()) {
                    continue;
                }
                if (guardKey(c, e) && negated(e) && e.block().operator().qualifier() == SetQualifier.FOR_ANY_VALUE) {
                    c.reportAtName(e.pointer(), "this Deny's " + e.block().operator().text() + " on " + key + " is false when a request"
                            + " has no " + key + ", so such requests (anonymous callers, AWS services) are not denied",
                            "use " + e.block().operator().text().replace("ForAnyValue:", "ForAllValues:")
                                    + ", which is true when the key is absent");
                } else if (guarded && Keys.is(key, "aws:principalisawsservice") && e.block().operator().type().get() == OperatorType.BOOL
                        && e.block().operator().qualifier() == SetQualifier.NONE
                        && e.entry().values().texts().stream().allMatch(v -> v.equalsIgnoreCase("false"))) {
                    c.reportAtName(e.pointer(), "this Deny's Bool on " + key + " is false for unsigned requests, which carry no " + key
                            + ": anonymous callers escape the whole Deny", "use \"BoolIfExists\", as AWS's data-perimeter policies do");
                }
            }
        }
    }

    /** A key a data perimeter is built on (the catalogue's perimeter keys: network, identity and resource). */
    private static boolean guardKey(LintContext c, PolicyScan.EntryAt e) {
        return c.keys().is(e.entry().key(), ConditionKeyCatalog.Flag.PERIMETER);
    }

    private static boolean negated(PolicyScan.EntryAt e) {
        return e.block().operator().type().map(OperatorType::negated).orElse(false);
    }
}
