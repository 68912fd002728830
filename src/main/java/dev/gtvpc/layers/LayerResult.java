package dev.gtvpc.layers;

import dev.gtvpc.eval.EvaluationResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One layer's word on a request: its outcome, the statements that gave it, each policy's trace, and
 * {@code why} when it did not reach the request (or was not given).
 */
public record LayerResult(Layer layer, LayerOutcome outcome, List<Deciding> deciding, List<PolicyTrace> traces,
        Optional<String> why) {

    /** One policy's evaluation, at its level. */
    public record PolicyTrace(LayerPolicy policy, Optional<String> target, EvaluationResult result) {
    }

    public LayerResult {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(outcome, "outcome");
        deciding = List.copyOf(deciding);
        traces = List.copyOf(traces);
        Objects.requireNonNull(why, "why");
    }

    static LayerResult outside(Layer layer, LayerOutcome outcome, String why) {
        return new LayerResult(layer, outcome, List.of(), List.of(), Optional.of(why));
    }
}
