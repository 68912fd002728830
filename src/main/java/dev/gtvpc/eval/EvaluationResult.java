package dev.gtvpc.eval;

import java.util.List;
import java.util.Optional;

/**
 * The decision for one request, with the trace of every statement. The decision is empty when an
 * error makes it unknowable: a statement gtvpc cannot evaluate (an unknown operator) that could have
 * changed the answer, or a policy S3 would refuse (a statement without Principal, Effect, Action or
 * Resource). Notes say what the reader must know about values gtvpc derived.
 */
public record EvaluationResult(Optional<Decision> decision, List<StatementTrace> statements, List<String> errors,
        List<String> notes) {
    public EvaluationResult {
        statements = List.copyOf(statements);
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
    }

    public EvaluationResult(Optional<Decision> decision, List<StatementTrace> statements, List<String> errors) {
        this(decision, statements, errors, List.of());
    }

    /** The same result with notes a reader must see: values gtvpc derived rather than was given ({@link RequestNotes}). */
    public EvaluationResult withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new EvaluationResult(decision, statements, errors, all);
    }

    /** The statements that apply to the request. */
    public List<StatementTrace> applying() {
        return statements.stream().filter(StatementTrace::applies).toList();
    }

    /** The statements that decided: the applying Deny statements for a deny, the applying Allows for an allow. */
    public List<StatementTrace> deciding() {
        if (decision.isEmpty() || decision.get() == Decision.NOT_DENIED) {
            return List.of();
        }
        dev.gtvpc.policy.Effect effect = decision.get() == Decision.EXPLICIT_DENY
                ? dev.gtvpc.policy.Effect.DENY : dev.gtvpc.policy.Effect.ALLOW;
        return applying().stream().filter(s -> s.effect() == effect).toList();
    }
}
