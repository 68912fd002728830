package dev.gtvpc.lint;

import dev.gtvpc.policy.io.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One linted policy as suppressions see it: its address (what baseline entries and in-source skips
 * name), its findings, the policy document its findings' pointers point into (to fingerprint them)
 * and the skips written beside it in its source. A standalone policy file is addressed by its path
 * and has no in-source skips (policy JSON has no comments); the input layer gives a policy found in a
 * Terraform plan or a template its resource address and the skips of its resource's Metadata.
 *
 * @param document the policy document as JSON; empty when it is not JSON
 * @param text the policy document's text (it stands in for the document when that is not JSON)
 */
public record LintTarget(String address, LintReport report, Optional<Json.Value> document, String text, List<Suppression> inSource) {
    public LintTarget {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(text, "text");
        inSource = List.copyOf(inSource);
    }

    /** A policy document given as its JSON text, with no in-source skips. */
    public static LintTarget of(String address, LintReport report, String text) {
        Optional<Json.Value> document;
        try {
            document = Optional.of(Json.parse(text));
        } catch (Json.SyntaxException e) {
            document = Optional.empty();
        }
        return new LintTarget(address, report, document, text, List.of());
    }

    public LintTarget withInSource(List<Suppression> skips) {
        return new LintTarget(address, report, document, text, skips);
    }
}
