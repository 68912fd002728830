package dev.gtvpc.lint;

import dev.gtvpc.policy.io.SourceLocation;
import java.util.List;
import java.util.Objects;

/**
 * One defect lint found: which rule, how bad, what, how to fix it, and where (JSON pointer and
 * line:column). A defect written in several places — the same placeholder in twenty statements — is
 * one finding: {@code pointer}/{@code location} is the first place in the document, {@code alsoAt}
 * the others in document order.
 */
public record Finding(String ruleId, Severity severity, String message, String fix, String pointer, SourceLocation location,
        List<Place> alsoAt) {

    /** Another place the same defect is written. */
    public record Place(String pointer, SourceLocation location) {
        public Place {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(location, "location");
        }
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(location, "location");
        alsoAt = List.copyOf(alsoAt);
    }

    /** A defect written in one place. */
    public Finding(String ruleId, Severity severity, String message, String fix, String pointer, SourceLocation location) {
        this(ruleId, severity, message, fix, pointer, location, List.of());
    }

    /** Every place, the first one first. */
    public List<Place> places() {
        List<Place> all = new java.util.ArrayList<>();
        all.add(new Place(pointer, location));
        all.addAll(alsoAt);
        return all;
    }
}
