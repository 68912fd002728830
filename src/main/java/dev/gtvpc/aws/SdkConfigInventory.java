package dev.gtvpc.aws;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.SelectAggregateResourceConfigResponse;

/** {@link ConfigInventory} over the SDK's Config client. */
final class SdkConfigInventory implements ConfigInventory {
    private final ConfigClient config;
    private final String endpoint;

    SdkConfigInventory(ConfigClient config, String endpoint) {
        this.config = config;
        this.endpoint = endpoint;
    }

    @Override
    public Page select(String aggregator, String expression, int limit, Optional<String> nextToken) {
        try {
            SelectAggregateResourceConfigResponse r = config.selectAggregateResourceConfig(b -> b.configurationAggregatorName(aggregator)
                    .expression(expression).limit(limit).nextToken(nextToken.orElse(null)));
            return new Page(r.results(), Optional.ofNullable(r.nextToken()).filter(t -> !t.isEmpty()));
        } catch (SdkException e) {
            throw AwsErrors.describe("SelectAggregateResourceConfig", "aggregator " + aggregator, endpoint, e);
        }
    }
}
