package dev.gtvpc.input;

import dev.gtvpc.policy.UnknownValues;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value the source file does not determine (a bucket ARN known only after apply, a !GetAtt, an
 * !ImportValue), written into the policy as {@code {{unknown:WHAT}}}. As text it equals no literal a
 * request can carry, so the evaluator and the request space treat it as a fresh value; the braces
 * keep it apart from IAM policy variables ({@code ${...}}) and from documentation placeholders
 * ({@code <...>}).
 */
public final class Symbolic {
    private static final Pattern TOKEN = UnknownValues.TOKEN;

    private Symbolic() {
    }

    public static String token(String what) {
        return "{{unknown:" + what.replace("{", "(").replace("}", ")") + "}}";
    }

    public static boolean in(String value) {
        return UnknownValues.in(value);
    }

    /** {@code value} with each token replaced by what it stands for. */
    public static String plain(String value) {
        return TOKEN.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    /** What each symbolic value in {@code value} stands for, in order. */
    public static List<String> names(String value) {
        List<String> names = new ArrayList<>();
        Matcher m = TOKEN.matcher(value);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
