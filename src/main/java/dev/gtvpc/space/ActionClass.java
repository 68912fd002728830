package dev.gtvpc.space;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One action standing for every action that matches the same patterns, with the resource it acts on and
 * the keys the action itself puts in its requests (a directory bucket's CreateSession: one class per session mode).
 */
public record ActionClass(String action, boolean onObjects, Map<String, List<String>> context) {
    public ActionClass {
        context = Map.copyOf(context);
    }

    public ActionClass(String action, boolean onObjects) {
        this(action, onObjects, Map.of());
    }

    /** The action as people read it, with the keys it carries: {@code s3express:CreateSession (s3express:SessionMode=ReadOnly)}. */
    public String label() {
        if (context.isEmpty()) {
            return action;
        }
        List<String> keys = new TreeMap<>(context).entrySet().stream().map(e -> e.getKey() + "=" + String.join(",", e.getValue())).toList();
        return action + " (" + String.join(" ", keys) + ")";
    }

    // Written out: a record's own equals and hashCode are linked at their first call by a method-handle
    // bootstrap that costs a few milliseconds of start-up, and verify puts action classes in a set on every run.
    @Override
    public boolean equals(Object o) {
        return o instanceof ActionClass other && Objects.equals(action, other.action) && onObjects == other.onObjects
                && context.equals(other.context);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(action) * 31 + Boolean.hashCode(onObjects)) * 31 + context.hashCode();
    }
}
