package dev.gtvpc.lint;

import dev.gtvpc.policy.io.SourceLocation;
import java.util.Objects;

/** One problem lint found: which rule, how bad, what, how to fix it, and where (JSON pointer and line:column). */
public record Finding(String ruleId, Severity severity, String message, String fix, String pointer, SourceLocation location) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(location, "location");
    }
}
