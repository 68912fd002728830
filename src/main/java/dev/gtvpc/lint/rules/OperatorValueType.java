package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.OperatorType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Flags a condition value the operator cannot read: {@code Bool} or {@code Null} with something other
 * than true/false, a Numeric value that is not a number, a Date value that is neither ISO 8601 nor
 * epoch seconds, an IP operator value that is not an address or CIDR, BinaryEquals without base64, an
 * Arn operator value that is not an ARN. Such a condition never holds. Values holding a policy
 * variable are not judged. Access Analyzer: the "Type mismatch" checks.
 */
public final class OperatorValueType extends BaseRule {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern EPOCH = Pattern.compile("[0-9]+");
    private static final Pattern CIDR4 = Pattern.compile("([0-9]{1,3})(?:\\.([0-9]{1,3})){3}(?:/([0-9]{1,2}))?");
    private static final Pattern CIDR6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:/[0-9]{1,3})?");

    public OperatorValueType() {
        super("operator-value-type", Severity.ERROR, "grammar", "A condition value the operator cannot read (e.g. Bool with \"yes\").",
                Docs.CONDITION_OPERATORS);
    }

    @Override
    public void check(LintContext c) {
        for (LintContext.EntryAt e : c.conditionEntries()) {
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
                if (expected != null) {
                    c.report(e.valuePointer(i), type.json() + " on " + e.entry().key() + " needs " + expected + ", not \"" + v
                            + "\"; the condition can never hold", "write " + expected);
                }
            }
        }
    }

    /** What the operator needs, when {@code v} is not it; null when {@code v} is fine. */
    static String problem(OperatorType type, String v) {
        return switch (type.family()) {
            case BOOLEAN, NULL -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null : "true or false";
            case NUMERIC -> NUMBER.matcher(v).matches() ? null : "a number";
            case DATE -> date(v) ? null : "an ISO 8601 date (2026-11-25 or 2026-11-25T12:00:00Z) or epoch seconds";
            case IP_ADDRESS -> ip(v) ? null : "an IP address or CIDR range (203.0.113.0/24, 2001:db8::/32)";
            case BINARY -> base64(v) ? null : "base64";
            case ARN -> v.equals("*") || Arn.parse(v).isPresent() ? null : "an ARN (arn:partition:service:region:account:resource)";
            case STRING -> null;
        };
    }

    private static boolean date(String v) {
        if (EPOCH.matcher(v).matches()) {
            return true;
        }
        try {
            if (v.length() == 10) {
                LocalDate.parse(v);
            } else {
                OffsetDateTime.parse(v);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean ip(String v) {
        var m = CIDR4.matcher(v);
        if (m.matches()) {
            for (String octet : v.split("/")[0].split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return m.group(3) == null || Integer.parseInt(m.group(3)) <= 32;
        }
        if (CIDR6.matcher(v).matches()) {
            try {
                String address = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
                java.net.InetAddress.getByName(address);
                return !v.contains("/") || Integer.parseInt(v.substring(v.indexOf('/') + 1)) <= 128;
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean base64(String v) {
        try {
            Base64.getDecoder().decode(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

}
