package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.AwsEnv;
import dev.gtvpc.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --region means one thing in every command that takes it: a name of the table (bundled, or
 * --regions-file), refused otherwise with the same sentence, which says how to add a region. A region
 * the bundled table lacks works through the whole chain once a table names it.
 */
class RegionEverywhereCliTest {
    /** A region the bundled table does not have (Ground Truth is not there today), with a made-up endpoint. */
    static final String NEW_REGION = "ap-southeast-7";
    static final String NEW_ENDPOINT = "vpce-0123456789abcdef0";

    @TempDir
    static Path dir;
    static Path table;

    @BeforeAll
    static void writeTable() throws Exception {
        table = dir.resolve("regions.json");
        Files.writeString(table, """
                {"regions": [
                 {"region": "us-east-1",
                  "partition": {"value": "aws", "source": "https://example.com/p", "checked": "2027-01-02"},
                  "groundTruthEndpoint": {"value": "vpce-08408e335ebf95b40", "source": "https://example.com/e", "checked": "2027-01-02"},
                  "lambdaAccount": {"value": "432418664414", "source": "https://example.com/l", "checked": "2027-01-02"}},
                 {"region": "%s",
                  "partition": {"value": "aws", "source": "https://example.com/p", "checked": "2027-01-02"},
                  "groundTruthEndpoint": {"value": "%s", "source": "https://example.com/e", "checked": "2027-01-02"},
                  "lambdaAccount": {"value": "210987654321", "source": "https://example.com/l", "checked": "2027-01-02"}}]}
                """.formatted(NEW_REGION, NEW_ENDPOINT));
    }

    static final String UNKNOWN = "--region: Ground Truth lists no service endpoint for region '" + NEW_REGION + "' (known regions: ";
    static final String ADD_IT = "; for a region added since this release, give a region table that has it with --regions-file FILE";

    /**
     * Every command that takes --region, without a table that has the region: one line, exit 2, the same
     * words — the AWS commands before any request (their rows would otherwise fail on the network).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "policy generate --bucket b-data --vpc vpc-0abc1234def567890 --region",
        "policy lint policies/generated/example-1.strict.json --region",
        "policy verify policies/generated/example-1.strict.json --vpc vpc-0abc1234def567890 --region",
        "endpoint-policy generate --bucket b-data --region",
        "iam-policy generate --bucket b-data --for execution-role --region",
        "job vpc-config --task-type BoundingBox --subnet subnet-0abc1234def567890 --security-group sg-0abc1234def567890 --region",
        "policy get --bucket b-data --region",
        "policy rollback --bucket b-data --backup no-such-backup.json --region",
        "policy apply policies/generated/example-1.strict.json --bucket b-data --dry-run --region",
        "jobs in-progress --bucket b-data --region",
        "regions show"})
    void anUnknownRegionIsRefusedTheSameWayEverywhere(String command) {
        Cli.Result r = Cli.run(args(command, NEW_REGION));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).hasLineCount(1).startsWith("gtvpc: " + (command.startsWith("regions") ? "REGION" + UNKNOWN.substring(8) : UNKNOWN))
                .contains(ADD_IT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "policy generate --bucket b-data --vpc vpc-0abc1234def567890 --region",
        "policy lint policies/generated/example-1.strict.json --region",
        "endpoint-policy generate --bucket b-data --region",
        "iam-policy generate --bucket b-data --for execution-role --region",
        "job vpc-config --task-type BoundingBox --subnet subnet-0abc1234def567890 --security-group sg-0abc1234def567890 --region"})
    void aMalformedRegionIsRefusedTheSameWayEverywhere(String command) {
        Cli.Result r = Cli.run(args(command, "US-EAST-1"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: --region: 'US-EAST-1' is not an AWS Region name; did you mean us-east-1?\n");
    }

    @Test
    void aRegionsFileCarriesANewRegionThroughGenerateLintVerifyAndTheRest() throws Exception {
        Path policy = dir.resolve("policy.json");
        Cli.Result generated = Cli.run("policy", "generate", "--region", NEW_REGION, "--bucket", "b-data",
                "--vpc", "vpc-0abc1234def567890", "--regions-file", table.toString(), "-o", policy.toString());
        assertThat(generated.err()).isEmpty();
        assertThat(generated.exit()).isZero();
        assertThat(Files.readString(policy)).contains(NEW_ENDPOINT);

        Cli.Result lint = Cli.run("policy", "lint", "--region", NEW_REGION, "--regions-file", table.toString(), policy.toString());
        assertThat(lint.exit()).isZero();
        // without the table, lint would not know the endpoint the policy exempts is Ground Truth's
        assertThat(Cli.run("policy", "lint", "--region", NEW_REGION, policy.toString()).exit()).isEqualTo(2);

        Cli.Result verify = Cli.run("policy", "verify", policy.toString(), "--region", NEW_REGION, "--vpc", "vpc-0abc1234def567890",
                "--regions-file", table.toString());
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).contains("PROVED");

        Cli.Result endpoint = Cli.run("endpoint-policy", "generate", "--region", NEW_REGION, "--bucket", "b-data",
                "--regions-file", table.toString());
        assertThat(endpoint.exit()).isZero();
        assertThat(endpoint.out()).contains("sagemaker-labeling-data-" + NEW_REGION);

        Cli.Result job = Cli.run("job", "vpc-config", "--region", NEW_REGION, "--task-type", "BoundingBox",
                "--subnet", "subnet-0abc1234def567890", "--security-group", "sg-0abc1234def567890", "--full", "--bucket", "b-data",
                "--regions-file", table.toString());
        assertThat(job.exit()).isZero();
        assertThat(job.out()).contains("arn:aws:lambda:" + NEW_REGION + ":210987654321:function:PRE-BoundingBox");

        Cli.Result iam = Cli.run("iam-policy", "generate", "--bucket", "b-data", "--for", "execution-role", "--region", NEW_REGION,
                "--regions-file", table.toString());
        assertThat(iam.exit()).isZero();
    }

    /**
     * apply checks the region before it sends anything: without the table the region is refused
     * (exit 2); with it, apply goes on to AWS — here a port nobody listens on, so exit 3, and the
     * message is about the connection, not the region.
     */
    @Test
    void applyTakesTheRegionFromTheRegionsFileBeforeAnyRequest() throws Exception {
        Path policy = dir.resolve("apply-policy.json");
        Files.writeString(policy, Cli.run("policy", "generate", "--region", NEW_REGION, "--bucket", "b-data",
                "--vpc", "vpc-0abc1234def567890", "--regions-file", table.toString()).out());
        Map<String, String> env = AwsEnv.base(dir);
        env.putAll(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9", "AWS_MAX_ATTEMPTS", "1"));
        RunContext context = new RunContext(env, Optional.empty(), Clock.systemUTC());
        String[] apply = {"policy", "apply", policy.toString(), "--bucket", "b-data", "--region", NEW_REGION, "--dry-run"};
        Cli.Result without = Cli.runIn(context, null, apply);
        assertThat(without.exit()).isEqualTo(2);
        assertThat(without.err()).startsWith("gtvpc: " + UNKNOWN);
        List<String> withTable = new ArrayList<>(List.of(apply));
        withTable.addAll(List.of("--regions-file", table.toString()));
        Cli.Result with = Cli.runIn(context, null, withTable.toArray(String[]::new));
        assertThat(with.exit()).isEqualTo(3);
        assertThat(with.err()).doesNotContain("region '" + NEW_REGION + "'");
    }

    @Test
    void anotherRegionsGroundTruthEndpointIsRefusedInGenerate() {
        Cli.Result r = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data",
                "--vpc", "vpc-0abc1234def567890", "--gt-endpoint", "vpce-02569ba1c40aad0bc");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gtvpc: --gt-endpoint: vpce-02569ba1c40aad0bc is Ground Truth's endpoint in us-east-2, not in"
                + " us-east-1; drop --gt-endpoint to use us-east-1's (vpce-08408e335ebf95b40), or give the region the bucket is in\n");
    }

    @Test
    void partitionMustAgreeWithTheRegion() {
        Cli.Result agree = Cli.run("iam-policy", "generate", "--bucket", "b-data", "--for", "execution-role",
                "--region", "us-east-1", "--partition", "aws");
        assertThat(agree.exit()).isZero();
        Cli.Result disagree = Cli.run("iam-policy", "generate", "--bucket", "b-data", "--for", "execution-role",
                "--region", "us-east-1", "--partition", "aws-us-gov");
        assertThat(disagree.exit()).isEqualTo(2);
        assertThat(disagree.err()).isEqualTo("gtvpc: --partition: aws-us-gov disagrees with --region us-east-1, which is in aws;"
                + " give the region's partition, or only one of them\n");
    }

    /** generate writes what it was given, but says so when that is a sample value copied from AWS's pages. */
    @Test
    void documentationSampleValuesAreWarnedAboutOneLineEach() {
        Cli.Result r = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "bucket-name",
                "--vpc", "vpc-12345678", "--vpce", "vpce-0abc1234def567890",
                "--role-arn", "arn:aws:iam::111122223333:role/LabelingAdmin");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("arn:aws:s3:::bucket-name/*");
        String tail = " is a placeholder or sample value from AWS documentation; the policy was written with it: replace it with"
                + " your own before you use it\n";
        assertThat(r.err()).isEqualTo("gtvpc: warning: --bucket: 'bucket-name'" + tail
                + "gtvpc: warning: --vpc: 'vpc-12345678'" + tail
                + "gtvpc: warning: --role-arn: '111122223333' in 'arn:aws:iam::111122223333:role/LabelingAdmin'" + tail);
        Cli.Result own = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "my-labeling-data",
                "--vpc", "vpc-0abc1234def567890", "--role-arn", "arn:aws:iam::210987654321:role/LabelingAdmin");
        assertThat(own.err()).isEmpty();
        Cli.Result endpoint = Cli.run("endpoint-policy", "generate", "--region", "us-east-1", "--bucket", "awsexamplebucket1");
        assertThat(endpoint.err()).isEqualTo("gtvpc: warning: --bucket: 'awsexamplebucket1'" + tail);
    }

    private static String[] args(String command, String region) {
        List<String> a = new ArrayList<>(List.of(command.strip().split(" +")));
        a.add(region);
        return a.toArray(String[]::new);
    }
}
