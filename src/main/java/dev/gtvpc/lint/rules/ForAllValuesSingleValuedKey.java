package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.SetQualifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flags ForAllValues: or ForAnyValue: on a key the reference lists as single-valued (aws:SourceVpce,
 * aws:SourceVpc, aws:PrincipalArn, aws:SourceIp…) where the set operator changes a decision: "Do not use
 * condition set operators ForAllValues or ForAnyValue with single-valued context keys". ForAllValues with
 * a positive operator is true when the key is absent (the plain operator is false), and ForAnyValue with
 * a negated operator is false when it is absent (the plain one is true), so in a Deny every request
 * without the key escapes it.
 * <p>
 * ForAllValues with a negated operator and ForAnyValue with a positive one decide every request on a
 * single-valued key exactly as the plain operator (both true, or both false, when the key is absent;
 * the same comparison when it holds one value): no request is decided otherwise, so they are reported
 * only as a suggestion that says so and says that AWS asks for the plain operator all the same (the
 * Ground Truth page's {@code ForAllValues:StringNotEquals} is of that kind; {@code policy lint --fix}
 * writes the plain operator). Keys gtvpc does not know are not flagged. Access Analyzer:
 * FORALLVALUES_WITH_SINGLE_VALUED_KEY (which reports every ForAllValues on a single-valued key).
 */
public final class ForAllValuesSingleValuedKey extends BaseRule {
    public ForAllValuesSingleValuedKey() {
        super(RuleInfo.of("forallvalues-single-valued-key", Severity.SECURITY_WARNING, RuleGroup.CONDITIONS, 10,
                "ForAllValues or ForAnyValue on a single-valued key.", Docs.SINGLE_VS_MULTI));
    }

    @Override
    public void check(LintContext c) {
        Map<String, List<PolicyScan.EntryAt>> sameAsPlain = new LinkedHashMap<>();
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            SetQualifier q = e.block().operator().qualifier();
            if (q == SetQualifier.NONE || !c.keys().singleValued(e.entry().key())) {
                continue;
            }
            boolean negatedOperator = e.block().operator().type().map(t -> t.negated()).orElse(false);
            String plain = e.block().operator().text().substring(q.prefix().length());
            if (q == SetQualifier.FOR_ALL_VALUES && negatedOperator || q == SetQualifier.FOR_ANY_VALUE && !negatedOperator) {
                sameAsPlain.computeIfAbsent(e.pointer().substring(0, e.pointer().lastIndexOf('/')), k -> new ArrayList<>()).add(e);
                continue;
            }
            boolean deny = e.statement().statement().effect().filter(Effect.DENY::equals).isPresent();
            boolean negated = e.block().operator().type().map(t -> t.negated()).orElse(false);
            String why;
            if (q == SetQualifier.FOR_ALL_VALUES) {
                why = "it is true when the key is absent, where " + plain + " is false"
                        + (deny ? ": this Deny applies to every request without the key" : ": this Allow grants every request without the key");
            } else if (deny && negated && !e.block().operator().ifExists()) {
                why = "it is false when the key is absent, so every request without " + e.entry().key() + " escapes this Deny";
            } else {
                why = "it makes the condition depend on how the set operator treats one value";
            }
            c.reportAtName(e.pointer(), q.prefix().substring(0, q.prefix().length() - 1) + " on " + e.entry().key() + ", a single-valued key: " + why,
                    "use the plain operator \"" + plain + "\"" + (e.block().entries().size() > 1 ? " for this block" : ""));
        }
        sameAsPlain.forEach((operatorPointer, entries) -> suggest(c, operatorPointer, entries));
    }

    /** One suggestion per operator block: the set operator decides as the plain one on every key listed. */
    private static void suggest(LintContext c, String operatorPointer, List<PolicyScan.EntryAt> entries) {
        PolicyScan.EntryAt first = entries.get(0);
        SetQualifier q = first.block().operator().qualifier();
        String qualifier = q.prefix().substring(0, q.prefix().length() - 1);
        String plain = first.block().operator().text().substring(q.prefix().length());
        List<String> keys = entries.stream().map(PolicyScan.EntryAt::key).toList();
        String named = keys.size() == 1 ? keys.get(0) + ", a single-valued key"
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1) + ", single-valued keys";
        boolean whole = keys.size() == first.block().entries().size();
        c.reportAtName(Severity.SUGGESTION, operatorPointer, qualifier + " on " + named + ": it decides every request as " + plain
                + " does, but AWS says not to use set operators with single-valued keys"
                + (q == SetQualifier.FOR_ALL_VALUES ? " and Access Analyzer reports it (FORALLVALUES_WITH_SINGLE_VALUED_KEY)" : ""),
                "use the plain operator \"" + plain + "\"" + (whole ? " (policy lint --fix does)" : " for these keys"));
    }
}