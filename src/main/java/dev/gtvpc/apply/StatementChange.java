package dev.gtvpc.apply;

import java.util.List;
import java.util.Objects;

/**
 * One statement's fate in an apply: added, removed, changed (same Sid, other content) or kept. For a
 * change, {@code lines} is a line diff of the pretty JSON ("+ ", "- " or "  " before each line); for an
 * addition or removal, the statement's lines.
 */
public record StatementChange(Kind kind, String label, List<String> lines) {
    public enum Kind { ADDED, REMOVED, CHANGED, KEPT }

    public StatementChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        lines = List.copyOf(lines);
    }
}
