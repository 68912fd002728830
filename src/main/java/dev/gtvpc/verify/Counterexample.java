package dev.gtvpc.verify;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Request;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import java.util.List;
import java.util.Optional;

/** The request that breaks a property: who, from where, doing what, what the policy decided and which statements did. */
public record Counterexample(Request request, Origin origin, Caller caller, Optional<Decision> decision, List<String> statements,
        List<String> errors) {
    public Counterexample {
        statements = List.copyOf(statements);
        errors = List.copyOf(errors);
    }
}
