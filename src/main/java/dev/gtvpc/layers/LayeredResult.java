package dev.gtvpc.layers;

import dev.gtvpc.eval.Decision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What AWS decides for a request with every layer asked: the decision (empty when a statement gtvpc
 * cannot evaluate could change it), each layer's word, the statements that decided, the privilege that
 * overrode a layer if any, and the errors and notes a reader must see.
 */
public record LayeredResult(Optional<Decision> decision, List<LayerResult> layers, List<Deciding> deciding,
        Optional<Exemption> exemption, List<String> errors, List<String> notes) {
    public LayeredResult {
        Objects.requireNonNull(decision, "decision");
        layers = List.copyOf(layers);
        deciding = List.copyOf(deciding);
        Objects.requireNonNull(exemption, "exemption");
        errors = List.copyOf(errors);
        notes = List.copyOf(notes);
    }

    public LayerResult layer(Layer layer) {
        return layers.stream().filter(l -> l.layer() == layer).findFirst().orElseThrow();
    }

    /** The deciding statements as people read them. */
    public List<String> labels() {
        return deciding.stream().map(Deciding::label).toList();
    }
}
