package dev.gtvpc.render;

import dev.gtvpc.policy.io.Json;
import java.util.regex.Pattern;

/**
 * Writes a JSON tree as block-style YAML. Every string is double-quoted: YAML 1.1 readers turn bare
 * {@code 2012-10-17} into a date, {@code *} into an alias error and {@code no} into a boolean, and a
 * quoted string is never misread. JSON's escapes are valid in YAML double-quoted scalars.
 */
final class Yaml {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private Yaml() {
    }

    /** Appends the members of {@code obj} as a block mapping indented by {@code indent} spaces. */
    static void mapping(Json.Obj obj, int indent, StringBuilder out) {
        for (Json.Member m : obj.members()) {
            out.append(" ".repeat(indent)).append(key(m.name())).append(':');
            value(m.value(), indent, out);
        }
    }

    private static void value(Json.Value v, int indent, StringBuilder out) {
        if (v instanceof Json.Obj o && !o.members().isEmpty()) {
            out.append('\n');
            mapping(o, indent + 2, out);
        } else if (v instanceof Json.Arr a && !a.items().isEmpty()) {
            out.append('\n');
            sequence(a, indent + 2, out);
        } else {
            out.append(' ').append(scalar(v)).append('\n');
        }
    }

    private static void sequence(Json.Arr arr, int indent, StringBuilder out) {
        for (Json.Value item : arr.items()) {
            out.append(" ".repeat(indent)).append('-');
            if (item instanceof Json.Obj o && !o.members().isEmpty()) {
                // first member on the dash's line, the rest aligned under it
                StringBuilder nested = new StringBuilder();
                mapping(o, indent + 2, nested);
                out.append(' ').append(nested.substring(indent + 2));
            } else if (item instanceof Json.Arr a && !a.items().isEmpty()) {
                out.append('\n');
                sequence(a, indent + 2, out);
            } else {
                out.append(' ').append(scalar(item)).append('\n');
            }
        }
    }

    private static String scalar(Json.Value v) {
        if (v instanceof Json.Str s) {
            return Json.quote(s.value());
        }
        if (v instanceof Json.Obj) {
            return "{}";
        }
        if (v instanceof Json.Arr) {
            return "[]";
        }
        return Json.write(v, false);
    }

    static String key(String name) {
        return PLAIN_KEY.matcher(name).matches() ? name : Json.quote(name);
    }
}
