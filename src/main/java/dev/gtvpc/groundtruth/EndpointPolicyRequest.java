package dev.gtvpc.groundtruth;

import java.util.List;
import java.util.Objects;

/**
 * What {@code endpoint-policy generate} needs: the region of the VPC (and so of the system buckets),
 * the labeling buckets the VPC reads and writes, and other buckets it only reads.
 */
public record EndpointPolicyRequest(String region, List<String> buckets, List<String> readOnlyBuckets) {
    public EndpointPolicyRequest {
        Objects.requireNonNull(region, "region");
        buckets = List.copyOf(buckets);
        readOnlyBuckets = List.copyOf(readOnlyBuckets);
    }
}
