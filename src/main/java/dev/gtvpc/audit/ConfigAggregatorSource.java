package dev.gtvpc.audit;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.ConfigInventory;
import dev.gtvpc.policy.io.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Every bucket an AWS Config aggregator knows, with SelectAggregateResourceConfig, 100 rows a page:
 * <ol>
 * <li>the shards: {@value #SHARDS} — how many buckets each account has in each region, a few pages for
 *     a whole organization, so the summary can say "read N of M" without listing every bucket first;</li>
 * <li>the policies, one query per shard ({@value #POLICIES} {@code AND accountId = '…' AND awsRegion = '…'}),
 *     {@code concurrency} shards at a time: a query's pages must follow its NextToken one after the
 *     other, so the shards are what runs in parallel. Records reach the sink in shard order; a shard
 *     that runs ahead of the one being read waits after {@value #AHEAD} pages, and no shard starts more
 *     than {@code concurrency} x {@value #AHEAD} shards ahead of it (most shards are a page or two), so
 *     memory stays bounded however many shards there are.</li>
 * </ol>
 * The SDK retries throttling and server errors (its standard mode, per call: one throttled shard backs
 * off while the others go on). A page that still fails ends its shard's query; the names of the
 * shard's buckets are then asked for ({@value #NAMES}), and each bucket no page returned becomes an
 * unreadable record with the error. Items AWS Config keeps for deleted buckets
 * ({@code configurationItemStatus} ResourceDeleted or ResourceDeletedNotRecorded) are not audited.
 */
public final class ConfigAggregatorSource implements RecordSource {
    static final String WHERE = " WHERE resourceType = 'AWS::S3::Bucket'";
    static final String SHARDS = "SELECT accountId, awsRegion, COUNT(*)" + WHERE + " GROUP BY accountId, awsRegion";
    static final String POLICIES = "SELECT arn, resourceName, accountId, awsRegion, configurationItemStatus,"
            + " supplementaryConfiguration.BucketPolicy, tags" + WHERE;
    static final String NAMES = "SELECT resourceName, accountId, awsRegion, configurationItemStatus" + WHERE;
    static final int PAGE = 100;
    static final int AHEAD = 4;
    private static final Set<String> DELETED = Set.of("ResourceDeleted", "ResourceDeletedNotRecorded");

    private final ConfigInventory config;
    private final String aggregator;
    private final int concurrency;

    public ConfigAggregatorSource(ConfigInventory config, String aggregator, int concurrency) {
        this.config = config;
        this.aggregator = aggregator;
        this.concurrency = Math.max(1, concurrency);
    }

    private record Shard(String account, String region, long count) {
        String where() {
            return " AND accountId = '" + account + "' AND awsRegion = '" + region + "'";
        }
    }

    /** What a shard's query hands over: a page of rows, or its end (with the failure that ended it, if one did). */
    private record Batch(List<String> rows, boolean last, String failure) {
    }

    private static final class Counts {
        long malformed;
        long deleted;
        long extra;
        final List<String> notes = new ArrayList<>();
    }

    @Override
    public Totals read(Consumer<BucketRecord> sink) {
        List<Shard> shards = shards();
        long reported = shards.stream().mapToLong(Shard::count).sum();
        Counts counts = new Counts();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, shards.size())), r -> {
            Thread t = new Thread(r, "gtvpc-config");
            t.setDaemon(true);
            return t;
        });
        try {
            List<BlockingQueue<Batch>> queues = new ArrayList<>();
            // the pool starts shards in order and they are drained in order: the shard being drained holds a permit already
            Semaphore ahead = new Semaphore(concurrency * AHEAD);
            for (Shard s : shards) {
                BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(AHEAD);
                queues.add(queue);
                pool.execute(() -> {
                    try {
                        ahead.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    fetch(s, queue);
                });
            }
            for (int i = 0; i < shards.size(); i++) {
                drain(shards.get(i), queues.get(i), sink, counts);
                ahead.release();
            }
        } finally {
            pool.shutdownNow();
        }
        if (counts.malformed > 0) {
            counts.notes.add(counts.malformed + " row(s) AWS Config returned were not bucket records gtvpc can read; the buckets they"
                    + " stood for are counted unreadable where their shard's names could be read");
        }
        if (counts.deleted > 0) {
            counts.notes.add(counts.deleted + " item(s) AWS Config keeps for deleted buckets (configurationItemStatus ResourceDeleted)"
                    + " were not audited");
        }
        if (counts.extra > 0) {
            counts.notes.add(counts.extra + " bucket(s) more than AWS Config counted were returned (created since): audited too");
        }
        return new Totals(Math.max(0, reported - counts.deleted) + counts.extra, counts.notes);
    }

    private List<Shard> shards() {
        // sorted, so the output's order does not depend on the order Config groups in
        Map<String, Shard> byKey = new TreeMap<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            ConfigInventory.Page page;
            try {
                page = config.select(aggregator, SHARDS, PAGE, token);
            } catch (GtvpcException e) {
                throw new GtvpcException(e.exitCode(), "counting the aggregator's buckets failed after " + pages + " page(s), so nothing"
                        + " was audited: " + e.getMessage(), e);
            }
            pages++;
            for (String row : page.results()) {
                shard(row).ifPresent(s -> byKey.merge(s.account() + '\n' + s.region(), s,
                        (a, b) -> new Shard(a.account(), a.region(), a.count() + b.count())));
            }
            token = page.nextToken();
        } while (token.isPresent());
        List<Shard> out = new ArrayList<>(byKey.values());
        out.sort(Comparator.comparing(Shard::account).thenComparing(Shard::region));
        return out;
    }

    private static Optional<Shard> shard(String row) {
        try {
            if (Json.parse(row) instanceof Json.Obj o) {
                Optional<String> account = o.get("accountId").filter(v -> v instanceof Json.Str).map(v -> ((Json.Str) v).value());
                Optional<String> region = o.get("awsRegion").filter(v -> v instanceof Json.Str).map(v -> ((Json.Str) v).value());
                // Config names the column after the expression: COUNT(*)
                long count = o.members().stream().filter(m -> m.name().toUpperCase(java.util.Locale.ROOT).startsWith("COUNT"))
                        .map(Json.Member::value).filter(v -> v instanceof Json.Num).mapToLong(v -> Long.parseLong(((Json.Num) v).text()))
                        .findFirst().orElse(0);
                if (account.isPresent() && region.isPresent() && account.get().matches("\\d{12}") && region.get().matches("[a-z0-9-]+")) {
                    return Optional.of(new Shard(account.get(), region.get(), count));
                }
            }
        } catch (Json.SyntaxException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Runs on the pool: the shard's pages, one after the other, into its queue. */
    private void fetch(Shard shard, BlockingQueue<Batch> queue) {
        String query = POLICIES + shard.where();
        Optional<String> next = Optional.empty();
        try {
            do {
                ConfigInventory.Page page;
                try {
                    page = config.select(aggregator, query, PAGE, next);
                } catch (RuntimeException e) {
                    // never a null failure: that would read as a shard that ended well
                    queue.put(new Batch(List.of(), true, e.getMessage() != null ? e.getMessage() : e.toString()));
                    return;
                }
                next = page.nextToken();
                queue.put(new Batch(page.results(), next.isEmpty(), null));
            } while (next.isPresent());
        } catch (InterruptedException e) {
            // the audit ended (it failed or was cut short): nobody reads this queue any more
            Thread.currentThread().interrupt();
        }
    }

    private void drain(Shard shard, BlockingQueue<Batch> queue, Consumer<BucketRecord> sink, Counts counts) {
        Set<String> seen = new HashSet<>();
        long read = 0;
        Batch batch;
        do {
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading AWS Config", e);
            }
            for (String row : batch.rows()) {
                Optional<Json.Value> value = parse(row);
                Optional<BucketRecord> r = value.flatMap(v -> ConfigRecords.read(v, "", "", "AWS Config", new String[1]));
                if (r.isEmpty()) {
                    counts.malformed++;
                    continue;
                }
                if (deleted(value.get())) {
                    counts.deleted++;
                    continue;
                }
                read++;
                if (seen.add(r.get().bucket()) && seen.size() > shard.count()) {
                    counts.extra++;
                }
                sink.accept(r.get());
            }
        } while (!batch.last());
        if (batch.failure() != null) {
            unread(shard, seen, read, batch.failure(), sink, counts);
        }
    }

    /** After a failed page: a record for each bucket of the shard no page returned, if Config will still name them. */
    private void unread(Shard shard, Set<String> seen, long read, String failure, Consumer<BucketRecord> sink, Counts counts) {
        String why = "the AWS Config page that held it failed: " + failure;
        ArrayDeque<String> missing = new ArrayDeque<>();
        Optional<String> next = Optional.empty();
        try {
            do {
                ConfigInventory.Page page = config.select(aggregator, NAMES + shard.where(), PAGE, next);
                for (String row : page.results()) {
                    Optional<Json.Value> value = parse(row);
                    Optional<BucketRecord> r = value.flatMap(v -> ConfigRecords.read(v, "", "", "AWS Config", new String[1]));
                    if (r.isPresent() && !deleted(value.get()) && !seen.contains(r.get().bucket())) {
                        missing.add(r.get().bucket());
                    }
                }
                next = page.nextToken();
            } while (next.isPresent());
        } catch (RuntimeException e) {
            long left = Math.max(0, shard.count() - read);
            counts.notes.add("account " + shard.account() + " in " + shard.region() + ": " + left + " bucket(s) not read after " + read
                    + " read, and their names could not be listed either: " + failure);
            return;
        }
        for (String bucket : missing) {
            sink.accept(BucketRecord.unreadable(bucket, shard.account(), shard.region(), why, Map.of(), "arn:aws:s3:::" + bucket));
        }
        counts.notes.add("account " + shard.account() + " in " + shard.region() + ": " + missing.size() + " bucket(s) unreadable after "
                + read + " read: " + failure);
    }

    private static Optional<Json.Value> parse(String row) {
        try {
            return Optional.of(Json.parse(row));
        } catch (Json.SyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean deleted(Json.Value row) {
        return row instanceof Json.Obj o && o.get("configurationItemStatus").filter(v -> v instanceof Json.Str s
                && DELETED.contains(s.value())).isPresent();
    }
}
