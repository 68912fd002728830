package dev.gtvpc.aws;

import dev.gtvpc.util.Redaction;
import java.util.Optional;

/**
 * The words for a 200 answer that did not come from S3 — a proxy's or portal's page where S3's
 * document was expected — naming what came, so the user can tell which box answered.
 */
final class ForeignAnswer {
    private static final int SHOWN = 40;

    private ForeignAnswer() {
    }

    /**
     * @param expected what S3 sends, e.g. "S3's LocationConstraint XML"
     * @param notTakenFor what gtvpc did not take from it, e.g. "region"
     */
    static String describe(String expected, String body, Optional<String> contentType, String notTakenFor) {
        return "the answer is not " + expected + " (HTTP 200" + contentType.map(t -> ", Content-Type " + t).orElse("") + ", "
                + beginning(body) + ") — a proxy or portal may be answering instead of S3; check --endpoint-url and the network"
                + " (nothing was taken for the bucket's " + notTakenFor + ")";
    }

    /** "a body that begins '…'" with its first characters on one line, or "an empty body". */
    private static String beginning(String body) {
        // a page may echo the request, Authorization header and all; redacted whole, before it is cut
        String start = Redaction.redact(body.strip().replaceAll("\\s+", " "));
        return start.isEmpty() ? "an empty body"
                : "a body that begins '" + (start.length() > SHOWN ? start.substring(0, SHOWN) + "…" : start) + "'";
    }
}
