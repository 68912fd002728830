package dev.gtvpc.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * WireMock stubs that speak EC2's own protocol, so the SDK's marshalling and error parsing run as
 * against AWS. EC2 is its own dialect of the Query protocol: {@code POST /} with a form body
 * {@code Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=…} (lists flattened as {@code Name.N}, no
 * {@code .member}; filters as {@code Filter.1.Name=vpc-id&Filter.1.Value.1=…}); the answer is
 * {@code <DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">} with a
 * {@code requestId} and the lists as {@code <subnetSet><item>…}, with no Result wrapper; errors are
 * {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}.
 *
 * <p>Describe calls by ID behave as EC2's do: one unknown ID fails the whole call with
 * {@code InvalidSubnetID.NotFound} / {@code InvalidGroup.NotFound}, so the stubs answer exactly the
 * requests for all the IDs at once and for each ID alone.
 */
public final class Ec2Stubs {
    public static final String VERSION = "2016-11-15";
    private static final String NS = "http://ec2.amazonaws.com/doc/" + VERSION + "/";
    private static final int FAULT = 1;
    private static final int NORMAL = 5;

    private Ec2Stubs() {
    }

    /** A VPC endpoint as DescribeVpcEndpoints lists it; {@code policy} empty for an endpoint without one. */
    public record Endpoint(String id, String type, String vpcId, String serviceName, String state, Optional<String> policy) {
        public Endpoint {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(policy, "policy");
        }

        /** An available gateway endpoint for S3 in {@code region}. */
        public static Endpoint s3Gateway(String id, String vpcId, String region, String policy) {
            return new Endpoint(id, "Gateway", vpcId, "com.amazonaws." + region + ".s3", "available", Optional.ofNullable(policy));
        }
    }

    public record SubnetStub(String id, String vpcId, String availabilityZone) {
    }

    public record GroupStub(String id, String name, String vpcId) {
    }

    private static MappingBuilder action(String action) {
        return post(urlEqualTo("/"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("Action=" + action + "&"))
                .withRequestBody(containing("Version=" + VERSION));
    }

    /** Every request body EC2 got for {@code action}, oldest first. */
    public static List<String> requestBodies(WireMockServer server, String action) {
        List<LoggedRequest> requests = new ArrayList<>(server.findAll(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=" + action + "&"))));
        requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return requests.stream().map(LoggedRequest::getBodyAsString).toList();
    }

    // ---------------------------------------------------------------- DescribeVpcEndpoints

    /** DescribeVpcEndpoints filtered by vpc-id={@code vpcId} lists {@code endpoints}, on one page. */
    public static void vpcEndpoints(WireMockServer server, String vpcId, List<Endpoint> endpoints) {
        StringBuilder items = new StringBuilder();
        for (Endpoint e : endpoints) {
            items.append(endpointItem(e));
        }
        server.stubFor(action("DescribeVpcEndpoints")
                .withRequestBody(containing("Filter.1.Name=vpc-id"))
                .withRequestBody(containing("Filter.1.Value.1=" + vpcId))
                .atPriority(NORMAL)
                .willReturn(ok("DescribeVpcEndpointsResponse", "<vpcEndpointSet>" + items + "</vpcEndpointSet>")));
    }

    private static String endpointItem(Endpoint e) {
        boolean gateway = e.type().equals("Gateway");
        StringBuilder b = new StringBuilder("<item>")
                .append("<vpcEndpointId>").append(e.id()).append("</vpcEndpointId>")
                .append("<vpcEndpointType>").append(e.type()).append("</vpcEndpointType>")
                .append("<vpcId>").append(e.vpcId()).append("</vpcId>")
                .append("<serviceName>").append(e.serviceName()).append("</serviceName>")
                .append("<state>").append(e.state()).append("</state>");
        // XML-escaped JSON, as EC2 sends it (not URL-encoded, unlike IAM's documents)
        e.policy().ifPresent(p -> b.append("<policyDocument>").append(xml(p)).append("</policyDocument>"));
        b.append(gateway ? "<routeTableIdSet><item>rtb-0a1b2c3d4e5f60718</item></routeTableIdSet>" : "<routeTableIdSet/>")
                .append(gateway ? "<subnetIdSet/>" : "<subnetIdSet><item>subnet-0a1b2c3d4e5f60718</item></subnetIdSet>")
                .append(gateway ? "<groupSet/>" : "<groupSet><item><groupId>sg-0a1b2c3d4e5f60718</groupId><groupName>default</groupName></item></groupSet>")
                .append("<ipAddressType>ipv4</ipAddressType>")
                .append("<privateDnsEnabled>").append(!gateway).append("</privateDnsEnabled>")
                .append("<requesterManaged>false</requesterManaged>")
                .append("<networkInterfaceIdSet/>")
                .append("<dnsEntrySet/>")
                .append("<creationTimestamp>2024-06-01T12:00:00.000Z</creationTimestamp>")
                .append("<tagSet/>")
                .append("<ownerId>210987654321</ownerId>")
                .append("</item>");
        return b.toString();
    }

    // ---------------------------------------------------------------- DescribeSubnets, DescribeSecurityGroups

    /**
     * DescribeSubnets(SubnetId.1…N = {@code asked}) answers as EC2 would, knowing {@code known}: all of
     * them at once, and each alone.
     */
    public static void subnets(WireMockServer server, List<String> asked, List<SubnetStub> known) {
        byIds(server, "DescribeSubnets", "SubnetId", "subnetSet", "InvalidSubnetID.NotFound", "The subnet ID '%s' does not exist",
                asked, id -> known.stream().filter(s -> s.id().equals(id)).findFirst().map(Ec2Stubs::subnetItem));
    }

    /** DescribeSecurityGroups(GroupId.1…N = {@code asked}) answers as EC2 would, knowing {@code known}. */
    public static void securityGroups(WireMockServer server, List<String> asked, List<GroupStub> known) {
        byIds(server, "DescribeSecurityGroups", "GroupId", "securityGroupInfo", "InvalidGroup.NotFound",
                "The security group '%s' does not exist", asked,
                id -> known.stream().filter(g -> g.id().equals(id)).findFirst().map(Ec2Stubs::groupItem));
    }

    private static void byIds(WireMockServer server, String action, String param, String set, String notFound, String message,
            List<String> asked, java.util.function.Function<String, Optional<String>> item) {
        // all at once: the first unknown ID fails the call
        MappingBuilder all = action(action);
        for (int i = 0; i < asked.size(); i++) {
            all = all.withRequestBody(containing(param + "." + (i + 1) + "=" + asked.get(i)));
        }
        all = all.withRequestBody(notContaining(param + "." + (asked.size() + 1) + "="));
        Optional<String> unknown = asked.stream().filter(id -> item.apply(id).isEmpty()).findFirst();
        server.stubFor(all.atPriority(NORMAL).willReturn(unknown.isPresent()
                ? error(400, notFound, String.format(message, unknown.get()))
                : ok(action + "Response", "<" + set + ">" + String.join("", asked.stream().map(id -> item.apply(id).orElseThrow()).toList())
                        + "</" + set + ">")));
        // each alone
        for (String id : asked) {
            MappingBuilder one = action(action)
                    .withRequestBody(matching(".*" + Pattern.quote(param + ".1=" + id) + "(&.*)?"))
                    .withRequestBody(notContaining(param + ".2="));
            Optional<String> found = item.apply(id);
            server.stubFor(one.atPriority(NORMAL).willReturn(found.isPresent()
                    ? ok(action + "Response", "<" + set + ">" + found.get() + "</" + set + ">")
                    : error(400, notFound, String.format(message, id))));
        }
    }

    private static String subnetItem(SubnetStub s) {
        return "<item>"
                + "<subnetId>" + s.id() + "</subnetId>"
                + "<subnetArn>arn:aws:ec2:" + s.availabilityZone().replaceAll("[a-z]$", "") + ":210987654321:subnet/" + s.id() + "</subnetArn>"
                + "<state>available</state>"
                + "<vpcId>" + s.vpcId() + "</vpcId>"
                + "<cidrBlock>10.0.1.0/24</cidrBlock>"
                + "<ipv6CidrBlockAssociationSet/>"
                + "<availableIpAddressCount>251</availableIpAddressCount>"
                + "<availabilityZone>" + s.availabilityZone() + "</availabilityZone>"
                + "<availabilityZoneId>euw1-az1</availabilityZoneId>"
                + "<defaultForAz>false</defaultForAz>"
                + "<mapPublicIpOnLaunch>false</mapPublicIpOnLaunch>"
                + "<assignIpv6AddressOnCreation>false</assignIpv6AddressOnCreation>"
                + "<ownerId>210987654321</ownerId>"
                + "<tagSet/>"
                + "</item>";
    }

    private static String groupItem(GroupStub g) {
        return "<item>"
                + "<ownerId>210987654321</ownerId>"
                + "<groupId>" + g.id() + "</groupId>"
                + "<groupName>" + xml(g.name()) + "</groupName>"
                + "<groupDescription>labeling job containers</groupDescription>"
                + "<vpcId>" + g.vpcId() + "</vpcId>"
                + "<ipPermissions/>"
                + "<ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item>"
                + "</ipRanges><ipv6Ranges/><prefixListIds/></item></ipPermissionsEgress>"
                + "<securityGroupArn>arn:aws:ec2:eu-west-1:210987654321:security-group/" + g.id() + "</securityGroupArn>"
                + "</item>";
    }

    // ---------------------------------------------------------------- faults

    /** Every call to {@code action} fails with this EC2 error (e.g. 403 UnauthorizedOperation, 500 InternalError). */
    public static void error(WireMockServer server, String action, int status, String code, String message) {
        server.stubFor(action(action).atPriority(FAULT).willReturn(error(status, code, message)));
    }

    /** What EC2 answers a caller whose identity policy does not allow {@code action}. */
    public static void unauthorized(WireMockServer server, String action, String callerArn) {
        error(server, action, 403, "UnauthorizedOperation", "You are not authorized to perform this operation. User: " + callerArn
                + " is not authorized to perform: ec2:" + action + " because no identity-based policy allows the ec2:" + action
                + " action");
    }

    private static ResponseDefinitionBuilder ok(String root, String body) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " xmlns=\"" + NS + "\">\n    <requestId>"
                        + UUID.randomUUID() + "</requestId>\n    " + body + "\n</" + root + ">\n");
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code + "</Code><Message>"
                        + xml(message) + "</Message></Error></Errors><RequestID>" + UUID.randomUUID() + "</RequestID></Response>");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
