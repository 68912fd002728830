package dev.gtvpc.render;

import dev.gtvpc.policy.io.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a JSON tree as a Terraform (HCL) expression in the layout {@code terraform fmt} produces:
 * two-space indentation, {@code =} aligned across consecutive one-line attributes, a comma after
 * each list item. Strings escape Terraform's template sequences, so a policy variable such as
 * {@code ${aws:username}} reaches the policy literally instead of being interpolated by Terraform.
 */
final class Hcl {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private Hcl() {
    }

    static void expression(Json.Value v, int indent, StringBuilder out) {
        if (v instanceof Json.Obj o) {
            object(o, indent, out);
        } else if (v instanceof Json.Arr a) {
            list(a, indent, out);
        } else if (v instanceof Json.Str s) {
            string(s.value(), out);
        } else {
            out.append(Json.write(v, false));
        }
    }

    private static void object(Json.Obj obj, int indent, StringBuilder out) {
        if (obj.members().isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        List<Json.Member> members = obj.members();
        int i = 0;
        while (i < members.size()) {
            // a run of one-line attributes shares one alignment column; a multi-line one stands alone
            int end = i;
            if (oneLine(members.get(i).value())) {
                while (end + 1 < members.size() && oneLine(members.get(end + 1).value())) {
                    end++;
                }
            }
            List<String> keys = new ArrayList<>();
            int width = 0;
            for (int j = i; j <= end; j++) {
                String k = key(members.get(j).name());
                keys.add(k);
                width = Math.max(width, k.length());
            }
            for (int j = i; j <= end; j++) {
                String k = keys.get(j - i);
                out.append(" ".repeat(indent + 2)).append(k).append(" ".repeat(width - k.length())).append(" = ");
                expression(members.get(j).value(), indent + 2, out);
                out.append('\n');
            }
            i = end + 1;
        }
        out.append(" ".repeat(indent)).append('}');
    }

    private static void list(Json.Arr arr, int indent, StringBuilder out) {
        if (arr.items().isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (Json.Value item : arr.items()) {
            out.append(" ".repeat(indent + 2));
            expression(item, indent + 2, out);
            out.append(",\n");
        }
        out.append(" ".repeat(indent)).append(']');
    }

    private static boolean oneLine(Json.Value v) {
        return !(v instanceof Json.Obj o && !o.members().isEmpty()) && !(v instanceof Json.Arr a && !a.items().isEmpty());
    }

    static String key(String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        string(name, out);
        return out.toString();
    }

    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$' -> out.append(next == '{' ? "$$" : "$");
                case '%' -> out.append(next == '{' ? "%%" : "%");
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
}
