package dev.gtvpc.policy;

import java.util.regex.Pattern;

/**
 * How a value a policy's source does not determine is written into the policy: {@code {{unknown:WHAT}}}
 * (input.Symbolic makes them from Terraform plans and templates). The engine needs only to tell one
 * apart: an unknown value stands for a real one, so it is not an impossible value.
 */
public final class UnknownValues {
    /** One unknown value; group 1 is what it stands for. */
    public static final Pattern TOKEN = Pattern.compile("\\{\\{unknown:([^{}]*)\\}\\}");

    private UnknownValues() {
    }

    /** True when {@code value} holds an unknown value. */
    public static boolean in(String value) {
        return TOKEN.matcher(value).find();
    }
}
