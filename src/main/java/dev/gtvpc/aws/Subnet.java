package dev.gtvpc.aws;

import java.util.Objects;

/** A subnet as DescribeSubnets returns it: what preflight needs to place it. */
public record Subnet(String id, String vpcId, String availabilityZone) {
    public Subnet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
    }
}
