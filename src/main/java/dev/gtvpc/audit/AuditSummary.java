package dev.gtvpc.audit;

import java.util.List;
import java.util.Map;

/**
 * The whole audit in numbers: buckets per verdict, how many records were read of how many the
 * source reported, how many the filter left out, how many distinct policies were proved, how long
 * it took, and what the reader must know about how the records were read.
 */
public record AuditSummary(Map<Verdict, Long> counts, long read, long reported, long filteredOut, long distinctProofs, long millis,
        List<String> notes) {
    public AuditSummary {
        counts = Map.copyOf(counts);
        notes = List.copyOf(notes);
    }

    public long count(Verdict v) {
        return counts.getOrDefault(v, 0L);
    }

    /** Buckets judged (those the filter kept). */
    public long judged() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
