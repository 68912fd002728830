package dev.gtvpc.policy.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.gtvpc.policy.JsonPointer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON tree that remembers where each value was written and keeps every object member, duplicates
 * included, in order. Ordinary parsers keep the last of two equal keys; the AWS page's third example
 * shows why that is dangerous for policies, so duplicates stay visible here and readers decide.
 * This is the one place that talks to Jackson.
 */
public final class Json {
    /** Deeper than any policy; a tree walk of this depth cannot overflow the stack. */
    static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private static final String NOT_A_POLICY = "no policy is this deep or this long: check that the file is the policy,"
            + " or leave it out of the run";

    private Json() {
    }

    /** A JSON value with the location of its first character. */
    public sealed interface Value permits Obj, Arr, Str, Num, Bool, Null {
        SourceLocation location();

        /** The JSON type's name as a user reads it in an error message. */
        String typeName();
    }

    public record Member(String name, SourceLocation nameLocation, Value value) {
    }

    public record Obj(List<Member> members, SourceLocation location) implements Value {
        public Obj {
            members = List.copyOf(members);
        }

        public Optional<Value> get(String name) {
            for (Member m : members) {
                if (m.name().equals(name)) {
                    return Optional.of(m.value());
                }
            }
            return Optional.empty();
        }

        @Override
        public String typeName() {
            return "an object";
        }
    }

    public record Arr(List<Value> items, SourceLocation location) implements Value {
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "an array";
        }
    }

    public record Str(String value, SourceLocation location) implements Value {
        @Override
        public String typeName() {
            return "a string";
        }
    }

    /** A number, kept as written: IAM compares condition values as text. */
    public record Num(String text, SourceLocation location) implements Value {
        @Override
        public String typeName() {
            return "a number";
        }
    }

    public record Bool(boolean value, SourceLocation location) implements Value {
        @Override
        public String typeName() {
            return "a boolean";
        }
    }

    public record Null(SourceLocation location) implements Value {
        @Override
        public String typeName() {
            return "null";
        }
    }

    /** Invalid JSON: where the parser stopped and why. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SourceLocation location;
        private final String pointer;
        private final String fix;

        SyntaxException(String message, SourceLocation location, String pointer) {
            this(message, location, pointer, null);
        }

        SyntaxException(String message, SourceLocation location, String pointer, String fix) {
            super(message);
            this.location = location;
            this.pointer = pointer;
            this.fix = fix;
        }

        /** What to do, when the defect has a fix of its own (a comment: --fix removes it). */
        public Optional<String> fix() {
            return Optional.ofNullable(fix);
        }

        public SourceLocation location() {
            return location;
        }

        /** The pointer of the value the parser was inside when it stopped. */
        public String pointer() {
            return pointer;
        }
    }

    public static Value parse(String text) throws SyntaxException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw empty();
            }
            Value root = readValue(parser, first);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new SyntaxException("unexpected content after the end of the document",
                        location(parser.currentTokenLocation()), JsonPointer.ROOT);
            }
            return root;
        } catch (StreamConstraintsException e) {
            JsonParser parser = e.getProcessor() instanceof JsonParser p ? p : null;
            String pointer = parser == null ? JsonPointer.ROOT : parser.getParsingContext().pathAsPointer().toString();
            SourceLocation at = location(e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation());
            throw new SyntaxException(limit(e), at, pointer, NOT_A_POLICY);
        } catch (JsonProcessingException e) {
            JsonParser parser = e.getProcessor() instanceof JsonParser p ? p : null;
            String pointer = parser == null ? JsonPointer.ROOT : parser.getParsingContext().pathAsPointer().toString();
            throw described(text, e, pointer);
        } catch (IOException e) {
            throw new SyntaxException(firstLine(e.getMessage()), SourceLocation.START, JsonPointer.ROOT);
        }
    }

    private static Value readValue(JsonParser parser, JsonToken token) throws IOException {
        SourceLocation at = location(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT -> {
                List<Member> members = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    SourceLocation nameAt = location(parser.currentTokenLocation());
                    members.add(new Member(name, nameAt, readValue(parser, parser.nextToken())));
                }
                return new Obj(members, at);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, t));
                }
                return new Arr(items, at);
            }
            case VALUE_STRING -> {
                return new Str(parser.getText(), at);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Num(parser.getText(), at);
            }
            case VALUE_TRUE -> {
                return new Bool(true, at);
            }
            case VALUE_FALSE -> {
                return new Bool(false, at);
            }
            case VALUE_NULL -> {
                return new Null(at);
            }
            default -> throw new IllegalStateException("unexpected token " + token);
        }
    }

    private static SourceLocation location(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return SourceLocation.START;
        }
        return new SourceLocation(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }

    /** Jackson's limit messages name its own classes; a user needs the limit in words. */
    private static String limit(StreamConstraintsException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Document nesting depth")) {
            return "the JSON is nested deeper than " + MAX_DEPTH + " levels (a policy needs fewer than 10)";
        }
        if (m.startsWith("Number value length") || m.startsWith("Number length")) {
            return "a number is longer than " + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits";
        }
        if (m.startsWith("String value length") || m.startsWith("String length")) {
            return "a string is longer than " + StreamReadConstraints.DEFAULT_MAX_STRING_LEN + " characters";
        }
        if (m.startsWith("Name length") || m.startsWith("Name value length")) {
            return "a key is longer than " + StreamReadConstraints.DEFAULT_MAX_NAME_LEN + " characters";
        }
        return "the JSON is beyond what gtvpc reads (too deep, too long a value, or too many tokens)";
    }

    /**
     * Throws when {@code text} is not one JSON value, without building the tree: for a document far over
     * a policy's size, whether it is JSON at all decides which problem to report.
     */
    public static void checkSyntax(String text) throws SyntaxException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw empty();
            }
            parser.skipChildren();
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new SyntaxException("unexpected content after the end of the document",
                        location(parser.currentTokenLocation()), JsonPointer.ROOT);
            }
        } catch (StreamConstraintsException e) {
            throw new SyntaxException(limit(e), location(e.getLocation()), JsonPointer.ROOT, NOT_A_POLICY);
        } catch (JsonProcessingException e) {
            throw described(text, e, JsonPointer.ROOT);
        } catch (IOException e) {
            throw new SyntaxException(firstLine(e.getMessage()), SourceLocation.START, JsonPointer.ROOT);
        }
    }

    private static SyntaxException empty() {
        return new SyntaxException("the document is empty", SourceLocation.START, JsonPointer.ROOT,
                "write the policy into the file (an empty file is no policy), or leave the file out");
    }

    /**
     * Jackson's words for a comment or a trailing comma name its own switches ("Feature 'ALLOW_COMMENTS'
     * not enabled"); a user needs what is wrong, where, and that --fix removes it.
     */
    private static SyntaxException described(String text, JsonProcessingException e, String pointer) {
        SourceLocation stoppedAt = location(e.getLocation());
        Optional<JsonRepair.Removal> culprit = JsonRepair.culprit(text, stoppedAt);
        if (culprit.isEmpty()) {
            return new SyntaxException(firstLine(e.getOriginalMessage()), stoppedAt, pointer);
        }
        JsonRepair.Kind kind = culprit.get().kind();
        String message = kind == JsonRepair.Kind.TRAILING_COMMA
                ? "a comma after the last member or item (a trailing comma): JSON does not allow one, and S3 refuses the policy"
                : kind.words() + ": JSON has no comments, and S3 refuses a policy with one";
        String fix = kind == JsonRepair.Kind.TRAILING_COMMA
                ? "remove the comma ('gtvpc policy lint --fix' removes every trailing comma)"
                : "remove the comment ('gtvpc policy lint --fix' removes every comment); a statement's Sid can hold a short note";
        return new SyntaxException(message, culprit.get().location(), pointer, fix);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * Writes a tree as JSON text: with two-space indentation and one array item per line, or
     * compact without any whitespace. Output depends on nothing but the tree.
     */
    public static String write(Value value, boolean pretty) {
        StringBuilder out = new StringBuilder(256);
        write(value, pretty, 0, out);
        return out.toString();
    }

    private static void write(Value value, boolean pretty, int depth, StringBuilder out) {
        if (value instanceof Obj o) {
            if (o.members().isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            for (int i = 0; i < o.members().size(); i++) {
                Member m = o.members().get(i);
                if (i > 0) {
                    out.append(',');
                }
                newline(pretty, depth + 1, out);
                quote(m.name(), out);
                out.append(pretty ? ": " : ":");
                write(m.value(), pretty, depth + 1, out);
            }
            newline(pretty, depth, out);
            out.append('}');
        } else if (value instanceof Arr a) {
            if (a.items().isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                newline(pretty, depth + 1, out);
                write(a.items().get(i), pretty, depth + 1, out);
            }
            newline(pretty, depth, out);
            out.append(']');
        } else if (value instanceof Str s) {
            quote(s.value(), out);
        } else if (value instanceof Num n) {
            out.append(n.text());
        } else if (value instanceof Bool b) {
            out.append(b.value());
        } else {
            out.append("null");
        }
    }

    private static void newline(boolean pretty, int depth, StringBuilder out) {
        if (pretty) {
            out.append('\n');
            out.append("  ".repeat(depth));
        }
    }

    /** Appends {@code text} as a JSON string literal. */
    public static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(text, out);
        return out.toString();
    }

    /** Convenience constructors for trees built in code (their locations are meaningless). */
    public static Str str(String value) {
        return new Str(value, SourceLocation.START);
    }

    public static Obj obj(List<Member> members) {
        return new Obj(members, SourceLocation.START);
    }

    public static Arr arr(List<Value> items) {
        return new Arr(items, SourceLocation.START);
    }

    public static Member member(String name, Value value) {
        return new Member(name, SourceLocation.START, value);
    }
}
