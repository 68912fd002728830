package dev.gtvpc.policy;

import java.util.Objects;

/**
 * One value in a condition, as text, with the JSON type it was written as. IAM compares the text;
 * the kind is kept so that {@code true} and {@code "true"} both survive a round trip and lint can
 * tell a {@code Bool} written as a number.
 */
public record ConditionValue(String text, Kind kind) {
    public enum Kind { STRING, BOOLEAN, NUMBER }

    public ConditionValue {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    public static ConditionValue string(String text) {
        return new ConditionValue(text, Kind.STRING);
    }
}
