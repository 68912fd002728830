package dev.gtvpc.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit's result for one bucket: the verdict and the one line that explains it, each property's
 * status, the lint errors and security warnings, the counterexample when refuted, and what was
 * assumed. {@code policyId} is the same for every bucket whose normalised policy text is the same
 * (one proof served them all); empty when there was no policy to prove.
 */
public record BucketVerdict(BucketRecord record, Verdict verdict, String detail, List<Property> properties, List<Issue> findings,
        List<String> counterexample, List<String> notes, String policyId) {

    /** One verify property's outcome. */
    public record Property(String property, String subject, String status) {
    }

    /** One lint finding (an error or a security warning). */
    public record Issue(String ruleId, String severity, String message) {
    }

    public BucketVerdict {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
        properties = List.copyOf(properties);
        findings = List.copyOf(findings);
        counterexample = List.copyOf(counterexample);
        notes = List.copyOf(notes);
        Objects.requireNonNull(policyId, "policyId");
    }

    public String bucket() {
        return record.bucket();
    }

    public String account() {
        return record.account();
    }

    public String region() {
        return record.region();
    }

    public Map<String, String> tags() {
        return record.tags();
    }
}
