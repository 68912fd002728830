package dev.gtvpc.policy;

import java.util.Optional;

/** A statement's effect. IAM spells the two values with a capital letter and nothing else. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** The effect spelled exactly as IAM expects, or empty (IAM rejects "allow" and "DENY"). */
    public static Optional<Effect> fromJson(String text) {
        for (Effect e : values()) {
            if (e.json.equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
