package dev.gtvpc.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text gtvpc prints (issue 17.7): a server, a proxy or a credential_process may
 * echo the session token or a request's Authorization header back in an error message, and that
 * message reaches stderr, an audit report or a preflight check's evidence alike. Secrets are known in
 * two ways: by their form wherever they came from (signatures, Authorization values, named tokens and
 * keys), and by value once the credentials gtvpc signs with were resolved ({@link #remember}) — a
 * session token from a profile, SSO or a credential_process is in no environment variable.
 */
public final class Redaction {
    public static final String MARK = "[REDACTED]";
    // a short value would redact ordinary words; real secrets are 40 characters and more
    private static final int SHORTEST_SECRET = 8;
    private static final List<Pattern> FORMS = List.of(
            // an Authorization header's value, SigV4 or other: everything after the scheme up to the line's end or a quote
            Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n]+"),
            Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=[^\"\\r\\n]+"),
            Pattern.compile("(?i)((?:x-amz-)?signature=)[0-9a-f]{16,}"),
            // a named secret in a header, a query, a config line or JSON — a credential_process's half-written
            // answer {"SecretAccessKey": "…" reaches the message of the SDK's JSON parser error
            Pattern.compile("(?i)((?:x-amz-security-token|security_?token|session_?token|(?:aws_)?secret_?access_?key)\"?\\s*[:=]\\s*\"?)"
                    + "[^\\s\"&,;]+"));
    private static final Set<String> REMEMBERED = ConcurrentHashMap.newKeySet();

    private Redaction() {
    }

    /** A secret gtvpc holds (a secret key, a session token): never printed from now on, whoever echoes it. */
    public static void remember(String secret) {
        if (secret != null && secret.strip().length() >= SHORTEST_SECRET) {
            REMEMBERED.add(secret.strip());
        }
    }

    /** {@code text} without the remembered secrets and secret-shaped parts. */
    public static String redact(String text) {
        return redact(text, List.of());
    }

    /** {@code text} without {@code secrets}, the remembered ones and secret-shaped parts. */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        List<String> all = new ArrayList<>(REMEMBERED);
        for (String s : secrets) {
            if (s != null && s.strip().length() >= SHORTEST_SECRET) {
                all.add(s.strip());
            }
        }
        // the longer first: a secret that contains another is taken out whole
        all.sort(Comparator.comparingInt(String::length).reversed());
        String out = text;
        for (String s : all) {
            out = out.replace(s, MARK);
        }
        for (Pattern p : FORMS) {
            out = p.matcher(out).replaceAll(m -> Matcher.quoteReplacement((m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : "")
                    + MARK));
        }
        return out;
    }
}
