package dev.gtvpc.policy;

import java.util.Optional;

/**
 * The condition operators of the IAM reference
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html),
 * closed so the evaluator has to handle every one. A negated operator names its positive twin:
 * IAM evaluates {@code StringNotEquals} as "equals none of the values" (NOR), which is the
 * negation of the twin's OR.
 */
public enum OperatorType {
    STRING_EQUALS("StringEquals", Family.STRING, null),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, STRING_EQUALS),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, null),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, STRING_EQUALS_IGNORE_CASE),
    STRING_LIKE("StringLike", Family.STRING, null),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, STRING_LIKE),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, null),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, NUMERIC_EQUALS),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, null),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, null),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, null),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, null),
    DATE_EQUALS("DateEquals", Family.DATE, null),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, DATE_EQUALS),
    DATE_LESS_THAN("DateLessThan", Family.DATE, null),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, null),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, null),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, null),
    BOOL("Bool", Family.BOOLEAN, null),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, null),
    IP_ADDRESS("IpAddress", Family.IP_ADDRESS, null),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP_ADDRESS, IP_ADDRESS),
    ARN_EQUALS("ArnEquals", Family.ARN, null),
    ARN_LIKE("ArnLike", Family.ARN, null),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, ARN_EQUALS),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, ARN_LIKE),
    NULL("Null", Family.NULL, null);

    /** What kind of value an operator compares. */
    public enum Family { STRING, NUMERIC, DATE, BOOLEAN, BINARY, IP_ADDRESS, ARN, NULL }

    private final String json;
    private final Family family;
    private final OperatorType positive;

    OperatorType(String json, Family family, OperatorType positive) {
        this.json = json;
        this.family = family;
        this.positive = positive;
    }

    public String json() {
        return json;
    }

    public Family family() {
        return family;
    }

    /** True for the operators that require the key not to match ({@code StringNotEquals}, …). */
    public boolean negated() {
        return positive != null;
    }

    /** The operator this one negates, or itself when it is not negated. */
    public OperatorType positive() {
        return positive == null ? this : positive;
    }

    public static Optional<OperatorType> fromJson(String text) {
        for (OperatorType t : values()) {
            if (t.json.equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
