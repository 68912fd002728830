package dev.gtvpc.preflight;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to check: the labeling job's region and bucket, the VPCs it runs in (at least one), the
 * endpoints and roles the bucket policy must let in, the subnets and security groups of its
 * VpcConfig (may be empty: only automated labeling needs them), and the endpoint the caller works
 * through (empty: the internet), for the lock-out check.
 */
public record PreflightRequest(String region, String bucket, List<String> vpcs, List<String> vpces, List<String> subnets,
        List<String> securityGroups, List<String> roleArns, Optional<String> callerVpce) {
    public PreflightRequest {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        vpcs = List.copyOf(vpcs);
        if (vpcs.isEmpty()) {
            throw new IllegalArgumentException("at least one VPC");
        }
        vpces = List.copyOf(vpces);
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
        roleArns = List.copyOf(roleArns);
        Objects.requireNonNull(callerVpce, "callerVpce");
    }
}
