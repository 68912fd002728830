package dev.gtvpc.space;

import java.util.Objects;

/** One action standing for every action that matches the same patterns, with the resource it acts on. */
public record ActionClass(String action, boolean onObjects) {
    // Written out: a record's own equals and hashCode are linked at their first call by a method-handle
    // bootstrap that costs a few milliseconds of start-up, and verify puts action classes in a set on every run.
    @Override
    public boolean equals(Object o) {
        return o instanceof ActionClass other && Objects.equals(action, other.action) && onObjects == other.onObjects;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(action) * 31 + Boolean.hashCode(onObjects);
    }
}
