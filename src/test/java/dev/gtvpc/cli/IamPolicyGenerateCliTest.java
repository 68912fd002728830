package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code gtvpc iam-policy generate} in-process, against golden files. */
class IamPolicyGenerateCliTest {
    private static final List<String> AUDIENCES = List.of("execution-role", "console-user");
    private static final Map<String, String> FORMATS = Map.of("json", "json", "cloudformation", "yaml", "terraform", "tf");

    /** Every audience and format; the partition-only default (no --region). */
    @TestFactory
    Stream<DynamicTest> everyAudienceAndFormat() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String audience : AUDIENCES) {
            for (Map.Entry<String, String> format : FORMATS.entrySet()) {
                tests.add(DynamicTest.dynamicTest(audience + " " + format.getKey(), () -> {
                    Cli.Result r = Cli.run("iam-policy", "generate", "--bucket", "labeling-data", "--for", audience,
                            "--format", format.getKey());
                    assertThat(r.err()).isEmpty();
                    assertThat(r.exit()).isZero();
                    Golden.assertMatches(Golden.testResource("golden/iam-policy/" + audience + "." + format.getValue()), r.out());
                }));
            }
        }
        return tests.stream();
    }

    /** Only the partition of --region matters: every region of the table gives the default (aws) policy. */
    @TestFactory
    Stream<DynamicTest> everyRegionGivesItsPartitionsPolicy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RegionInfo region : RegionTable.bundled().regions()) {
            for (String audience : AUDIENCES) {
                tests.add(DynamicTest.dynamicTest(region.region() + " " + audience, () -> {
                    Cli.Result r = Cli.run("iam-policy", "generate", "--bucket", "labeling-data", "--for", audience,
                            "--region", region.region());
                    assertThat(r.exit()).isZero();
                    Golden.assertMatches(Golden.testResource("golden/iam-policy/" + audience + ".json"), r.out());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void otherPartitionsGetTheirArns() {
        Cli.Result cn = Cli.run("iam-policy", "generate", "--bucket", "b-data", "--for", "execution-role", "--partition", "aws-cn");
        Cli.Result gov = Cli.run("iam-policy", "generate", "--bucket", "b-data", "--for", "execution-role", "--partition", "aws-us-gov");
        assertThat(cn.out()).contains("arn:aws-cn:s3:::b-data/*").doesNotContain("arn:aws:");
        assertThat(gov.out()).contains("arn:aws-us-gov:s3:::b-data").doesNotContain("arn:aws:");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--bucket b-data --for admin | --for: 'admin' is not one of execution-role, console-user; see 'gtvpc iam-policy generate --help'",
        "--bucket b-data --for console-user --region us-east-1 --partition aws-cn | --partition: aws-cn disagrees with --region us-east-1, which is in aws",
        "--bucket b-data --for console-user --region us-east-7 | --region: Ground Truth lists no service endpoint for region 'us-east-7'",
        "--bucket b-data --for console-user --region cn-north-1 | give a region table that has it with --regions-file FILE",
        "--bucket b-data --for console-user --region US-EAST-1 | --region: 'US-EAST-1' is not an AWS Region name",
        "--bucket b-data --for console-user --partition amazon | --partition: 'amazon' is not a partition",
        "--bucket B-DATA --for console-user | --bucket: bucket name 'B-DATA' may hold only"})
    void badInputIsOneLineOnStderrAndExitTwo(String args, String message) {
        List<String> argv = new ArrayList<>(List.of("iam-policy", "generate"));
        argv.addAll(List.of(args.strip().split(" +")));
        Cli.Result r = Cli.run(argv.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("gtvpc: ").contains(message.strip()).hasLineCount(1);
    }
}
