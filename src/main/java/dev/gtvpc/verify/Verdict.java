package dev.gtvpc.verify;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.layers.Deciding;
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
}
