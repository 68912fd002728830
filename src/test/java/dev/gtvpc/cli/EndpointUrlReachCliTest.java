package dev.gtvpc.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.testing.AwsEnv;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Ec2Stubs;
import dev.gtvpc.testing.Ec2Stubs.Endpoint;
import dev.gtvpc.testing.Ec2Stubs.GroupStub;
import dev.gtvpc.testing.Ec2Stubs.SubnetStub;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 28, 5: {@code jobs} and {@code preflight} sent none of their SageMaker, STS or EC2 requests to
 * {@code --endpoint-url}. Each run here has {@code AWS_ENDPOINT_URL} at a closed port, so a request the
 * flag does not reach fails at once with "connection refused" (and never goes to AWS); a service's own
 * {@code AWS_ENDPOINT_URL_<SERVICE>} still wins over the flag.
 */
class EndpointUrlReachCliTest {
    private static final String BUCKET = "reach-bucket";
    private static final String REGION = AwsStubs.REGION;
    private static final String CALLER = "arn:aws:iam::" + AwsStubs.ACCOUNT + ":user/tester";
    private static final String VPC = "vpc-0abc1234def567890";
    private static final String SUBNET = "subnet-0aaaaaaaaaaaaaaa1";
    private static final String SG = "sg-0bbbbbbbbbbbbbbb1";

    @RegisterExtension
    static final AwsServers AWS = AwsServers.stubsOnly();

    private static String closedPort;
    private final WireMockServer stubs = AWS.stubs();

    @BeforeAll
    static void aPortNobodyListensOn() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    /** Keys, a fresh HOME, every endpoint variable unset but the general one, which leads nowhere. */
    private Map<String, String> env() {
        Map<String, String> env = AwsEnv.base(AWS.home());
        env.put("AWS_ACCESS_KEY_ID", AwsStubs.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", AwsStubs.SECRET_ACCESS_KEY);
        env.put("AWS_ENDPOINT_URL", closedPort);
        return env;
    }

    private static Cli.Result run(Map<String, String> env, String... args) {
        return Cli.runIn(new RunContext(env, Optional.empty(), Clock.systemUTC()), null, args);
    }

    @Test
    void jobsInProgressAsksSageMakerAtTheEndpointUrl() {
        AwsStubs.labelingJobs(stubs, 10, List.of(AwsStubs.JobStub.inBucket("reach-job", BUCKET)));
        Cli.Result r = run(env(), "jobs", "in-progress", "--bucket", BUCKET, "--region", REGION, "--endpoint-url",
                AwsStubs.endpoint(stubs));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("reach-job");
    }

    @Test
    void sageMakersOwnVariableStillWinsOverTheFlag() {
        AwsStubs.labelingJobs(stubs, 10, List.of(AwsStubs.JobStub.inBucket("reach-job", BUCKET)));
        Map<String, String> env = env();
        env.put("AWS_ENDPOINT_URL_SAGEMAKER", AwsStubs.endpoint(stubs));
        Cli.Result r = run(env, "jobs", "in-progress", "--bucket", BUCKET, "--region", REGION, "--endpoint-url", closedPort);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("reach-job");
    }

    @Test
    void preflightAsksEveryServiceItChecksAtTheEndpointUrl() {
        AwsStubs.callerIdentity(stubs, CALLER, AwsStubs.ACCOUNT, "AIDAEXAMPLETESTER");
        AwsStubs.labelingJobs(stubs, 10, List.of());
        String endpointPolicy = Cli.run("endpoint-policy", "generate", "--region", REGION, "--bucket", BUCKET).out();
        Ec2Stubs.vpcEndpoints(stubs, VPC, List.of(Endpoint.s3Gateway("vpce-0a1b2c3d4e5f60718", VPC, REGION, endpointPolicy)));
        Ec2Stubs.subnets(stubs, List.of(SUBNET), List.of(new SubnetStub(SUBNET, VPC, REGION + "a")));
        Ec2Stubs.securityGroups(stubs, List.of(SG), List.of(new GroupStub(SG, "labeling", VPC)));
        // S3's answers for a us-east-1 bucket (no LocationConstraint) whose policy keeps the data in the VPC
        String policy = Cli.run("policy", "generate", "--region", REGION, "--bucket", BUCKET, "--vpc", VPC, "--role-arn", CALLER).out();
        stubs.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("location", matching(".*")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/xml").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>")));
        stubs.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("policy", matching(".*")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(policy)));
        Cli.Result r = run(env(), "preflight", "--region", REGION, "--bucket", BUCKET, "--vpc", VPC, "--role-arn", CALLER,
                "--subnet", SUBNET, "--security-group", SG, "--endpoint-url", AwsStubs.endpoint(stubs));
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        for (String id : List.of("bucket-region", "bucket-policy", "policy-lockout", "s3-endpoint", "endpoint-policy", "subnets",
                "security-groups", "in-progress-jobs")) {
            assertThat(PreflightAgainstS3Test.status(r.out(), id)).as(id).isEqualTo("PASS");
        }
    }
}
