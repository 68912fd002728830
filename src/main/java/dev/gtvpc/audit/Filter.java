package dev.gtvpc.audit;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code --filter} expressions: {@code account=ID}, {@code region=NAME}, {@code bucket=PATTERN}
 * ({@code *} and {@code ?} wildcards) and {@code tag:KEY=VALUE} ({@code tag:KEY} alone: the tag is
 * set). Several values of one kind are alternatives; kinds all must hold.
 */
public final class Filter implements Predicate<BucketRecord> {
    private final List<String> accounts = new ArrayList<>();
    private final List<String> regions = new ArrayList<>();
    private final List<String> buckets = new ArrayList<>();
    private final List<String[]> tags = new ArrayList<>();

    private Filter() {
    }

    public static Filter parse(List<String> expressions) {
        Filter f = new Filter();
        for (String e : expressions) {
            int eq = e.indexOf('=');
            if (e.startsWith("tag:") && e.length() > 4) {
                f.tags.add(eq < 0 ? new String[] {e.substring(4), null} : new String[] {e.substring(4, eq), e.substring(eq + 1)});
                continue;
            }
            if (eq <= 0 || eq == e.length() - 1) {
                throw GtvpcException.badInput("--filter: '" + e + "' is not account=ID, region=NAME, bucket=PATTERN or tag:KEY=VALUE");
            }
            String kind = e.substring(0, eq);
            String value = e.substring(eq + 1);
            switch (kind) {
                case "account" -> f.accounts.add(value);
                case "region" -> f.regions.add(value);
                case "bucket" -> f.buckets.add(value);
                default -> throw GtvpcException.badInput("--filter: '" + kind + "' is not account, region, bucket or tag:KEY");
            }
        }
        return f;
    }

    public boolean isEmpty() {
        return accounts.isEmpty() && regions.isEmpty() && buckets.isEmpty() && tags.isEmpty();
    }

    @Override
    public boolean test(BucketRecord r) {
        return (accounts.isEmpty() || accounts.contains(r.account()))
                && (regions.isEmpty() || regions.contains(r.region()))
                && (buckets.isEmpty() || buckets.stream().anyMatch(p -> Wildcards.matches(p, r.bucket())))
                && tags.stream().allMatch(t -> t[1] == null ? r.tags().containsKey(t[0]) : t[1].equals(r.tags().get(t[0])));
    }
}
