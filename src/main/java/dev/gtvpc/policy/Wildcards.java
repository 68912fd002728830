package dev.gtvpc.policy;

/**
 * IAM's glob matching: {@code *} is any run of characters (none included), {@code ?} exactly one.
 * No other character is special. Linear in practice: the classic two-pointer match with one
 * backtrack point, which is exact for patterns of only {@code *} and {@code ?}.
 */
public final class Wildcards {
    private Wildcards() {
    }

    public static boolean matches(String pattern, String text) {
        return match(pattern, text, false);
    }

    public static boolean matchesIgnoreCase(String pattern, String text) {
        return match(pattern, text, true);
    }

    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /**
     * Matches with {@code literal[i]} marking pattern characters that stand for themselves even when
     * they are {@code *} or {@code ?} (text a policy variable put there); {@code literal} may be null.
     */
    public static boolean matches(String pattern, boolean[] literal, String text) {
        return match(pattern, literal, text, false);
    }

    private static boolean match(String p, String t, boolean ignoreCase) {
        return match(p, null, t, ignoreCase);
    }

    private static boolean match(String p, boolean[] literal, String t, boolean ignoreCase) {
        int pi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && p.charAt(pi) == '*' && !literal(literal, pi)) {
                star = pi++;
                mark = ti;
            } else if (pi < p.length() && (p.charAt(pi) == '?' && !literal(literal, pi) || same(p.charAt(pi), t.charAt(ti), ignoreCase))) {
                pi++;
                ti++;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*' && !literal(literal, pi)) {
            pi++;
        }
        return pi == p.length();
    }

    private static boolean literal(boolean[] literal, int i) {
        return literal != null && literal[i];
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b));
    }
}
