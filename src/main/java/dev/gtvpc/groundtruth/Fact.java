package dev.gtvpc.groundtruth;

import java.util.Objects;

/** A value gtvpc relies on, with the page it was read from and the date it was checked there. */
public record Fact(String value, String source, String checked) {
    public Fact {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(checked, "checked");
    }
}
