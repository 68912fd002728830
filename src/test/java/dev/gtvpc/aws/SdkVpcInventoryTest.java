package dev.gtvpc.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.ExitCode;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.Ec2Stubs.Endpoint;
import dev.gtvpc.testing.Ec2Stubs.GroupStub;
import dev.gtvpc.testing.Ec2Stubs.SubnetStub;
import dev.gtvpc.testing.Ec2Stubs;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The EC2 side of preflight against stubs in EC2's wire format: the SDK's own parsing decides what the stubs mean. */
class SdkVpcInventoryTest {
    static final String VPC = "vpc-0abc1234def567890";
    @RegisterExtension
    static final AwsServers AWS = AwsServers.stubsOnly();

    private final WireMockServer server = AWS.stubs();
    private Ec2Client client;
    private SdkVpcInventory inventory;

    @BeforeEach
    void freshClient() {
        client = Ec2Client.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(URI.create(server.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsStubs.ACCESS_KEY_ID,
                        AwsStubs.SECRET_ACCESS_KEY)))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD)).build();
        inventory = new SdkVpcInventory(client, server.baseUrl());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void readsEndpointsWithTheirPolicyAsJson() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        Ec2Stubs.vpcEndpoints(server, VPC, List.of(Endpoint.s3Gateway("vpce-0a1b2c3d4e5f60718", VPC, "us-east-1", policy),
                new Endpoint("vpce-0c1d2e3f4a5b6c7d8", "Interface", VPC, "com.amazonaws.us-east-1.s3", "pendingAcceptance",
                        Optional.empty())));
        List<VpcEndpoint> endpoints = inventory.endpoints(VPC);
        assertThat(endpoints).containsExactly(
                new VpcEndpoint("vpce-0a1b2c3d4e5f60718", "Gateway", VPC, "com.amazonaws.us-east-1.s3", "available", Optional.of(policy)),
                new VpcEndpoint("vpce-0c1d2e3f4a5b6c7d8", "Interface", VPC, "com.amazonaws.us-east-1.s3", "pendingAcceptance",
                        Optional.empty()));
        assertThat(endpoints.get(0).available()).isTrue();
        assertThat(endpoints.get(0).isS3In("us-east-1")).isTrue();
        assertThat(endpoints.get(1).available()).isFalse();
    }

    @Test
    void aUrlEncodedPolicyDocumentIsDecoded() {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
        Ec2Stubs.vpcEndpoints(server, VPC, List.of(Endpoint.s3Gateway("vpce-0a1b2c3d4e5f60718", VPC, "us-east-1",
                URLEncoder.encode(policy, StandardCharsets.UTF_8))));
        assertThat(inventory.endpoints(VPC).get(0).policyDocument()).contains(policy);
    }

    @Test
    void followsNextTokenThroughEveryPage() {
        String page1 = "<vpcEndpointSet><item><vpcEndpointId>vpce-0a1b2c3d4e5f60718</vpcEndpointId><vpcEndpointType>Interface"
                + "</vpcEndpointType><vpcId>" + VPC + "</vpcId><serviceName>com.amazonaws.us-east-1.sagemaker.api</serviceName>"
                + "<state>available</state></item></vpcEndpointSet><nextToken>page+2/==</nextToken>";
        String page2 = "<vpcEndpointSet><item><vpcEndpointId>vpce-0c1d2e3f4a5b6c7d8</vpcEndpointId><vpcEndpointType>Gateway"
                + "</vpcEndpointType><vpcId>" + VPC + "</vpcId><serviceName>com.amazonaws.us-east-1.s3</serviceName>"
                + "<state>available</state></item></vpcEndpointSet>";
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeVpcEndpoints&"))
                .withRequestBody(notContaining("NextToken")).willReturn(xml(page1)));
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeVpcEndpoints&"))
                .withRequestBody(containing("NextToken=page%2B2%2F%3D%3D")).willReturn(xml(page2)));
        assertThat(inventory.endpoints(VPC)).extracting(VpcEndpoint::id).containsExactly("vpce-0a1b2c3d4e5f60718", "vpce-0c1d2e3f4a5b6c7d8");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody("<DescribeVpcEndpointsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId>"
                        + body + "</DescribeVpcEndpointsResponse>");
    }

    @Test
    void unknownSubnetsAndGroupsAreMissingNotErrors() {
        Ec2Stubs.subnets(server, List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"),
                List.of(new SubnetStub("subnet-0aaaaaaaaaaaaaaa2", VPC, "us-east-1b")));
        VpcInventory.Lookup<Subnet> subnets = inventory.subnets(List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"));
        assertThat(subnets.found()).containsExactly(new Subnet("subnet-0aaaaaaaaaaaaaaa2", VPC, "us-east-1b"));
        assertThat(subnets.missing()).containsExactly("subnet-0aaaaaaaaaaaaaaa1");

        Ec2Stubs.securityGroups(server, List.of("sg-0bbbbbbbbbbbbbbb1"), List.of(new GroupStub("sg-0bbbbbbbbbbbbbbb1", "labeling", VPC)));
        assertThat(inventory.securityGroups(List.of("sg-0bbbbbbbbbbbbbbb1")).found())
                .containsExactly(new SecurityGroup("sg-0bbbbbbbbbbbbbbb1", "labeling", VPC));
        assertThat(inventory.securityGroups(List.of())).isEqualTo(new VpcInventory.Lookup<SecurityGroup>(List.of(), List.of()));
    }

    @Test
    void unauthorizedIsAccessDeniedWithExitCode3() {
        Ec2Stubs.unauthorized(server, "DescribeSubnets", "arn:aws:iam::111122223333:user/tester");
        AwsCallFailed e = catchThrowableOfType(AwsCallFailed.class, () -> inventory.subnets(List.of("subnet-0aaaaaaaaaaaaaaa1")));
        assertThat(e.reason()).isEqualTo(AwsCallFailed.Reason.ACCESS_DENIED);
        assertThat(e.errorCode()).isEqualTo("UnauthorizedOperation");
        assertThat(e.exitCode()).isEqualTo(ExitCode.AWS_ERROR);
        assertThat(e.getMessage()).startsWith("DescribeSubnets: access denied (HTTP 403 UnauthorizedOperation)");
    }
}
