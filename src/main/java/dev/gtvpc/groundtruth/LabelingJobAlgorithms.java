package dev.gtvpc.groundtruth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * CreateLabelingJob's LabelingJobAlgorithmsConfig for automated labeling in a VPC: the algorithm, and
 * LabelingJobResourceConfig with the optional volume key and the VpcConfig (1–5 security groups,
 * 1–16 subnets) the training and inference jobs of automated labeling run in.
 */
public record LabelingJobAlgorithms(String algorithmSpecificationArn, Optional<String> volumeKmsKeyId,
        List<String> securityGroupIds, List<String> subnets) {
    public static final int MAX_SUBNETS = 16;
    public static final int MAX_SECURITY_GROUPS = 5;

    public LabelingJobAlgorithms {
        Objects.requireNonNull(algorithmSpecificationArn, "algorithmSpecificationArn");
        Objects.requireNonNull(volumeKmsKeyId, "volumeKmsKeyId");
        securityGroupIds = List.copyOf(securityGroupIds);
        subnets = List.copyOf(subnets);
        if (securityGroupIds.isEmpty() || securityGroupIds.size() > MAX_SECURITY_GROUPS) {
            throw new IllegalArgumentException("VpcConfig takes 1 to 5 security groups, not " + securityGroupIds.size());
        }
        if (subnets.isEmpty() || subnets.size() > MAX_SUBNETS) {
            throw new IllegalArgumentException("VpcConfig takes 1 to 16 subnets, not " + subnets.size());
        }
    }
}
