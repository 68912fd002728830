package dev.gtvpc.lint.rules;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The date values IAM's CreatePolicy accepts under a Date operator, which are more than ISO 8601 and
 * epoch seconds: a year alone ({@code 01T}), a one-digit hour, a two-digit time zone without minutes, a
 * negative year ({@code -292275054}). Written from IAM's recorded verdicts on 13 date values
 * (src/test/resources/grammar/iam-acceptance.json, moto-valid-31/35/36/37/38 accepted, moto-invalid-65/73/
 * 74/75/76 refused "The policy failed legacy parsing"), not from a specification: AWS documents only
 * ISO 8601 and epoch time. A value gtvpc reads needs none of this; lint uses it to tell a value IAM
 * accepts (a warning in identity policies) from one it refuses.
 */
final class IamDates {
    private static final BigInteger MAX_EPOCH = BigInteger.valueOf(Long.MAX_VALUE);

    private IamDates() {
    }

    static boolean accepted(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            if (v.indexOf('t') < 0 && v.indexOf('-') < 0) {
                BigInteger epoch = new BigInteger(v);
                return epoch.signum() >= 0 && epoch.compareTo(MAX_EPOCH) <= 0;
            }
            int t = v.indexOf('t');
            return date(t < 0 ? v : v.substring(0, t)) && time(t < 0 ? "" : v.substring(t + 1));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean date(String d) {
        boolean negative = d.startsWith("-");
        String[] parts = (negative ? d.substring(1) : d).split("-", -1);
        if (parts.length > 3) {
            return false;
        }
        long year = Long.parseLong((negative ? "-" : "") + parts[0]);
        return year >= -292_275_054L && year <= 292_278_993L
                && (parts.length < 2 || in(parts[1], 1, 12)) && (parts.length < 3 || in(parts[2], 1, 31));
    }

    private static boolean time(String t) {
        String[] parts = t.split(":", 3);
        if (!parts[0].isEmpty() && !in(parts[0], 0, 23) || parts.length > 1 && !in(parts[1], 0, 59)) {
            return false;
        }
        if (parts.length < 3) {
            return true;
        }
        String seconds = parts[2];
        int z = seconds.indexOf('z');
        int plus = seconds.indexOf('+');
        if (z >= 0) {
            if (z != seconds.length() - 1) {
                return false;
            }
            seconds = seconds.substring(0, z);
        } else if (plus >= 0) {
            String[] zone = seconds.substring(plus + 1).split(":", 2);
            if (zone[0].length() != 2 || !in(zone[0], 0, 23) || zone.length > 1 && (zone[1].length() != 2 || !in(zone[1], 0, 59))) {
                return false;
            }
            seconds = seconds.substring(0, plus);
        }
        int dot = seconds.indexOf('.');
        return in(dot < 0 ? seconds : seconds.substring(0, dot), 0, 59)
                && (dot < 0 || in(seconds.substring(dot + 1), 0, 999_999_999));
    }

    private static boolean in(String number, long low, long high) {
        long n = Long.parseLong(number);
        return n >= low && n <= high;
    }
}
