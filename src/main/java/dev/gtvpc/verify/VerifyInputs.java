package dev.gtvpc.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the properties are about: the bucket and its account, the region's Ground Truth endpoint, the
 * user's VPCs, endpoints and roles, an administrator, and the protected actions (empty: the actions
 * the policy's Deny statements name).
 */
public record VerifyInputs(
        String region,
        String partition,
        String groundTruthEndpoint,
        String bucket,
        String bucketAccount,
        List<String> vpcs,
        List<String> vpces,
        List<String> roleArns,
        Optional<String> adminArn,
        List<String> actions) {

    public VerifyInputs {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(groundTruthEndpoint, "groundTruthEndpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(bucketAccount, "bucketAccount");
        vpcs = List.copyOf(vpcs);
        vpces = List.copyOf(vpces);
        roleArns = List.copyOf(roleArns);
        Objects.requireNonNull(adminArn, "adminArn");
        actions = List.copyOf(actions);
    }

    public String bucketArn() {
        return "arn:" + partition + ":s3:::" + bucket;
    }
}
