package dev.gtvpc.input;

import dev.gtvpc.policy.Unknowns;
import java.util.List;

/**
 * A value the source file does not determine (a bucket ARN known only after apply, a !GetAtt, an
 * !ImportValue), written into the policy as {@code {{unknown:WHAT}}}: the model's {@link Unknowns}
 * token, which the request space and verify reason about.
 */
public final class Symbolic {
    /**
     * How a template's note naming its unknowns starts: lint checks them as values distinct from every
     * literal; verify ranges over their classes instead, and says so itself.
     */
    public static final String UNKNOWNS_NOTE = "checked with values the template does not determine as values distinct from"
            + " every literal: ";

    private Symbolic() {
    }

    public static String token(String what) {
        return Unknowns.token(what);
    }

    public static boolean in(String value) {
        return Unknowns.in(value);
    }

    /** {@code value} with each token replaced by what it stands for. */
    public static String plain(String value) {
        return Unknowns.plain(value);
    }

    /** What each symbolic value in {@code value} stands for, in order. */
    public static List<String> names(String value) {
        return Unknowns.names(value);
    }
}
