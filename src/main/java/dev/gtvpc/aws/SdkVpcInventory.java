package dev.gtvpc.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;

/** {@link VpcInventory} over the SDK's EC2 client (the EC2 query protocol, API version 2016-11-15). */
public final class SdkVpcInventory implements VpcInventory {
    private final Ec2Client ec2;
    private final String endpoint;

    /**
     * @param endpoint where the client sends requests, only to name it when the network fails
     */
    public SdkVpcInventory(Ec2Client ec2, String endpoint) {
        this.ec2 = Objects.requireNonNull(ec2, "ec2");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public List<VpcEndpoint> endpoints(String vpcId) {
        DescribeVpcEndpointsRequest request = DescribeVpcEndpointsRequest.builder()
                .filters(Filter.builder().name("vpc-id").values(vpcId).build()).build();
        List<VpcEndpoint> endpoints = new ArrayList<>();
        try {
            // the paginator fetches lazily: a failure on a later page surfaces inside this loop
            for (software.amazon.awssdk.services.ec2.model.VpcEndpoint e : ec2.describeVpcEndpointsPaginator(request).vpcEndpoints()) {
                endpoints.add(new VpcEndpoint(text(e.vpcEndpointId()), text(e.vpcEndpointTypeAsString()), text(e.vpcId()),
                        text(e.serviceName()), text(e.stateAsString()), policy(e.policyDocument())));
            }
        } catch (SdkException e) {
            throw AwsErrors.describe("DescribeVpcEndpoints", "VPC " + vpcId, endpoint, e);
        }
        return List.copyOf(endpoints);
    }

    @Override
    public Lookup<Subnet> subnets(List<String> subnetIds) {
        return lookup("DescribeSubnets", subnetIds, ids -> ec2.describeSubnets(b -> b.subnetIds(ids)).subnets().stream()
                .map(s -> new Subnet(text(s.subnetId()), text(s.vpcId()), text(s.availabilityZone()))).toList(), Subnet::id);
    }

    @Override
    public Lookup<SecurityGroup> securityGroups(List<String> groupIds) {
        return lookup("DescribeSecurityGroups", groupIds, ids -> ec2.describeSecurityGroups(b -> b.groupIds(ids)).securityGroups()
                .stream().map(g -> new SecurityGroup(text(g.groupId()), text(g.groupName()), text(g.vpcId()))).toList(),
                SecurityGroup::id);
    }

    /**
     * Describes the IDs in one call. EC2 answers a call naming an unknown ID with an error for the whole
     * call (InvalidSubnetID.NotFound, InvalidGroup.NotFound), naming only some of the unknown ones, so
     * after such an error each ID is asked on its own to learn exactly which exist.
     */
    private <T> Lookup<T> lookup(String operation, List<String> ids, Function<List<String>, List<T>> describe,
            Function<T, String> idOf) {
        if (ids.isEmpty()) {
            return new Lookup<>(List.of(), List.of());
        }
        try {
            List<T> found = describe.apply(ids);
            List<String> known = found.stream().map(idOf).toList();
            return new Lookup<>(found, ids.stream().filter(id -> !known.contains(id)).toList());
        } catch (SdkException e) {
            if (!notFound(e)) {
                throw AwsErrors.describe(operation, "", endpoint, e);
            }
        }
        List<T> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            try {
                List<T> one = describe.apply(List.of(id));
                if (one.isEmpty()) {
                    missing.add(id);
                }
                found.addAll(one);
            } catch (SdkException e) {
                if (!notFound(e)) {
                    throw AwsErrors.describe(operation, id, endpoint, e);
                }
                missing.add(id);
            }
        }
        return new Lookup<>(found, missing);
    }

    private static boolean notFound(SdkException e) {
        return e instanceof AwsServiceException ase && ase.awsErrorDetails() != null && ase.awsErrorDetails().errorCode() != null
                && ase.awsErrorDetails().errorCode().toLowerCase(Locale.ROOT).endsWith(".notfound");
    }

    /**
     * EC2 sends the endpoint policy as plain JSON (unlike IAM, which URL-encodes its documents); a
     * document that arrives URL-encoded anyway is decoded, so either reads.
     */
    private static Optional<String> policy(String document) {
        if (document == null || document.isBlank()) {
            return Optional.empty();
        }
        String d = document.strip();
        if (d.regionMatches(true, 0, "%7B", 0, 3)) {
            d = URLDecoder.decode(d, StandardCharsets.UTF_8);
        }
        return Optional.of(d);
    }

    // EC2 always sends these; an empty string keeps a malformed answer from becoming an NPE
    private static String text(String s) {
        return s == null ? "" : s;
    }
}
