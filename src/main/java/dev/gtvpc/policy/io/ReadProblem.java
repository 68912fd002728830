package dev.gtvpc.policy.io;

import dev.gtvpc.policy.JsonPointer;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a document is not a policy gtvpc can read, and where; {@code fix} when this problem has a fix
 * of its own rather than its kind's (a comment in the JSON: remove it). {@link Kind#id()} is also the id of the
 * lint rule that reports it, so one run of lint can report these like any other finding.
 */
public record ReadProblem(Kind kind, String pointer, SourceLocation location, String message, Optional<String> fix) {
    public enum Kind {
        INVALID_JSON("invalid-json"),
        DUPLICATE_KEY("duplicate-key"),
        WRONG_TYPE("wrong-type"),
        UNKNOWN_ELEMENT("unknown-element"),
        CONFLICTING_ELEMENTS("conflicting-elements"),
        INVALID_EFFECT("invalid-effect"),
        /** {@code null} among a Resource list's strings: IAM takes it (and ignores it), the grammar says a string. */
        NULL_IN_LIST("null-in-list"),
        TOO_LARGE("policy-too-large"),
        /** The input could not be read at all (missing, no permission, an I/O error): found before the reader. */
        UNREADABLE("unreadable-file");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public ReadProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** A problem whose fix is its kind's (the lint rule's). */
    public ReadProblem(Kind kind, String pointer, SourceLocation location, String message) {
        this(kind, pointer, location, message, Optional.empty());
    }

    /** {@code SOURCE:LINE:COL: message (at POINTER)} — the form compilers use, so editors can jump to it. */
    public String format(String source) {
        return source + ":" + location + ": " + message + " (at " + JsonPointer.display(pointer) + ")";
    }
}
