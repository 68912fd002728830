package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.SetQualifier;

/**
 * Flags ForAllValues: or ForAnyValue: on a key the reference lists as single-valued (aws:SourceVpce,
 * aws:SourceVpc, aws:PrincipalArn, aws:SourceIp…). "Do not use condition set operators ForAllValues
 * or ForAnyValue with single-valued context keys": ForAllValues is true when the key is absent, and
 * ForAnyValue with a negated operator in a Deny is false when it is absent, so requests from the
 * internet escape the Deny. The page's 2023 examples have this defect. Keys gtvpc does not know are not
 * flagged. Access Analyzer: FORALLVALUES_WITH_SINGLE_VALUED_KEY.
 */
public final class ForAllValuesSingleValuedKey extends BaseRule {
    public ForAllValuesSingleValuedKey() {
        super("forallvalues-single-valued-key", Severity.SECURITY_WARNING, "conditions",
                "ForAllValues or ForAnyValue on a single-valued key.", Docs.SINGLE_VS_MULTI);
    }

    @Override
    public void check(LintContext c) {
        for (LintContext.EntryAt e : c.conditionEntries()) {
            SetQualifier q = e.block().operator().qualifier();
            if (q == SetQualifier.NONE || !c.keys().singleValued(e.entry().key())) {
                continue;
            }
            String plain = e.block().operator().text().substring(q.prefix().length());
            boolean deny = e.statement().statement().effect().filter(Effect.DENY::equals).isPresent();
            boolean negated = e.block().operator().type().map(t -> t.negated()).orElse(false);
            String why;
            if (q == SetQualifier.FOR_ALL_VALUES) {
                why = "it is true when the key is absent, which can make the policy overly permissive";
            } else if (deny && negated && !e.block().operator().ifExists()) {
                why = "it is false when the key is absent, so every request without " + e.entry().key() + " escapes this Deny";
            } else {
                why = "it makes the condition depend on how the set operator treats one value";
            }
            c.reportAtName(e.pointer(), q.prefix().substring(0, q.prefix().length() - 1) + " on " + e.entry().key() + ", a single-valued key: " + why,
                    "use the plain operator \"" + plain + "\"" + (e.block().entries().size() > 1 ? " for this block" : ""));
        }
    }
}
