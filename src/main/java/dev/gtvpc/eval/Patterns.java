package dev.gtvpc.eval;

import dev.gtvpc.policy.Wildcards;

/** Like-matching of a policy value after variable substitution: characters a variable put in are literal. */
final class Patterns {
    private Patterns() {
    }

    static boolean like(PolicyVariables.Resolved pattern, String text) {
        return Wildcards.matches(pattern.text(), pattern.literal(), text);
    }
}
