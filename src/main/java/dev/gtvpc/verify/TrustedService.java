package dev.gtvpc.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service that reaches buckets through a VPC endpoint of its own in each region it runs in, and so
 * must not be denied (Ground Truth, for a labeling bucket). This is all the engine knows of it: which
 * service it is and where its endpoints are listed is the business of the command line's edge, which
 * builds one from its table.
 *
 * @param name      the service, for people ("Ground Truth")
 * @param property  the property that checks its endpoint gets in ("gt-can-access")
 * @param actions   what it must not be denied
 * @param endpoints its endpoint in each region, in the order its table lists the regions
 */
public record TrustedService(String name, String property, List<String> actions, Map<String, String> endpoints) {
    public TrustedService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(property, "property");
        actions = List.copyOf(actions);
        endpoints = Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    /** No service: nothing is trusted, no region has an endpoint. */
    public static TrustedService none() {
        return new TrustedService("", "", List.of(), Map.of());
    }

    /** Its endpoint in {@code region}, as verify checks it; empty where it has none. */
    public Optional<VerifyInputs.TrustedEndpoint> in(String region) {
        return Optional.ofNullable(endpoints.get(region)).map(vpce -> endpoint(vpce, region));
    }

    /** {@code vpce} as this service's endpoint in {@code region}, listed or not (a user may name one the table lacks). */
    public VerifyInputs.TrustedEndpoint endpoint(String vpce, String region) {
        return new VerifyInputs.TrustedEndpoint(property, name, vpce, vpce + " (" + region + ")", actions);
    }

    /** The region whose endpoint {@code vpce} is, the first in table order. */
    public Optional<String> regionOf(String vpce) {
        return endpoints.entrySet().stream().filter(e -> e.getValue().equals(vpce)).map(Map.Entry::getKey).findFirst();
    }

    /** Whether {@code vpce} is this service's endpoint in any region. */
    public boolean isEndpoint(String vpce) {
        return endpoints.containsValue(vpce);
    }
}
