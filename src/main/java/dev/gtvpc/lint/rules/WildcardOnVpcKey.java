package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Wildcards;
import java.util.List;

/**
 * Flags wildcards on the keys where AWS says they have no valid use — aws:SourceVpc, aws:SourceVpce,
 * the account and organisation keys: a {@code *} or {@code ?} in a value under a Like operator (it
 * matches endpoints and VPCs of other accounts too), or a Like operator on them at all. A {@code *} under
 * StringEquals is literal and matches nothing, which invalid-vpce-format and invalid-vpc-format catch.
 * Page: global condition keys ("The use of wildcards in these condition keys does not have any valid
 * use cases").
 */
public final class WildcardOnVpcKey extends BaseRule {
    public WildcardOnVpcKey() {
        super(RuleInfo.of("wildcard-on-vpc-key", Severity.SECURITY_WARNING, RuleGroup.CONDITIONS, 60,
                "A wildcard on aws:SourceVpce, aws:SourceVpc or an account key.", Docs.GLOBAL_KEYS));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            if (!c.keys().is(e.entry().key(), ConditionKeyCatalog.Flag.NO_WILDCARDS) || e.block().operator().type().isEmpty()) {
                continue;
            }
            OperatorType type = e.block().operator().type().get().positive();
            if (type != OperatorType.STRING_LIKE && type != OperatorType.ARN_LIKE) {
                continue;
            }
            List<String> values = e.entry().values().texts();
            boolean any = false;
            for (int i = 0; i < values.size(); i++) {
                if (Wildcards.hasWildcard(values.get(i))) {
                    any = true;
                    c.report(e.valuePointer(i), "\"" + values.get(i) + "\" is a wildcard on " + e.entry().key()
                            + ": it also matches endpoints and VPCs of other accounts; AWS says wildcards on this key have no"
                            + " valid use", "list the exact IDs under StringEquals / StringNotEquals");
                }
            }
            if (!any) {
                c.reportAtName(e.pointer(), e.block().operator().text() + " on " + e.entry().key()
                        + ": a Like operator invites wildcards, which have no valid use on this key",
                        "use " + e.block().operator().text().replace("Like", "Equals"));
            }
        }
    }
}
