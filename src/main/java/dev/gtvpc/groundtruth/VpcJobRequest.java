package dev.gtvpc.groundtruth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What {@code job vpc-config} needs for the LabelingJobAlgorithmsConfig of an automated labeling job. */
public record VpcJobRequest(String region, List<String> subnets, List<String> securityGroupIds, String taskType,
        Optional<String> volumeKmsKey) {
    public VpcJobRequest {
        Objects.requireNonNull(region, "region");
        subnets = List.copyOf(subnets);
        securityGroupIds = List.copyOf(securityGroupIds);
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(volumeKmsKey, "volumeKmsKey");
    }
}
