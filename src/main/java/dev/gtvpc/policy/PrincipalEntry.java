package dev.gtvpc.policy;

import java.util.Objects;

/** One member of a {@code Principal} object, e.g. {@code "AWS": ["111122223333", "arn:aws:iam::…"]}. */
public record PrincipalEntry(PrincipalType type, Values ids) {
    public PrincipalEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ids, "ids");
    }
}
