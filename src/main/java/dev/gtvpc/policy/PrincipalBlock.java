package dev.gtvpc.policy;

import java.util.List;

/**
 * A {@code Principal} or {@code NotPrincipal} element. {@code wildcard} is the bare string form
 * {@code "*"}; otherwise the element is an object whose members are {@code entries}, in their order.
 */
public record PrincipalBlock(boolean negated, boolean wildcard, List<PrincipalEntry> entries) {
    public PrincipalBlock {
        entries = List.copyOf(entries);
        if (wildcard && !entries.isEmpty()) {
            throw new IllegalArgumentException("\"*\" principal has no entries");
        }
    }

    /** {@code "Principal": "*"}: everyone, anonymous requests included. */
    public static PrincipalBlock everyone() {
        return new PrincipalBlock(false, true, List.of());
    }

    public static PrincipalBlock of(boolean negated, List<PrincipalEntry> entries) {
        return new PrincipalBlock(negated, false, entries);
    }

    /**
     * True for {@code "Principal": "*"} and for a Principal whose AWS entry is {@code "*"}: both cover
     * every caller, anonymous ones included.
     */
    public boolean coversEveryone() {
        if (negated) {
            return false;
        }
        return wildcard || entries.stream().anyMatch(e -> e.type() == PrincipalType.AWS && e.ids().items().contains("*"));
    }

    public String elementName() {
        return negated ? "NotPrincipal" : "Principal";
    }
}
