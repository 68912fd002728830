package dev.gtvpc.eval;

import dev.gtvpc.policy.Wildcards;

/** Wildcard matching where some pattern characters are literal (they came from a policy variable). */
final class Patterns {
    private Patterns() {
    }

    static boolean like(PolicyVariables.Resolved pattern, String text) {
        if (pattern.literal() == null) {
            return Wildcards.matches(pattern.text(), text);
        }
        String p = pattern.text();
        int pi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        while (ti < text.length()) {
            if (pi < p.length() && p.charAt(pi) == '*' && !pattern.isLiteral(pi)) {
                star = pi++;
                mark = ti;
            } else if (pi < p.length() && (p.charAt(pi) == '?' && !pattern.isLiteral(pi) || p.charAt(pi) == text.charAt(ti))) {
                pi++;
                ti++;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*' && !pattern.isLiteral(pi)) {
            pi++;
        }
        return pi == p.length();
    }
}
