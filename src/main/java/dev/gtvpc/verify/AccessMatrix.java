package dev.gtvpc.verify;

import dev.gtvpc.eval.Decision;
import java.util.List;
import java.util.Optional;

/**
 * Who can do what from where, at a glance: for each origin and caller, the decision on each protected
 * action. Rows are the origins that matter to a VPC-only policy (the internet, each VPC and endpoint
 * of the user's, Ground Truth's endpoint, a foreign endpoint), columns the callers.
 */
public record AccessMatrix(List<String> actions, List<String> origins, List<String> callers, Optional<Decision>[][][] cells) {

    /** One letter per decision: D explicit deny, d implicit deny (a layer without an Allow), A allow, - not denied (identity policies decide), ? no decision. */
    public static char letter(Optional<Decision> d) {
        if (d.isEmpty()) {
            return '?';
        }
        return switch (d.get()) {
            case EXPLICIT_DENY -> 'D';
            case ALLOW -> 'A';
            case NOT_DENIED -> '-';
            case IMPLICIT_DENY -> 'd';
        };
    }
}
