package dev.gtvpc.lint;

import dev.gtvpc.policy.io.ParsedPolicy;
import java.util.List;
import java.util.Optional;

/** The findings for one document, sorted by position; the policy when it could be read. */
public record LintReport(String source, List<Finding> findings, Optional<ParsedPolicy> policy) {
    public LintReport {
        findings = List.copyOf(findings);
    }

    public boolean reaches(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().reaches(threshold));
    }
}
