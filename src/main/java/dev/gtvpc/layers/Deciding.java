package dev.gtvpc.layers;

import java.util.Objects;
import java.util.Optional;

/**
 * A statement that decided a request, in the layer and policy it belongs to ({@code source}: the file
 * or the managed policy's name) and at the level it is attached to ({@code target}: root, an OU, an
 * account; empty for layers without levels). No statement means the layer's want of an Allow decided.
 */
public record Deciding(Layer layer, Optional<String> source, Optional<String> target, Optional<String> statement) {
    public Deciding {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(statement, "statement");
    }

    /** For people: "rcp statement EnforceNetworkPerimeterVpceOrgID of rcp.json (at root)". */
    public String label() {
        StringBuilder b = new StringBuilder(layer.word());
        if (statement.isPresent()) {
            b.append(" statement ").append(statement.get()).append(source.map(s -> " of " + s).orElse(""));
        } else {
            b.append(source.map(s -> " " + s).orElse("")).append(": no Allow applies");
        }
        target.ifPresent(t -> b.append(" (at ").append(t).append(')'));
        return b.toString();
    }
}
