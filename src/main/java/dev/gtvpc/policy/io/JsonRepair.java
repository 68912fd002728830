package dev.gtvpc.policy.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The three things editors and other tools leave in JSON that JSON (and S3) refuse, found and removed
 * without a parser: a UTF-8 byte-order mark, comments ({@code //} and {@code /* *}{@code /}) and a comma
 * after the last member or item. Text inside strings is never touched. The reader uses the places to
 * name the defect in its own words; {@code policy lint --fix} uses the text without them.
 */
public final class JsonRepair {
    /** One thing removed, where it was in the original text. */
    public record Removal(Kind kind, SourceLocation location) {
    }

    public enum Kind {
        BYTE_ORDER_MARK("the byte-order mark (BOM)", "the byte-order mark (BOM)"),
        LINE_COMMENT("a // comment", "// comments"),
        BLOCK_COMMENT("a /* */ comment", "/* */ comments"),
        TRAILING_COMMA("a trailing comma", "trailing commas");

        private final String one;
        private final String many;

        Kind(String one, String many) {
            this.one = one;
            this.many = many;
        }

        /** What it is, as a user names it: "a // comment". */
        public String words() {
            return one;
        }
    }

    /** The text without them, and what was removed, in document order. */
    public record Result(String text, List<Removal> removals) {
        public Result {
            removals = List.copyOf(removals);
        }

        /** One line per kind, for {@code --fix}: "removed 2 // comments", … */
        public List<String> changes() {
            List<String> lines = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                long n = removals.stream().filter(r -> r.kind() == kind).count();
                if (n == 1) {
                    lines.add("removed " + kind.one);
                } else if (n > 1) {
                    lines.add("removed " + n + " " + kind.many);
                }
            }
            return lines;
        }
    }

    private JsonRepair() {
    }

    public static Result repair(String text) {
        List<Removal> removals = new ArrayList<>();
        StringBuilder out = new StringBuilder(text.length());
        int line = 1;
        int column = 1;
        int i = 0;
        if (text.startsWith("\uFEFF")) {
            removals.add(new Removal(Kind.BYTE_ORDER_MARK, SourceLocation.START));
            i = 1;
        }
        // where in `out` the last comma outside a string is, and where it was in the text, until a value follows it
        int pendingComma = -1;
        SourceLocation pendingCommaAt = null;
        StringLiterals strings = new StringLiterals();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (strings.read(c)) {
                // a string is a value: a comma before it is not trailing
                pendingComma = -1;
            } else if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                boolean block = text.charAt(i + 1) == '*';
                removals.add(new Removal(block ? Kind.BLOCK_COMMENT : Kind.LINE_COMMENT, new SourceLocation(line, column)));
                int end = block ? text.indexOf("*/", i + 2) : lineEnd(text, i);
                end = end < 0 ? text.length() : block ? end + 2 : end;
                for (int k = i; k < end; k++) {
                    if (text.charAt(k) == '\n') {
                        // a block comment's line breaks stay, so what follows keeps its line number
                        out.append('\n');
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                i = end;
                continue;
            } else if (c == ',') {
                pendingComma = out.length();
                pendingCommaAt = new SourceLocation(line, column);
            } else if ((c == '}' || c == ']') && pendingComma >= 0) {
                removals.add(new Removal(Kind.TRAILING_COMMA, pendingCommaAt));
                out.deleteCharAt(pendingComma);
                pendingComma = -1;
            } else if (!Character.isWhitespace(c)) {
                pendingComma = -1;
            }
            out.append(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i++;
        }
        // a trailing comma is found at its bracket, after comments that follow it
        removals.sort(Comparator.comparingInt((Removal r) -> r.location().line()).thenComparingInt(r -> r.location().column()));
        return new Result(out.toString(), removals);
    }

    private static int lineEnd(String text, int from) {
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\r') {
                return k;
            }
        }
        return text.length();
    }

    /**
     * The removable defect a strict parser stopped at, if it stopped at one: the first of them in the
     * text, when it lies at or before the place the parser gave up (a parser stops at the first defect,
     * and at a trailing comma only when it reaches the bracket after it).
     */
    public static Optional<Removal> culprit(String text, SourceLocation stoppedAt) {
        List<Removal> removals = repair(text).removals();
        if (removals.isEmpty()) {
            return Optional.empty();
        }
        Removal first = removals.get(0);
        boolean atOrBefore = first.location().line() < stoppedAt.line()
                || first.location().line() == stoppedAt.line() && first.location().column() <= stoppedAt.column();
        return atOrBefore ? Optional.of(first) : Optional.empty();
    }
}
