package dev.gtvpc.aws;

import java.util.List;
import java.util.Optional;

/**
 * AWS Config's aggregated inventory, queried with SelectAggregateResourceConfig (the only permission:
 * config:SelectAggregateResourceConfig). Throttling and server errors are retried by the SDK; a page
 * that still fails is an {@link AwsCallFailed}. No SDK type crosses this interface.
 */
public interface ConfigInventory {
    /** One page: each result row as the JSON text Config sends, and the token of the next page. */
    record Page(List<String> results, Optional<String> nextToken) {
        public Page {
            results = List.copyOf(results);
        }
    }

    /** One page of {@code expression} over aggregator {@code aggregator}, at most {@code limit} rows. */
    Page select(String aggregator, String expression, int limit, Optional<String> nextToken);
}
