package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.Regions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code gtvpc endpoint-policy generate} in-process, against golden files. */
class EndpointPolicyGenerateCliTest {
    private static final Map<String, String> FORMATS = Map.of("json", "json", "cloudformation", "yaml", "terraform", "tf");

    /**
     * Every region and format: the region's system buckets reached, a policy that reads back and lints
     * clean as an endpoint policy, and the output of the golden regions ({@link Regions}) with the
     * region's facts.
     */
    @TestFactory
    Stream<DynamicTest> everyRegionAndFormat() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, String> reference = new java.util.concurrent.ConcurrentHashMap<>();
        for (RegionInfo region : Regions.all()) {
            for (Map.Entry<String, String> format : FORMATS.entrySet()) {
                tests.add(DynamicTest.dynamicTest(region.region() + " " + format.getKey(), () -> {
                    Cli.Result r = generate(region, format.getKey());
                    assertThat(r.err()).isEmpty();
                    assertThat(r.exit()).isZero();
                    for (String system : region.systemBuckets()) {
                        assertThat(r.out()).contains("arn:aws:s3:::" + system + "/*");
                    }
                    if (format.getKey().equals("json")) {
                        PolicyReader.read(r.out(), region.region());
                        Cli.Result lint = Cli.runWithStdin(r.out(), "policy", "lint", "--policy-type", "vpc-endpoint", "-");
                        assertThat(lint.exit()).as(lint.out()).isZero();
                    }
                    Regions.assertOutput(region, r.out(), Golden.testResource("golden/endpoint-policy/" + format.getKey() + "/"
                            + region.region() + "." + format.getValue()), reference.computeIfAbsent(format.getKey(),
                            k -> generate(Regions.reference(), format.getKey()).out()));
                }));
            }
        }
        return tests.stream();
    }

    private static Cli.Result generate(RegionInfo region, String format) {
        return Cli.run("endpoint-policy", "generate", "--region", region.region(), "--bucket", "labeling-input-" + region.region(),
                "--bucket", "labeling-output-" + region.region(), "--extra-bucket", "labeling-models", "--format", format);
    }

    @Test
    void compactJsonReadsBackToTheSamePolicy() {
        Cli.Result pretty = Cli.run("endpoint-policy", "generate", "--region", "us-east-1", "--bucket", "b-data");
        Cli.Result compact = Cli.run("endpoint-policy", "generate", "--region", "us-east-1", "--bucket", "b-data", "--compact");
        assertThat(compact.out().strip().lines()).hasSize(1);
        assertThat(PolicyReader.read(compact.out(), "compact").policy()).isEqualTo(PolicyReader.read(pretty.out(), "pretty").policy());
    }

    @Test
    void aBucketGivenTwiceOrAlsoAsExtraIsGrantedOnceWithTheWiderActions() {
        Cli.Result r = Cli.run("endpoint-policy", "generate", "--region", "us-east-1", "--bucket", "b-data,b-data",
                "--extra-bucket", "b-data", "--compact");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).containsOnlyOnce("\"arn:aws:s3:::b-data/*\"").doesNotContain("ReadOnly");
    }

    @Test
    void writesTheFileNamedByDashO(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("endpoint.tf");
        Cli.Result r = Cli.run("endpoint-policy", "generate", "--region", "us-west-2", "--bucket", "b-data",
                "--format", "terraform", "-o", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).startsWith("# ").contains("resource \"aws_vpc_endpoint_policy\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--region us-east-1 --bucket My_Bucket | --bucket: bucket name 'My_Bucket' may hold only",
        "--region us-east-1 --bucket b-data --extra-bucket x | --extra-bucket: bucket name 'x' must be 3 to 63",
        "--region mars-1 --bucket b-data | --region: 'mars-1' is not an AWS Region name",
        "--region us-west-1 --bucket b-data | Ground Truth lists no service endpoint for region 'us-west-1'",
        "--region us-east-1 --bucket sagemaker-labeling-data-us-east-1 | is a Ground Truth system bucket",
        "--region us-east-1 --bucket b-data --format terraform --compact | --compact applies to --format json only"})
    void badInputIsOneLineOnStderrAndExitTwo(String args, String message) {
        List<String> argv = new ArrayList<>(List.of("endpoint-policy", "generate"));
        argv.addAll(List.of(args.strip().split(" +")));
        Cli.Result r = Cli.run(argv.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("gtvpc: ").contains(message.strip()).hasLineCount(1);
    }
}
