package dev.gtvpc.policy.io;

import dev.gtvpc.policy.Policy;
import java.util.Objects;

/** A policy with the map of where its parts were written. */
public record ParsedPolicy(Policy policy, SourceMap sourceMap) {
    public ParsedPolicy {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(sourceMap, "sourceMap");
    }
}
