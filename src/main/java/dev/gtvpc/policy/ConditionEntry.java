package dev.gtvpc.policy;

import java.util.Objects;

/**
 * One condition key with its values, e.g. {@code "aws:SourceVpce": ["vpce-…", "vpce-…"]}. The key is
 * kept as written: IAM compares key names case-insensitively, but the spelling is the author's.
 */
public record ConditionEntry(String key, ConditionValues values) {
    public ConditionEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(values, "values");
    }
}
