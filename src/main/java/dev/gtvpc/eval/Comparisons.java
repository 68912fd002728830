package dev.gtvpc.eval;

import dev.gtvpc.policy.OperatorType;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The positive comparison of each operator family: does request value {@code v} match policy value
 * {@code p}? Each answers TRUE, FALSE or INVALID (a value that cannot be read as the operator's type);
 * the condition treats INVALID as "does not hold", whatever the operator's polarity.
 */
final class Comparisons {
    enum Outcome { TRUE, FALSE, INVALID }

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");
    private static final Pattern EPOCH = Pattern.compile("[0-9]+");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private Comparisons() {
    }

    static Outcome of(boolean b) {
        return b ? Outcome.TRUE : Outcome.FALSE;
    }

    /** {@code type} is a positive operator; {@code p} is the policy value after variable substitution. */
    static Outcome compare(OperatorType type, String v, PolicyVariables.Resolved p) {
        String pv = p.text();
        return switch (type) {
            case STRING_EQUALS -> of(v.equals(pv));
            case STRING_EQUALS_IGNORE_CASE -> of(v.toLowerCase(Locale.ROOT).equals(pv.toLowerCase(Locale.ROOT)));
            case STRING_LIKE -> of(Patterns.like(p, v));
            case NUMERIC_EQUALS, NUMERIC_LESS_THAN, NUMERIC_LESS_THAN_EQUALS, NUMERIC_GREATER_THAN,
                    NUMERIC_GREATER_THAN_EQUALS -> ordered(type, number(v), number(pv));
            case DATE_EQUALS, DATE_LESS_THAN, DATE_LESS_THAN_EQUALS, DATE_GREATER_THAN,
                    DATE_GREATER_THAN_EQUALS -> ordered(type, date(v), date(pv));
            case BOOL -> bool(v, pv);
            case BINARY_EQUALS -> binary(v, pv);
            case IP_ADDRESS -> ip(v, pv);
            case ARN_EQUALS, ARN_LIKE -> arn(v, p);
            default -> throw new IllegalArgumentException("not a positive comparison: " + type);
        };
    }

    private static <T extends Comparable<T>> Outcome ordered(OperatorType type, Optional<T> v, Optional<T> p) {
        if (v.isEmpty() || p.isEmpty()) {
            return Outcome.INVALID;
        }
        int c = v.get().compareTo(p.get());
        return of(switch (type) {
            case NUMERIC_EQUALS, DATE_EQUALS -> c == 0;
            case NUMERIC_LESS_THAN, DATE_LESS_THAN -> c < 0;
            case NUMERIC_LESS_THAN_EQUALS, DATE_LESS_THAN_EQUALS -> c <= 0;
            case NUMERIC_GREATER_THAN, DATE_GREATER_THAN -> c > 0;
            case NUMERIC_GREATER_THAN_EQUALS, DATE_GREATER_THAN_EQUALS -> c >= 0;
            default -> throw new IllegalArgumentException(type.json());
        });
    }

    static Optional<BigDecimal> number(String s) {
        if (!NUMBER.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s.startsWith("+") ? s.substring(1) : s));
    }

    /** ISO 8601 (a date, or a date and time with an offset or Z) or epoch seconds. */
    static Optional<Instant> date(String s) {
        if (EPOCH.matcher(s).matches()) {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(s)));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            if (s.length() == 10) {
                return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Outcome bool(String v, String p) {
        Optional<Boolean> pb = parseBool(p);
        Optional<Boolean> vb = parseBool(v);
        if (pb.isEmpty() || vb.isEmpty()) {
            return Outcome.INVALID;
        }
        return of(pb.get().equals(vb.get()));
    }

    static Optional<Boolean> parseBool(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (s.equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static Outcome binary(String v, String p) {
        try {
            return of(Arrays.equals(Base64.getDecoder().decode(v), Base64.getDecoder().decode(p)));
        } catch (IllegalArgumentException e) {
            return Outcome.INVALID;
        }
    }

    private static Outcome ip(String v, String p) {
        Optional<byte[]> address = address(v);
        int slash = p.indexOf('/');
        Optional<byte[]> network = address(slash < 0 ? p : p.substring(0, slash));
        if (address.isEmpty() || network.isEmpty()) {
            return Outcome.INVALID;
        }
        byte[] a = address.get();
        byte[] n = network.get();
        int bits = n.length * 8;
        if (slash >= 0) {
            String prefix = p.substring(slash + 1);
            if (!EPOCH.matcher(prefix).matches() || prefix.length() > 3) {
                return Outcome.INVALID;
            }
            bits = Integer.parseInt(prefix);
            if (bits > n.length * 8) {
                return Outcome.INVALID;
            }
        }
        if (a.length != n.length) {
            return Outcome.FALSE;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
                return Outcome.FALSE;
            }
        }
        return Outcome.TRUE;
    }

    /** An IPv4 or IPv6 literal as bytes; never a name lookup. */
    static Optional<byte[]> address(String s) {
        if (IPV4.matcher(s).matches()) {
            String[] parts = s.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return Optional.empty();
                }
                b[i] = (byte) octet;
            }
            return Optional.of(b);
        }
        if (IPV6.matcher(s).matches()) {
            try {
                // a literal of hex digits, colons and dots: InetAddress parses it without DNS
                byte[] b = InetAddress.getByName(s).getAddress();
                return Optional.of(b);
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * ArnEquals and ArnLike behave identically: each of the six colon-separated parts is matched on its
     * own, with wildcards, case-sensitively; the last part (the resource) keeps its own colons. A policy
     * value of {@code "*"} matches every ARN.
     * <p>
     * A request or policy value that is not an ARN is INVALID, like an unreadable number, date or
     * address under their operators, so the condition does not hold whatever its polarity. The IAM
     * reference documents no outcome for it; answering "no match" instead would make
     * {@code ArnNotEquals}/{@code ArnNotLike} hold for a value they cannot read, so a typo in a policy
     * value would grant an Allow (iam-simulate answers so). Lint reports such values.
     */
    private static Outcome arn(String v, PolicyVariables.Resolved p) {
        String[] vp = v.split(":", 6);
        if (vp.length < 6 || !vp[0].equals("arn")) {
            return Outcome.INVALID;
        }
        if (p.text().equals("*")) {
            return Outcome.TRUE;
        }
        String[] pp = p.text().split(":", 6);
        if (pp.length < 6 || !Patterns.like(slice(p, 0, pp[0].length()), "arn")) {
            return Outcome.INVALID;
        }
        int offset = 0;
        for (int i = 0; i < 6; i++) {
            PolicyVariables.Resolved part = slice(p, offset, pp[i].length());
            if (!Patterns.like(part, vp[i])) {
                return Outcome.FALSE;
            }
            offset += pp[i].length() + 1;
        }
        return Outcome.TRUE;
    }

    private static PolicyVariables.Resolved slice(PolicyVariables.Resolved p, int from, int length) {
        String text = p.text().substring(from, from + length);
        return new PolicyVariables.Resolved(text,
                p.literal() == null ? null : Arrays.copyOfRange(p.literal(), from, from + length));
    }
}
