package dev.gtvpc.lint;

import dev.gtvpc.policy.io.ParsedPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The findings for one document, sorted by position; the policy when it could be read. A document
 * found inside a Terraform plan or a template has its {@code address} there ({@code
 * aws_s3_bucket_policy.labels}, {@code Resources.LabelsPolicy}); {@code suppressed} are findings a
 * suppression in the source answered for, kept so SARIF can show them as suppressed; {@code notes}
 * say what was assumed or could not be checked (values known only at deploy time).
 */
public record LintReport(String source, List<Finding> findings, Optional<ParsedPolicy> policy, Optional<String> address,
        List<Suppressed> suppressed, List<String> notes) {
    /** A finding a suppression answered for: SARIF's kind ({@code inSource}, {@code external}) and the reason given. */
    public record Suppressed(Finding finding, String kind, String justification) {
        public Suppressed {
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(justification, "justification");
        }
    }

    public LintReport {
        findings = List.copyOf(findings);
        Objects.requireNonNull(address, "address");
        suppressed = List.copyOf(suppressed);
        notes = List.copyOf(notes);
    }

    /** A standalone policy file's report. */
    public LintReport(String source, List<Finding> findings, Optional<ParsedPolicy> policy) {
        this(source, findings, policy, Optional.empty(), List.of(), List.of());
    }

    public boolean reaches(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().reaches(threshold));
    }
}
