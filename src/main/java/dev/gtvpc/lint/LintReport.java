package dev.gtvpc.lint;

import dev.gtvpc.policy.io.ParsedPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The findings for one document, sorted by position; the policy when it could be read. A document
 * found inside a Terraform plan or a template has its {@code address} there ({@code
 * aws_s3_bucket_policy.labels}, {@code Resources.LabelsPolicy}); {@code notes} say what was
 * assumed or could not be checked (values known only at deploy time). Suppressions are not here: they
 * are applied after the rules ({@link Suppressions}).
 */
public record LintReport(String source, List<Finding> findings, Optional<ParsedPolicy> policy, Optional<String> address,
        List<String> notes) {
    public LintReport {
        findings = List.copyOf(findings);
        Objects.requireNonNull(address, "address");
        notes = List.copyOf(notes);
    }

    /** A standalone policy file's report. */
    public LintReport(String source, List<Finding> findings, Optional<ParsedPolicy> policy) {
        this(source, findings, policy, Optional.empty(), List.of());
    }

    public boolean reaches(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().reaches(threshold));
    }
}
