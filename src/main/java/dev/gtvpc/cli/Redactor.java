package dev.gtvpc.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes known secrets out of what gtvpc prints (issue 17.7): a server or a credential_process may
 * echo the secret key, the session token or a request's Authorization header back in an error
 * message, and --verbose prints whole exception chains. The secrets gtvpc knows are those in the
 * environment; signatures and tokens are recognised by their form wherever they came from.
 */
final class Redactor {
    static final String MARK = "[REDACTED]";
    private static final List<String> SECRET_VARIABLES = List.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN");
    private static final List<Pattern> FORMS = List.of(
            // an Authorization header's value, SigV4 or other: everything after the scheme up to the line's end or a quote
            Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n]+"),
            Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=[^\"\\r\\n]+"),
            Pattern.compile("(?i)((?:x-amz-)?signature=)[0-9a-f]{16,}"),
            // a named secret in a header, a query, a config line or JSON — a credential_process's half-written
            // answer {"SecretAccessKey": "…" reaches the message of the SDK's JSON parser error
            Pattern.compile("(?i)((?:x-amz-security-token|security_?token|session_?token|(?:aws_)?secret_?access_?key)\"?\\s*[:=]\\s*\"?)[^\\s\"&,;]+"));

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    static Redactor of(Map<String, String> environment) {
        List<String> secrets = new ArrayList<>();
        for (String name : SECRET_VARIABLES) {
            String v = environment.get(name);
            // a short value would redact ordinary words; real secrets are 40 characters and more
            if (v != null && v.strip().length() >= 8) {
                secrets.add(v.strip());
            }
        }
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return new Redactor(List.copyOf(secrets));
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MARK);
        }
        for (Pattern p : FORMS) {
            out = p.matcher(out).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                    (m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : "") + MARK));
        }
        return out;
    }
}
