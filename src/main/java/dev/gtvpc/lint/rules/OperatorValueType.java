package dev.gtvpc.lint.rules;

import dev.gtvpc.eval.PolicyValues;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import java.util.List;

/**
 * Flags a condition value the operator cannot read: {@code Bool} or {@code Null} with something other
 * than true/false, a Numeric value that is not a number, a Date value that is neither ISO 8601 nor
 * epoch seconds, an IP operator value that is not an address or CIDR, BinaryEquals without base64, an
 * Arn operator value that is not an ARN. Such a value cannot be compared with a request. gtvpc's
 * evaluator then makes the condition false under either polarity (its documented choice; the independent
 * evaluator iam-simulate answers alike for NotIpAddress and ArnNotLike): under a positive operator the
 * condition never holds through that value, and a negated one ({@code NotIpAddress}) never holds at all,
 * since a request either matches another of its values or meets the unreadable one — so a Deny with it
 * never applies. Values holding a policy variable are not judged, nor placeholders (placeholder-left
 * reports those). A date value IAM's CreatePolicy accepts though it is neither ISO 8601 nor epoch seconds
 * ({@code 01T}, {@code 2016-12-13t2:00:00.593194+23}: {@link IamDates}) is a warning in identity policies.
 * Access Analyzer: the "Type mismatch" checks.
 */
public final class OperatorValueType extends BaseRule {
    public OperatorValueType() {
        super(RuleInfo.of("operator-value-type", Severity.ERROR, RuleGroup.GRAMMAR, 190,
                "A condition value the operator cannot read (e.g. Bool with \"yes\").", Docs.CONDITION_OPERATORS)
                .judging(Judges.VALUE_SHAPE));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            if (e.block().operator().type().isEmpty()) {
                continue;
            }
            OperatorType type = e.block().operator().type().get();
            List<String> values = e.entry().values().texts();
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (v.contains("${")) {
                    continue;
                }
                String expected = problem(type, v);
                if (expected != null && type.family() == OperatorType.Family.DATE && c.options().kind().identity() && IamDates.accepted(v)) {
                    c.report(Severity.WARNING, e.valuePointer(i), type.json() + " on " + e.entry().key() + ": IAM accepts \"" + v
                            + "\" (its date parser takes more than it documents), but it is neither ISO 8601 nor epoch seconds, so what"
                            + " it compares with is not documented and gtvpc cannot compare it", "write " + expected);
                } else if (expected != null) {
                    String consequence = type.negated()
                            ? "no request can be compared with it, so " + e.block().operator().text() + " never holds"
                                    + (e.statement().statement().effect().filter(dev.gtvpc.policy.Effect.DENY::equals).isPresent()
                                            ? " and this Deny never applies" : "")
                            : "it matches no request, so the condition never holds through it";
                    c.report(e.valuePointer(i), type.json() + " on " + e.entry().key() + " needs " + expected + ", not \"" + v
                            + "\"; " + consequence, "write " + expected);
                }
            }
        }
    }

    /** What the operator needs, when the evaluator cannot read {@code v} as it; null when it can. */
    static String problem(OperatorType type, String v) {
        if (PolicyValues.readable(type, v)) {
            return null;
        }
        return switch (type.family()) {
            case BOOLEAN, NULL -> "true or false";
            case NUMERIC -> "a number";
            case DATE -> "an ISO 8601 date (2026-11-25 or 2026-11-25T12:00:00Z) or epoch seconds";
            case IP_ADDRESS -> "an IP address or CIDR range (203.0.113.0/24, 2001:db8::/32)";
            case BINARY -> "base64";
            case ARN -> "an ARN (arn:partition:service:region:account:resource)";
            case STRING -> null;
        };
    }
}
