package dev.gtvpc.policy;

import java.util.Optional;

/** The top-level elements of a policy document. */
public enum PolicyElement {
    VERSION("Version"),
    ID("Id"),
    STATEMENT("Statement");

    private final String json;

    PolicyElement(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Optional<PolicyElement> fromJson(String text) {
        for (PolicyElement e : values()) {
            if (e.json.equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
