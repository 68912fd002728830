package dev.gtvpc.policy.io;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Where each value of a read policy was written, by JSON pointer; and where each member's name was. */
public final class SourceMap {
    private final Map<String, SourceLocation> values = new HashMap<>();
    private final Map<String, SourceLocation> names = new HashMap<>();

    void value(String pointer, SourceLocation location) {
        values.put(pointer, location);
    }

    void name(String pointer, SourceLocation location) {
        names.put(pointer, location);
    }

    /** Where the value at {@code pointer} starts. */
    public Optional<SourceLocation> valueAt(String pointer) {
        return Optional.ofNullable(values.get(pointer));
    }

    /** Where the member name of the value at {@code pointer} starts, else where the value does. */
    public Optional<SourceLocation> nameAt(String pointer) {
        SourceLocation name = names.get(pointer);
        return name != null ? Optional.of(name) : valueAt(pointer);
    }

    /** The best location for {@code pointer}: its own, or that of its nearest ancestor. */
    public SourceLocation locate(String pointer) {
        String p = pointer;
        while (true) {
            SourceLocation at = names.containsKey(p) ? names.get(p) : values.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return SourceLocation.START;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
