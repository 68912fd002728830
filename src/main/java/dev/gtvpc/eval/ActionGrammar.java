package dev.gtvpc.eval;

import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Statement;
import java.util.Optional;

/**
 * The grammar of an action in Action/NotAction: {@code "*"}, or "a service namespace, a colon, and
 * the name of an action" (reference_policies_elements_action.html). Wildcards may stand in the
 * action's name, never in the namespace: {@code "*:GetObject"} or {@code "s*:Get*"} is not an action,
 * and S3 refuses a bucket policy holding one ("Policy has invalid action"), so the evaluator gives no
 * decision for it rather than reading the pattern as if it matched.
 */
final class ActionGrammar {
    private ActionGrammar() {
    }

    /**
     * {@code "*"}, or {@code [A-Za-z0-9-]+:[^:]+}: checked by hand, not by a regular expression, because
     * every evaluation asks it of every action of every statement, and verify's short runs end before
     * the regular expression's matcher is compiled.
     */
    static boolean valid(String action) {
        if (action.equals("*")) {
            return true;
        }
        int colon = action.indexOf(':');
        if (colon <= 0 || colon == action.length() - 1 || action.indexOf(':', colon + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = action.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Why the statement's Action or NotAction is not valid grammar, if it is not. */
    static Optional<String> invalid(Statement s) {
        if (s.action().isEmpty()) {
            return Optional.empty();
        }
        ActionBlock block = s.action().get();
        for (String a : block.actions().items()) {
            if (!valid(a)) {
                String why = a.indexOf(':') < 0 ? "has no service namespace"
                        : a.substring(0, a.indexOf(':')).matches(".*[*?].*") ? "has a wildcard in its service namespace"
                        : "is not a service namespace, a colon and an action name";
                return Optional.of(block.elementName() + " \"" + a + "\" " + why
                        + "; S3 refuses such a policy (MalformedPolicy: Policy has invalid action)");
            }
        }
        return Optional.empty();
    }
}
