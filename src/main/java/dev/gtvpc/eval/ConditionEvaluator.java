package dev.gtvpc.eval;

import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.SetQualifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates one condition key under one operator, following the IAM reference:
 * <ul>
 * <li>a missing key: false for a plain operator, true for a negated one, true with {@code IfExists},
 *     true under {@code ForAllValues}, false under {@code ForAnyValue}
 *     (reference_policies_elements_condition_operators.html, "…IfExists", and
 *     reference_policies_condition-single-vs-multi-valued-context-keys.html);</li>
 * <li>several policy values are ORed, and NORed under a negated operator
 *     (reference_policies_condition-logic-multiple-context-keys-or-values.html);</li>
 * <li>{@code ForAllValues}: every request value must pass; {@code ForAnyValue}: at least one;</li>
 * <li>a multivalued key without a set operator never matches, negated or not (AWS requires the
 *     set operator and documents no other outcome; this follows iam-simulate, whose authors report
 *     confirming it with AWS);</li>
 * <li>{@code Null} tests presence; with a set operator it is composed per value (see
 *     {@link #nullCheck}).</li>
 * </ul>
 */
final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    static ConditionTrace evaluate(ConditionOperator op, ConditionEntry entry, ContextKeys context, boolean variables) {
        OperatorType type = op.type().orElseThrow();
        String opText = op.text();
        String key = entry.key();
        List<String> policyValues = entry.values().texts();
        Optional<List<String>> found = context.get(key).map(ContextKeys.Entry::values).filter(v -> !v.isEmpty());

        if (type == OperatorType.NULL) {
            return nullCheck(op, key, policyValues, found);
        }
        SetQualifier q = op.qualifier();
        if (q != SetQualifier.NONE && found.isPresent() && found.get().stream().allMatch(String::isEmpty)) {
            // "If the key values in the request resolve to an empty data set (for example, an empty
            // string), ForAllValues returns true, and ForAnyValue returns false."
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            boolean result = op.ifExists() || q == SetQualifier.FOR_ALL_VALUES || q == SetQualifier.NONE && type.negated();
            String why = op.ifExists() ? "key absent; IfExists makes it true"
                    : q == SetQualifier.FOR_ALL_VALUES ? "key absent; ForAllValues is true for no values"
                    : q == SetQualifier.FOR_ANY_VALUE ? "key absent; ForAnyValue is false for no values"
                    : type.negated() ? "key absent; a negated operator is true when the key is missing"
                    : "key absent; the operator needs the key";
            return new ConditionTrace(opText, key, result, why);
        }
        List<String> requestValues = found.get();
        boolean substitute = variables && (type.family() == OperatorType.Family.STRING || type.family() == OperatorType.Family.ARN)
                && policyValues.stream().anyMatch(PolicyVariables::hasVariable);
        // without variables the values are compared as written; resolving them would only allocate
        List<Optional<PolicyVariables.Resolved>> resolved = substitute ? new ArrayList<>(policyValues.size()) : null;
        if (substitute) {
            for (String p : policyValues) {
                resolved.add(PolicyVariables.resolve(p, context));
            }
        }
        OperatorType positive = type.positive();

        if (q == SetQualifier.NONE) {
            if (requestValues.size() > 1) {
                return new ConditionTrace(opText, key, false, "the request has " + requestValues.size()
                        + " values for this key; without ForAllValues/ForAnyValue a multivalued key never matches");
            }
            String v = requestValues.get(0);
            Comparisons.Outcome any = resolved == null ? anyMatchLiteral(positive, v, policyValues) : anyMatch(positive, v, resolved);
            if (any == Comparisons.Outcome.INVALID) {
                String unreadable = PolicyValues.readable(type, v) && type.family() != OperatorType.Family.BINARY
                        ? "a policy value of " + shown(policyValues) + " is not " + family(type)
                        : describe(v) + " cannot be compared as " + family(type);
                return new ConditionTrace(opText, key, false, unreadable + "; the condition holds under neither polarity");
            }
            boolean matched = any == Comparisons.Outcome.TRUE;
            boolean result = type.negated() != matched;
            String why = describe(v) + (matched ? " matches one of " : " matches none of ") + shown(policyValues);
            return new ConditionTrace(opText, key, result, why);
        }

        int passing = 0;
        String firstFailure = null;
        for (String v : requestValues) {
            Comparisons.Outcome any = resolved == null ? anyMatchLiteral(positive, v, policyValues) : anyMatch(positive, v, resolved);
            boolean passes = any != Comparisons.Outcome.INVALID && type.negated() != (any == Comparisons.Outcome.TRUE);
            if (passes) {
                passing++;
            } else if (firstFailure == null) {
                firstFailure = v;
            }
        }
        if (q == SetQualifier.FOR_ALL_VALUES) {
            boolean result = passing == requestValues.size();
            return new ConditionTrace(opText, key, result, result ? "every request value passes against " + shown(policyValues)
                    : describe(firstFailure) + " does not pass against " + shown(policyValues));
        }
        boolean result = passing > 0;
        return new ConditionTrace(opText, key, result, result ? "a request value passes against " + shown(policyValues)
                : "no request value " + requestValues + " passes against " + shown(policyValues));
    }

    private static Comparisons.Outcome anyMatchLiteral(OperatorType positive, String v, List<String> values) {
        if (positive == OperatorType.STRING_EQUALS) {
            return Comparisons.of(values.contains(v));
        }
        boolean invalid = false;
        for (String p : values) {
            Comparisons.Outcome o = Comparisons.compare(positive, v, new PolicyVariables.Resolved(p, null));
            if (o == Comparisons.Outcome.TRUE) {
                return o;
            }
            invalid |= o == Comparisons.Outcome.INVALID;
        }
        return invalid ? Comparisons.Outcome.INVALID : Comparisons.Outcome.FALSE;
    }

    private static Comparisons.Outcome anyMatch(OperatorType positive, String v, List<Optional<PolicyVariables.Resolved>> values) {
        boolean invalid = false;
        for (Optional<PolicyVariables.Resolved> p : values) {
            if (p.isEmpty()) {
                continue; // a variable with no value: "there is no equal or like value"
            }
            Comparisons.Outcome o = Comparisons.compare(positive, v, p.get());
            if (o == Comparisons.Outcome.TRUE) {
                return o;
            }
            invalid |= o == Comparisons.Outcome.INVALID;
        }
        return invalid ? Comparisons.Outcome.INVALID : Comparisons.Outcome.FALSE;
    }

    /**
     * {@code Null} on the key as a whole; with a set operator, composed per value from the IAM User
     * Guide's definitions: a value in the request is there, so it satisfies {@code Null: false} and never
     * {@code Null: true}; {@code ForAllValues} is true on the null data set (key absent, empty list or
     * empty strings) or when every value satisfies the condition, {@code ForAnyValue} only when some value
     * does. So {@code ForAllValues:Null "false"} is always true and {@code ForAnyValue:Null "true"} always
     * false (Access Analyzer's NULL_WITH_QUALIFIER), while {@code ForAllValues:Null "true"} holds only when
     * the key is absent and {@code ForAnyValue:Null "false"} only when it is present, as the IAM policy
     * simulator answered (src/test/resources/grammar/NULL-SET-OPERATORS.md).
     */
    private static ConditionTrace nullCheck(ConditionOperator op, String key, List<String> policyValues, Optional<List<String>> found) {
        boolean present = found.isPresent();
        if (op.qualifier() != SetQualifier.NONE) {
            boolean values = present && !found.get().stream().allMatch(String::isEmpty);
            // a value that exists satisfies Null "false" and never Null "true"
            boolean valueSatisfies = policyValues.stream().map(Comparisons::parseBool)
                    .anyMatch(b -> b.filter(Boolean.FALSE::equals).isPresent());
            boolean all = op.qualifier() == SetQualifier.FOR_ALL_VALUES;
            boolean result = all ? !values || valueSatisfies : values && valueSatisfies;
            String why = !values ? (all ? "no values; ForAllValues is true for no values" : "no values; ForAnyValue is false for no values")
                    : "key has values, each satisfies Null \"false\" and none Null \"true\"";
            return new ConditionTrace(op.text(), key, result, why + ", Null " + policyValues);
        }
        boolean result = false;
        for (String p : policyValues) {
            Optional<Boolean> wantsAbsent = Comparisons.parseBool(p);
            if (wantsAbsent.isPresent() && wantsAbsent.get() != present) {
                result = true;
            }
        }
        return new ConditionTrace(op.text(), key, result, "key " + (present ? "present" : "absent") + ", Null "
                + policyValues);
    }

    /** The policy's values for a trace: all of a short list, the first few of a long one (a trace is read by people). */
    private static String shown(List<String> values) {
        if (values.size() <= 8) {
            return values.toString();
        }
        return "[" + String.join(", ", values.subList(0, 5)) + ", … " + (values.size() - 5) + " more]";
    }

    private static String describe(String v) {
        return "request value \"" + v + "\"";
    }

    private static String family(OperatorType type) {
        return switch (type.family()) {
            case NUMERIC -> "a number";
            case DATE -> "a date";
            case BOOLEAN -> "a boolean";
            case BINARY -> "base64";
            case IP_ADDRESS -> "an IP address";
            case ARN -> "an ARN";
            default -> "the operator's type";
        };
    }
}
