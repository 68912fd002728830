package dev.gtvpc.policy;

import java.util.Objects;

/** A {@code Resource} or {@code NotResource} element. */
public record ResourceBlock(boolean negated, Values resources) {
    public ResourceBlock {
        Objects.requireNonNull(resources, "resources");
    }

    public String elementName() {
        return negated ? "NotResource" : "Resource";
    }
}
