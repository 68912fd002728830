package dev.gtvpc.eval;

import java.util.List;
import java.util.Optional;

/**
 * Substitutes policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'default'}},
 * and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}) from the request context
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
 * A variable whose key is absent (and has no default) or multivalued leaves the value unresolved: IAM
 * says such a value "will not match" anything.
 */
final class PolicyVariables {
    private PolicyVariables() {
    }

    /**
     * A value after substitution. {@code literal[i]} marks characters that must not act as wildcards
     * in a {@code Like} match: those that came from a variable or an escape.
     */
    record Resolved(String text, boolean[] literal) {
    }

    static boolean hasVariable(String value) {
        return value.contains("${");
    }

    /** The value with variables substituted, or empty when a variable cannot be resolved. */
    static Optional<Resolved> resolve(String value, ContextKeys context) {
        int start = value.indexOf("${");
        if (start < 0) {
            return Optional.of(new Resolved(value, null));
        }
        StringBuilder text = new StringBuilder(value.length() + 16);
        StringBuilder mask = new StringBuilder(value.length() + 16);
        int i = 0;
        while (i < value.length()) {
            int open = value.indexOf("${", i);
            int close = open < 0 ? -1 : value.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                append(text, mask, value.substring(i), false);
                break;
            }
            append(text, mask, value.substring(i, open), false);
            String body = value.substring(open + 2, close);
            Optional<String> replacement = replacement(body, context);
            if (replacement.isEmpty()) {
                return Optional.empty();
            }
            append(text, mask, replacement.get(), true);
            i = close + 1;
        }
        boolean[] literal = new boolean[mask.length()];
        for (int k = 0; k < literal.length; k++) {
            literal[k] = mask.charAt(k) == '1';
        }
        return Optional.of(new Resolved(text.toString(), literal));
    }

    private static Optional<String> replacement(String body, ContextKeys context) {
        switch (body) {
            case "*", "?", "$" -> {
                return Optional.of(body);
            }
            default -> {
                String key = body;
                Optional<String> fallback = Optional.empty();
                int comma = body.indexOf(", '");
                if (comma >= 0 && body.endsWith("'")) {
                    key = body.substring(0, comma);
                    fallback = Optional.of(body.substring(comma + 3, body.length() - 1));
                }
                key = key.strip();
                Optional<List<String>> values = context.get(key).map(ContextKeys.Entry::values);
                if (values.isPresent() && values.get().size() == 1) {
                    return Optional.of(values.get().get(0));
                }
                // absent, empty or multivalued: "you can't use a multivalued condition key as a variable"
                return values.isPresent() && values.get().size() > 1 ? Optional.empty() : fallback;
            }
        }
    }

    private static void append(StringBuilder text, StringBuilder mask, String part, boolean literal) {
        text.append(part);
        mask.append(String.valueOf(literal ? '1' : '0').repeat(part.length()));
    }
}
