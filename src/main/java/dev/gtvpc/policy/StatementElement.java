package dev.gtvpc.policy;

import java.util.Optional;

/** The elements a statement may hold, by their JSON names, in the order AWS's examples use. */
public enum StatementElement {
    SID("Sid"),
    EFFECT("Effect"),
    PRINCIPAL("Principal"),
    NOT_PRINCIPAL("NotPrincipal"),
    ACTION("Action"),
    NOT_ACTION("NotAction"),
    RESOURCE("Resource"),
    NOT_RESOURCE("NotResource"),
    CONDITION("Condition");

    private final String json;

    StatementElement(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static Optional<StatementElement> fromJson(String text) {
        for (StatementElement e : values()) {
            if (e.json.equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
