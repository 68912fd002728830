package dev.gtvpc.verify;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Request;
import dev.gtvpc.layers.Deciding;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import java.util.List;
import java.util.Optional;

/**
 * The request that breaks a property: who, from where, doing what, what the policy decided and which
 * statements did; with layers, {@code deciding} names each statement's layer and file.
 */
public record Counterexample(Request request, Origin origin, Caller caller, Optional<Decision> decision, List<String> statements,
        List<String> errors, List<Deciding> deciding) {
    public Counterexample {
        statements = List.copyOf(statements);
        errors = List.copyOf(errors);
        deciding = List.copyOf(deciding);
    }

    public Counterexample(Request request, Origin origin, Caller caller, Optional<Decision> decision, List<String> statements,
            List<String> errors) {
        this(request, origin, caller, decision, statements, errors, List.of());
    }
}
