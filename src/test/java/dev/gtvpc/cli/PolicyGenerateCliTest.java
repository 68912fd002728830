package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
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

/** {@code gtvpc policy generate} in-process, against golden files. */
class PolicyGenerateCliTest {
    static final String SAMPLE_ACCOUNT_WARNING = "gtvpc: warning: --role-arn: '111122223333' in"
            + " 'arn:aws:iam::111122223333:role/LabelingAdmin' is a placeholder or sample value from AWS documentation; the policy"
            + " was written with it: replace it with your own before you use it\n";
    private static final List<String> STYLES = List.of("strict", "aws-doc");
    private static final Map<String, String> FORMATS = Map.of("json", "json", "cloudformation", "yaml", "terraform", "tf");

    /**
     * Every region, style and format, for a bucket with a VPC, an endpoint and a role: the region's
     * endpoint exempted, a policy that reads back and lints clean for the region, and the output of the
     * golden regions ({@link Regions}) with the region's facts.
     */
    @TestFactory
    Stream<DynamicTest> everyRegionStyleAndFormat() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, String> reference = new java.util.concurrent.ConcurrentHashMap<>();
        for (RegionInfo region : Regions.all()) {
            for (String style : STYLES) {
                for (Map.Entry<String, String> format : FORMATS.entrySet()) {
                    String name = region.region() + " " + style + " " + format.getKey();
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Cli.Result r = generate(region, style, format.getKey());
                        // the sample account of AWS's guides, kept so the goldens read like the docs: warned about
                        assertThat(r.err()).isEqualTo(SAMPLE_ACCOUNT_WARNING);
                        assertThat(r.exit()).isZero();
                        assertThat(r.out()).contains(region.groundTruthEndpoint().value()).contains("labeling-data-" + region.region());
                        if (format.getKey().equals("json")) {
                            PolicyReader.read(r.out(), name);
                            Cli.Result lint = Cli.runWithStdin(r.out(), "policy", "lint", "--region", region.region(), "-");
                            assertThat(lint.exit()).as(lint.out()).isZero();
                        }
                        Regions.assertOutput(region, r.out(), Golden.testResource("golden/generate/" + style + "/" + format.getKey()
                                + "/" + region.region() + "." + format.getValue()), reference.computeIfAbsent(style + " " + format.getKey(),
                                k -> generate(Regions.reference(), style, format.getKey()).out()));
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static Cli.Result generate(RegionInfo region, String style, String format) {
        return Cli.run("policy", "generate", "--region", region.region(), "--bucket", "labeling-data-" + region.region(),
                "--vpc", "vpc-0abc1234def567890", "--vpce", "vpce-0123456789abcdef0",
                "--role-arn", "arn:aws:iam::111122223333:role/LabelingAdmin", "--style", style, "--format", format);
    }

    /** The policies in policies/generated are what gtvpc prints for the commands in their index. */
    @TestFactory
    Stream<DynamicTest> referencePoliciesMatchTheirCommands() {
        Path dir = Golden.root().resolve("policies/generated");
        return JsonData.list(JsonData.read(dir.resolve("index.json"))).stream().map(entry -> DynamicTest.dynamicTest(
                (String) entry.get("file"), () -> {
                    List<String> args = JsonData.strings(entry.get("args"));
                    Cli.Result r = Cli.run(args.toArray(String[]::new));
                    assertThat(r.exit()).isZero();
                    Golden.assertMatches(dir.resolve((String) entry.get("file")), r.out());
                    assertThat(Golden.root().resolve("policies/aws-doc").resolve((String) entry.get("example"))).exists();
                }));
    }

    @Test
    void compactJsonIsOneLineAndReadsBackToTheSamePolicy() {
        String[] base = {"policy", "generate", "--region", "eu-west-1", "--bucket", "b-data", "--vpce", "vpce-0123456789abcdef0"};
        Cli.Result pretty = Cli.run(base);
        Cli.Result compact = Cli.run(append(base, "--compact"));
        assertThat(compact.exit()).isZero();
        assertThat(compact.out()).endsWith("\n").doesNotContain(" ");
        assertThat(compact.out().strip().lines()).hasSize(1);
        assertThat(PolicyReader.read(compact.out(), "compact").policy())
                .isEqualTo(PolicyReader.read(pretty.out(), "pretty").policy());
    }

    @Test
    void outputIsByteForByteDeterministic() {
        String[] args = {"policy", "generate", "--region", "ap-south-1", "--bucket", "b-data", "--vpc", "vpc-0abc1234def567890",
            "--vpce", "vpce-0123456789abcdef0,vpce-11111111", "--role-arn", "arn:aws:iam::111122223333:role/a",
            "--actions", "data", "--format", "terraform"};
        assertThat(Cli.run(args).out()).isEqualTo(Cli.run(args).out());
    }

    @Test
    void writesTheFileNamedByDashOAndNothingToStdout(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.json");
        Cli.Result r = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data",
                "--vpc", "vpc-0abc1234def567890", "-o", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(Cli.run("policy", "generate", "--region", "us-east-1",
                "--bucket", "b-data", "--vpc", "vpc-0abc1234def567890").out());
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void repeatedAndCommaSeparatedIdsAreTheSameAndDuplicatesCollapse() {
        Cli.Result repeated = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data",
                "--vpce", "vpce-11111111", "--vpce", "vpce-22222222", "--vpce", "vpce-08408e335ebf95b40");
        Cli.Result commas = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data",
                "--vpce", "vpce-11111111,vpce-22222222,vpce-11111111");
        assertThat(repeated.out()).isEqualTo(commas.out());
        assertThat(repeated.out()).containsOnlyOnce("vpce-08408e335ebf95b40").containsOnlyOnce("vpce-11111111");
    }

    @Test
    void gtEndpointOverrideIsUsedAndNotedOnStderr() {
        Cli.Result r = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data",
                "--vpc", "vpc-0abc1234def567890", "--gt-endpoint", "vpce-0fedcba9876543210");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("vpce-0fedcba9876543210").doesNotContain("vpce-08408e335ebf95b40");
        assertThat(r.err()).isEqualTo("gtvpc: note: using Ground Truth endpoint vpce-0fedcba9876543210 from --gt-endpoint"
                + " instead of the table's vpce-08408e335ebf95b40 for us-east-1\n");
    }

    @Test
    void aRegionOutsideTheTableWorksWithGtEndpoint() {
        Cli.Result r = Cli.run("policy", "generate", "--region", "cn-north-1", "--bucket", "b-data",
                "--vpc", "vpc-0abc1234def567890", "--gt-endpoint", "vpce-0fedcba9876543210",
                "--role-arn", "arn:aws-cn:iam::210987654321:role/a");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("arn:aws-cn:s3:::b-data/*").contains("arn:aws-cn:iam::210987654321:role/a");
    }

    @Test
    void actionsCombinePresetsAndNamesWithoutRepeats() {
        Cli.Result r = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data",
                "--vpc", "vpc-0abc1234def567890", "--actions", "ground-truth,doc,s3:getbucketcors,s3:Get*Tagging", "--compact");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"Action\":[\"s3:AbortMultipartUpload\",\"s3:GetObject\",\"s3:PutObject\","
                + "\"s3:ListBucket\",\"s3:GetBucketLocation\",\"s3:GetBucketCORS\",\"s3:Get*Tagging\"]");
    }

    @Test
    void aDenyOnPutBucketPolicyIsNotedAsALockOutRisk() {
        Cli.Result r = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data",
                "--vpc", "vpc-0abc1234def567890", "--actions", "s3:*");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).startsWith("gtvpc: note: the Deny covers s3:PutBucketPolicy");
    }

    private static String[] append(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
