package dev.gtvpc.aws;

import java.util.Objects;

/** A security group as DescribeSecurityGroups returns it. */
public record SecurityGroup(String id, String name, String vpcId) {
    public SecurityGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vpcId, "vpcId");
    }
}
