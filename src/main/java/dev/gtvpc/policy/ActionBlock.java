package dev.gtvpc.policy;

import java.util.Objects;

/** An {@code Action} or {@code NotAction} element. */
public record ActionBlock(boolean negated, Values actions) {
    public ActionBlock {
        Objects.requireNonNull(actions, "actions");
    }

    public String elementName() {
        return negated ? "NotAction" : "Action";
    }
}
