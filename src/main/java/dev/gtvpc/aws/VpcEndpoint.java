package dev.gtvpc.aws;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A VPC endpoint as DescribeVpcEndpoints returns it.
 *
 * @param type Gateway, Interface or GatewayLoadBalancer
 * @param state as EC2 spells it (the API answers in lower case, "available", though the model's enum
 *     says "Available"), so compared ignoring case
 * @param policyDocument the endpoint policy's JSON; empty when the endpoint has none, which for S3 means
 *     full access
 */
public record VpcEndpoint(String id, String type, String vpcId, String serviceName, String state, Optional<String> policyDocument) {
    public VpcEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(policyDocument, "policyDocument");
    }

    public boolean available() {
        return state.toLowerCase(Locale.ROOT).equals("available");
    }

    /** Whether this is the S3 service of {@code region}: com.amazonaws.REGION.s3 (gateway or interface). */
    public boolean isS3In(String region) {
        return serviceName.equals("com.amazonaws." + region + ".s3");
    }
}
