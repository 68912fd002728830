package dev.gtvpc.policy.io;

/**
 * Where a JSON text's string literals are, read one character at a time: the one place outside the
 * parser that follows escapes, for the scans that must not look inside strings (the size S3 measures,
 * the repair of comments and trailing commas).
 */
final class StringLiterals {
    private boolean inString;
    private boolean escaped;

    /** Reads {@code c}, the next character of the text; true when it belongs to a string literal, quotes included. */
    boolean read(char c) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
            }
            return true;
        }
        inString = c == '"';
        return inString;
    }
}
