package dev.gtvpc.lint.rules;

import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.PolicyScan;

/** What a condition value no request can have does to its statement, in the words findings use. */
final class NeverMatches {
    private NeverMatches() {
    }

    static String consequence(PolicyScan.EntryAt e) {
        boolean negated = e.block().operator().type().map(t -> t.negated()).orElse(false);
        if (!negated) {
            return "no request matches it, so the condition never holds through it";
        }
        boolean deny = e.statement().statement().effect().filter(Effect.DENY::equals).isPresent();
        return "every request differs from it, so it " + (deny ? "exempts nobody from this Deny" : "leaves nobody out of this Allow");
    }
}
