package dev.gtvpc.verify;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.layers.Deciding;
import dev.gtvpc.layers.Layer;
import java.util.List;
import java.util.Optional;

/**
 * One request's decision as a property reads it: the decision (empty: none could be made), the
 * statements that gave it as people read them, the same with their layer and file when layers were asked,
 * the errors, and whether a statement a user wrote reached the request (for vacuity).
 */
record Verdict(Optional<Decision> decision, List<String> statements, List<Deciding> deciding, List<String> errors, boolean reached) {
    Verdict {
        statements = List.copyOf(statements);
        deciding = List.copyOf(deciding);
        errors = List.copyOf(errors);
    }

    /** Refused: explicitly, for want of a guardrail's Allow, or because nothing grants it. */
    boolean denied() {
        return decision.filter(Decision::denied).isPresent();
    }

    /**
     * Stopped by a layer: a Deny, or a guardrail (an SCP level, the endpoint policy) without an Allow. A request
     * nothing grants is not blocked: whether it is granted is the grant's question (the bucket policy's Allow,
     * identity policies), not the perimeter's.
     */
    boolean blocked() {
        if (decision.filter(Decision.EXPLICIT_DENY::equals).isPresent()) {
            return true;
        }
        return decision.filter(Decision.IMPLICIT_DENY::equals).isPresent()
                && deciding.stream().anyMatch(d -> d.layer() == Layer.SCP || d.layer() == Layer.ENDPOINT);
    }
}
