package dev.gtvpc.aws;

import java.util.List;

/**
 * What EC2 says about a VPC's network, read-only. Every failure other than an ID EC2 does not know is
 * an {@link AwsCallFailed} (exit code 3, one line); no SDK type crosses this interface.
 */
public interface VpcInventory {
    /** DescribeVpcEndpoints filtered by vpc-id, every page: the VPC's endpoints for any service, in any state. */
    List<VpcEndpoint> endpoints(String vpcId);

    /** DescribeSubnets by ID; an ID EC2 does not know (InvalidSubnetID.NotFound) is listed as missing, not thrown. */
    Lookup<Subnet> subnets(List<String> subnetIds);

    /** DescribeSecurityGroups by ID; an ID EC2 does not know (InvalidGroup.NotFound) is listed as missing. */
    Lookup<SecurityGroup> securityGroups(List<String> groupIds);

    /** The resources EC2 found, and the IDs it does not know, each in the order asked. */
    record Lookup<T>(List<T> found, List<String> missing) {
        public Lookup {
            found = List.copyOf(found);
            missing = List.copyOf(missing);
        }
    }
}
