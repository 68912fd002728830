package dev.gtvpc.policy;

import java.util.Optional;

/** The kinds of principal a resource policy can name inside {@code Principal: {...}}. */
public enum PrincipalType {
    AWS("AWS"),
    SERVICE("Service"),
    FEDERATED("Federated"),
    CANONICAL_USER("CanonicalUser");

    private final String json;

    PrincipalType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Optional<PrincipalType> fromJson(String text) {
        for (PrincipalType t : values()) {
            if (t.json.equals(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
