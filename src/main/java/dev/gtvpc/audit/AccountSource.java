package dev.gtvpc.audit;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.AccountBuckets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The caller's own buckets: ListBuckets, page by page, and GetBucketPolicy for each with at most
 * {@code concurrency} requests in flight (the client retries throttling adaptively). A bucket whose
 * GetBucketPolicy still fails is an unreadable record with the error, never a gap. Records come out in
 * listing order.
 */
public final class AccountSource implements RecordSource {
    private final AccountBuckets s3;
    private final String account;
    private final String fallbackRegion;
    private final int concurrency;

    /** {@code fallbackRegion}: for buckets whose listing names no region (S3-compatible servers, unpaginated listings). */
    public AccountSource(AccountBuckets s3, String account, String fallbackRegion, int concurrency) {
        this.s3 = s3;
        this.account = account;
        this.fallbackRegion = fallbackRegion;
        this.concurrency = concurrency;
    }

    @Override
    public Totals read(Consumer<BucketRecord> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "gtvpc-audit-s3");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<BucketRecord>> window = new ArrayDeque<>();
        long[] assumedRegion = {0};
        long listed;
        try {
            listed = s3.list(b -> {
                String region = b.region().orElse(fallbackRegion);
                if (b.region().isEmpty()) {
                    assumedRegion[0]++;
                }
                window.addLast(pool.submit(() -> fetch(b.name(), region)));
                while (window.size() >= concurrency * 4 || !window.isEmpty() && window.peekFirst().isDone()) {
                    sink.accept(Futures.await(window.removeFirst()));
                }
            });
            while (!window.isEmpty()) {
                sink.accept(Futures.await(window.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> notes = new ArrayList<>();
        if (assumedRegion[0] > 0) {
            notes.add(assumedRegion[0] + " bucket(s) listed without a region (ListBuckets names it only on AWS's paginated"
                    + " listing): taken to be in " + fallbackRegion);
        }
        return new Totals(listed, notes);
    }

    private BucketRecord fetch(String bucket, String region) {
        String source = "arn:aws:s3:::" + bucket;
        try {
            Optional<String> policy = s3.policy(bucket);
            return policy.map(p -> BucketRecord.withPolicy(bucket, account, region, p, Map.of(), source))
                    .orElseGet(() -> BucketRecord.noPolicy(bucket, account, region, Map.of(), source));
        } catch (GtvpcException e) {
            return BucketRecord.unreadable(bucket, account, region, e.getMessage(), Map.of(), source);
        }
    }
}
