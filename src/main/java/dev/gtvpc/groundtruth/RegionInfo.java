package dev.gtvpc.groundtruth;

import java.util.List;
import java.util.Objects;

/** One row of the region table: what gtvpc knows about Ground Truth in one AWS Region. */
public record RegionInfo(String region, Fact partition, Fact groundTruthEndpoint, Fact lambdaAccount) {
    public RegionInfo {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(groundTruthEndpoint, "groundTruthEndpoint");
        Objects.requireNonNull(lambdaAccount, "lambdaAccount");
    }

    /**
     * The system-owned buckets the worker portal uses in this region; the VPC must reach them
     * (the Ground Truth VPC page, "Prerequisites").
     */
    public List<String> systemBuckets() {
        return systemBuckets(region);
    }

    /** {@link #systemBuckets()} of the region named {@code region}. */
    public static List<String> systemBuckets(String region) {
        return List.of("sagemaker-labeling-data-" + region, "sm-bxcb-" + region + "-saved-task-states");
    }
}
