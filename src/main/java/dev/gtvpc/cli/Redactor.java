package dev.gtvpc.cli;

import dev.gtvpc.util.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The last net under what gtvpc prints on stderr (issue 17.7): {@link Redaction} with the secrets of
 * the run's environment, which an offline command or a failure before any AWS client was built has
 * not handed to {@link Redaction#remember}.
 */
final class Redactor {
    private static final List<String> SECRET_VARIABLES = List.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN");

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    static Redactor of(Map<String, String> environment) {
        List<String> secrets = new ArrayList<>();
        for (String name : SECRET_VARIABLES) {
            String v = environment.get(name);
            if (v != null) {
                secrets.add(v);
            }
        }
        return new Redactor(List.copyOf(secrets));
    }

    String redact(String text) {
        return Redaction.redact(text, secrets);
    }
}
