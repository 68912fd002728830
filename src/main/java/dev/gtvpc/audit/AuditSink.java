package dev.gtvpc.audit;

/** Where verdicts go as they are made, in source order, then the summary once all are in. */
public interface AuditSink {
    void bucket(BucketVerdict verdict);

    void end(AuditSummary summary);
}
