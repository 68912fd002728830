package dev.gtvpc.eval;

import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.OperatorType;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * How the evaluator reads a condition value as its operator's type — the same readers it compares
 * with — for the lint rule that flags unreadable values and for the verifier's boundary values.
 */
public final class PolicyValues {
    private PolicyValues() {
    }

    /** True when the operator can read {@code value}; String operators read anything. */
    public static boolean readable(OperatorType type, String value) {
        return switch (type.family()) {
            case BOOLEAN, NULL -> Comparisons.parseBool(value).isPresent();
            case NUMERIC -> Comparisons.number(value).isPresent();
            case DATE -> Comparisons.date(value).isPresent();
            case IP_ADDRESS -> cidr(value);
            case BINARY -> base64(value);
            case ARN -> value.equals("*") || Arn.parse(value).isPresent();
            case STRING -> true;
        };
    }

    /** True when {@code value} is an IPv4 or IPv6 address as the IpAddress operators read one (no CIDR, no lookup). */
    public static boolean address(String value) {
        return Comparisons.address(value).isPresent();
    }

    /** A date as the Date operators read it: ISO 8601 or epoch seconds. */
    public static Optional<Instant> date(String value) {
        return Comparisons.date(value);
    }

    private static boolean cidr(String value) {
        int slash = value.indexOf('/');
        Optional<byte[]> address = Comparisons.address(slash < 0 ? value : value.substring(0, slash));
        if (address.isEmpty()) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        String prefix = value.substring(slash + 1);
        return prefix.matches("[0-9]{1,3}") && Integer.parseInt(prefix) <= address.get().length * 8;
    }

    private static boolean base64(String value) {
        try {
            Base64.getDecoder().decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
