package dev.gtvpc.audit;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.ConfigInventory;
import dev.gtvpc.policy.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every bucket an AWS Config aggregator knows, in two passes of SelectAggregateResourceConfig, 100
 * rows a page, following every NextToken:
 * <ol>
 * <li>the inventory: {@value #LIST} — names only, so it is cheap and says how many buckets there are;</li>
 * <li>the policies, one query per account (a shard: a page that fails costs only the rest of its
 *     account): {@value #POLICIES} {@code AND accountId = '…'}.</li>
 * </ol>
 * The SDK retries throttling and server errors; a page that still fails ends its account's query, and
 * each bucket of that account the inventory named but no page returned becomes an unreadable record
 * with the error. The buckets' names are held (not their policies) to know which are missing.
 */
public final class ConfigAggregatorSource implements RecordSource {
    static final String LIST = "SELECT resourceName, accountId, awsRegion WHERE resourceType = 'AWS::S3::Bucket'";
    static final String POLICIES = "SELECT arn, resourceName, accountId, awsRegion, supplementaryConfiguration.BucketPolicy, tags"
            + " WHERE resourceType = 'AWS::S3::Bucket'";
    static final int PAGE = 100;

    private final ConfigInventory config;
    private final String aggregator;

    public ConfigAggregatorSource(ConfigInventory config, String aggregator) {
        this.config = config;
        this.aggregator = aggregator;
    }

    private record Id(String account, String region, String bucket) {
    }

    @Override
    public Totals read(Consumer<BucketRecord> sink) {
        // account -> its buckets, in the order Config lists them
        Map<String, Set<Id>> inventory = new LinkedHashMap<>();
        long reported = 0;
        Optional<String> token = Optional.empty();
        int pages = 0;
        long malformed = 0;
        do {
            ConfigInventory.Page page;
            try {
                page = config.select(aggregator, LIST, PAGE, token);
            } catch (GtvpcException e) {
                throw new GtvpcException(e.exitCode(), "listing the aggregator's buckets failed after " + pages + " page(s), so nothing"
                        + " was audited: " + e.getMessage(), e);
            }
            pages++;
            for (String row : page.results()) {
                Optional<Id> id = id(row);
                if (id.isEmpty()) {
                    malformed++;
                }
                if (id.isPresent() && inventory.computeIfAbsent(id.get().account(), a -> new LinkedHashSet<>()).add(id.get())) {
                    reported++;
                }
            }
            token = page.nextToken();
        } while (token.isPresent());
        List<String> notes = new ArrayList<>();
        long extra = 0;
        for (Map.Entry<String, Set<Id>> account : inventory.entrySet()) {
            Set<Id> pending = account.getValue();
            String query = POLICIES + " AND accountId = '" + account.getKey() + "'";
            String failure = null;
            Optional<String> next = Optional.empty();
            int read = 0;
            do {
                ConfigInventory.Page page;
                try {
                    page = config.select(aggregator, query, PAGE, next);
                } catch (GtvpcException e) {
                    failure = e.getMessage();
                    break;
                }
                for (String row : page.results()) {
                    Optional<BucketRecord> r = record(row);
                    if (r.isEmpty()) {
                        malformed++;
                        continue;
                    }
                    read++;
                    if (!pending.remove(new Id(r.get().account(), r.get().region(), r.get().bucket()))) {
                        extra++; // created after the inventory pass, or listed twice
                    }
                    sink.accept(r.get());
                }
                next = page.nextToken();
            } while (next.isPresent());
            String why = failure != null ? "the AWS Config page that held it failed: " + failure
                    : "AWS Config's inventory named it but its policy query did not return it";
            for (Id id : pending) {
                sink.accept(BucketRecord.unreadable(id.bucket(), id.account(), id.region(), why, Map.of(), "arn:aws:s3:::" + id.bucket()));
            }
            if (failure != null) {
                notes.add("account " + account.getKey() + ": " + pending.size() + " bucket(s) unreadable after " + read + " read: " + failure);
            }
            pending.clear();
        }
        if (malformed > 0) {
            notes.add(malformed + " row(s) AWS Config returned were not bucket records gtvpc can read; the buckets they stood for are"
                    + " counted unreadable where the inventory named them");
        }
        if (extra > 0) {
            notes.add(extra + " bucket(s) returned by the policy queries were not in the inventory pass (created since): audited too");
        }
        return new Totals(reported + extra, notes);
    }

    private static Optional<Id> id(String row) {
        Optional<BucketRecord> r = record(row);
        return r.map(b -> new Id(b.account(), b.region(), b.bucket()));
    }

    private static Optional<BucketRecord> record(String row) {
        try {
            return ConfigRecords.read(Json.parse(row), "", "", "AWS Config", new String[1]);
        } catch (Json.SyntaxException e) {
            return Optional.empty();
        }
    }
}
