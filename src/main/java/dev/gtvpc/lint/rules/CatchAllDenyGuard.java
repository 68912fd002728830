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
import java.util.Optional;

/**
 * Flags a Deny with a positive condition meant to match everything — {@code IpAddress aws:SourceIp
 * 0.0.0.0/0}, {@code StringLike … "*"} — on a key a request can lack. Such a guard adds nothing but
 * "the key is present": "If the key that you specify in a policy condition is not present in the request
 * context, the values do not match and the condition is false", so every request without the key
 * escapes the Deny (aws:SourceIp is absent "when the requester uses a VPC endpoint"), and 0.0.0.0/0
 * without ::/0 also lets every IPv6 caller through. Deliberately not flagged: a positive condition on
 * particular values (a block-list such as {@code IpAddress 8.8.8.8/32}: a request without the key is not
 * from there), {@code …IfExists}, set operators (forallvalues-single-valued-key's), and keys every
 * request carries. Pages: condition operators (missing keys); global condition keys (aws:SourceIp).
 */
public final class CatchAllDenyGuard extends BaseRule {
    public CatchAllDenyGuard() {
        super(RuleInfo.of("catch-all-deny-guard", Severity.SECURITY_WARNING, RuleGroup.CONDITIONS, 95,
                "A Deny's positive catch-all condition (IpAddress 0.0.0.0/0): requests without the key escape it.",
                Docs.CONDITION_OPERATORS));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            if (e.statement().statement().effect().filter(Effect.DENY::equals).isEmpty() || e.block().operator().ifExists()
                    || e.block().operator().qualifier() != SetQualifier.NONE || e.block().operator().type().isEmpty()) {
                continue;
            }
            OperatorType type = e.block().operator().type().get();
            if (type.negated() || type == OperatorType.NULL) {
                continue;
            }
            Optional<String> escape = escape(c, e, type);
            escape.ifPresent(who -> c.reportAtName(e.pointer(), "in statement " + e.statement().label() + ", " + e.block().operator().text()
                    + " " + e.values() + " on " + e.key() + " is a catch-all, so the Deny applies only to requests it matches: " + who
                    + " escape the Deny",
                    "remove the " + e.block().operator().text() + " condition (the Deny's other conditions already say whom it spares),"
                            + " or write " + e.block().operator().text() + "IfExists"));
        }
    }

    /** Who escapes the Deny through this entry, when its values match every value of the key. */
    private static Optional<String> escape(LintContext c, PolicyScan.EntryAt e, OperatorType type) {
        Optional<ConditionKeyCatalog.Key> key = c.keys().find(e.key());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String absent = key.get().absentWhen().map(w -> "requests without " + e.key() + " (" + w + ")").orElse("");
        if (type.family() == OperatorType.Family.IP_ADDRESS) {
            List<IpRanges.Range> all = e.values().stream().map(IpRanges::parse).flatMap(Optional::stream).filter(IpRanges::everything).toList();
            if (all.isEmpty()) {
                return Optional.empty();
            }
            boolean v4 = all.stream().anyMatch(r -> !r.ipv6());
            boolean v6 = all.stream().anyMatch(IpRanges.Range::ipv6);
            String family = v4 && v6 ? "" : v4 ? "every IPv6 caller" : "every IPv4 caller";
            String who = absent.isEmpty() ? family : family.isEmpty() ? absent : absent + " and " + family;
            return who.isEmpty() ? Optional.empty() : Optional.of(who);
        }
        boolean like = type == OperatorType.STRING_LIKE || type == OperatorType.ARN_LIKE;
        return like && e.values().contains("*") && !absent.isEmpty() ? Optional.of(absent) : Optional.empty();
    }
}
