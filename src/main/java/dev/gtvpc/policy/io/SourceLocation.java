package dev.gtvpc.policy.io;

/** A 1-based line and column in a document, as editors and compilers count them. */
public record SourceLocation(int line, int column) {
    public static final SourceLocation START = new SourceLocation(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
