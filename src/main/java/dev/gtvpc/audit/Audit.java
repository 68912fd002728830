package dev.gtvpc.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The audit's pipeline: records stream from the source, through the filter, to the prover on a few
 * threads, and their verdicts reach the sink in source order. At most {@value #WINDOW} records are in
 * flight, so memory does not grow with the number of buckets.
 */
public final class Audit {
    static final int WINDOW = 512;

    /** Told how far the audit is, now and then; the CLI draws it on a terminal. */
    public interface Progress {
        void update(long read, long judged, long millis);

        void done();

        Progress NONE = new Progress() {
            @Override
            public void update(long read, long judged, long millis) {
            }

            @Override
            public void done() {
            }
        };
    }

    private Audit() {
    }

    public static AuditSummary run(RecordSource source, Filter filter, Prover prover, AuditSink sink, int threads, Progress progress) {
        long start = System.nanoTime();
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        long[] read = {0};
        long[] filteredOut = {0};
        long[] judged = {0};
        long[] lastProgress = {0};
        ArrayDeque<Future<BucketVerdict>> window = new ArrayDeque<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "gtvpc-audit");
            t.setDaemon(true);
            return t;
        });
        RecordSource.Totals totals;
        try {
            Runnable emitOne = () -> {
                BucketVerdict v = Futures.await(window.removeFirst());
                counts.merge(v.verdict(), 1L, Long::sum);
                judged[0]++;
                sink.bucket(v);
            };
            totals = source.read(record -> {
                read[0]++;
                if (!filter.test(record)) {
                    filteredOut[0]++;
                    return;
                }
                window.addLast(pool.submit(() -> prover.judge(record)));
                while (window.size() >= WINDOW || !window.isEmpty() && window.peekFirst().isDone()) {
                    emitOne.run();
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (ms - lastProgress[0] >= 250) {
                    lastProgress[0] = ms;
                    progress.update(read[0], judged[0], ms);
                }
            });
            while (!window.isEmpty()) {
                emitOne.run();
            }
        } finally {
            pool.shutdownNow();
            progress.done();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> notes = new ArrayList<>(totals.notes());
        long reported = totals.reported() < 0 ? read[0] : totals.reported();
        return new AuditSummary(counts, read[0], reported, filteredOut[0], prover.distinctProofs(), millis, notes);
    }
}
