package dev.gtvpc.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The request context: condition key → values. Key names are matched case-insensitively, as IAM
 * does; values keep their case. A key with several values is a multivalued key.
 */
public final class ContextKeys {
    /** A key as the caller spelled it, with its values. */
    public record Entry(String key, List<String> values) {
        public Entry {
            values = List.copyOf(values);
        }
    }

    private final Map<String, Entry> byLowerKey;

    private ContextKeys(Map<String, Entry> byLowerKey) {
        this.byLowerKey = byLowerKey;
    }

    /** Later entries replace earlier ones whose names differ only in case. */
    public static ContextKeys of(Map<String, List<String>> values) {
        Map<String, Entry> map = new LinkedHashMap<>();
        values.forEach((k, v) -> map.put(lower(k), new Entry(k, v)));
        return new ContextKeys(Collections.unmodifiableMap(map));
    }

    public Optional<Entry> get(String key) {
        return Optional.ofNullable(byLowerKey.get(lower(key)));
    }

    public boolean contains(String key) {
        return byLowerKey.containsKey(lower(key));
    }

    /** A copy with {@code key} set, unless a key of that name (in any case) is already there. */
    public ContextKeys withDefault(String key, List<String> values) {
        if (contains(key)) {
            return this;
        }
        Map<String, Entry> map = new LinkedHashMap<>(byLowerKey);
        map.put(lower(key), new Entry(key, values));
        return new ContextKeys(Collections.unmodifiableMap(map));
    }

    public List<Entry> entries() {
        return List.copyOf(byLowerKey.values());
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContextKeys c && c.byLowerKey.equals(byLowerKey);
    }

    @Override
    public int hashCode() {
        return byLowerKey.hashCode();
    }

    @Override
    public String toString() {
        return byLowerKey.values().toString();
    }
}
