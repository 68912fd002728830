package dev.gtvpc.audit;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where bucket records come from: files already collected, an account's listing, an AWS Config
 * aggregator. A source streams: it hands each record to the sink as soon as it has it and keeps no
 * policy text after that.
 */
public interface RecordSource {
    /**
     * Sends every record to {@code sink} in a stable order and says how many buckets the source
     * reported in all, so the summary can show "read N of M" (a record for every bucket, unreadable
     * ones included, is the source's duty: never a silent gap).
     */
    Totals read(Consumer<BucketRecord> sink);

    /**
     * @param reported how many buckets the source says exist (-1 when it cannot know)
     * @param notes    what the reader must know about how the records were read
     */
    record Totals(long reported, List<String> notes) {
        public Totals {
            notes = List.copyOf(notes);
        }
    }
}
