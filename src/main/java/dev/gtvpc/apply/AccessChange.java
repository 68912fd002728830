package dev.gtvpc.apply;

import dev.gtvpc.eval.Decision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of the access matrix (an origin and a caller) whose decision changes for some actions: what
 * the bucket decided before the apply and what it decides after (empty: gtvpc could not decide).
 */
public record AccessChange(String origin, String caller, List<String> actions, Optional<Decision> before, Optional<Decision> after) {
    public AccessChange {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(caller, "caller");
        actions = List.copyOf(actions);
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }
}
