package dev.gtvpc.verify;

import java.util.List;

/** Every property's result, what was only sampled, and the access matrix (null unless asked for). */
public record VerificationReport(List<PropertyResult> results, List<String> samplingNotes, AccessMatrix matrix) {
    public VerificationReport {
        results = List.copyOf(results);
        samplingNotes = List.copyOf(samplingNotes);
    }

    public boolean proved() {
        return results.stream().allMatch(r -> r.status() == PropertyResult.Status.PROVED);
    }

    public boolean undecided() {
        return results.stream().anyMatch(r -> r.status() == PropertyResult.Status.UNDECIDED);
    }

    public long requests() {
        return results.stream().mapToLong(PropertyResult::requests).sum();
    }
}
