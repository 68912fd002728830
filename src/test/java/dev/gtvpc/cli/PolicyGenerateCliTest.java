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
    private static final List<String> STYLES = List.of("strict", "legacy", "aws-doc");
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
                "--vpc", "vpc-0abc1234def567890", "--bucket-account", "210987654321", "--gt-endpoint", "vpce-0fedcba9876543210");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("vpce-0fedcba9876543210").doesNotContain("vpce-08408e335ebf95b40");
        assertThat(r.err()).isEqualTo("gtvpc: note: using Ground Truth endpoint vpce-0fedcba9876543210 from --gt-endpoint"
                + " instead of the table's vpce-08408e335ebf95b40 for us-east-1\n");
    }

    @Test
    void aRegionOutsideTheTableWorksWithGtEndpoint() {
        Cli.Result r = Cli.run("policy", "generate", "--region", "cn-north-1", "--bucket", "b-data",
                "--vpc", "vpc-0abc1234def567890", "--vpc-account", "210987654321", "--gt-endpoint", "vpce-0fedcba9876543210",
                "--role-arn", "arn:aws-cn:iam::210987654321:role/a");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("arn:aws-cn:s3:::b-data/*").contains("arn:aws-cn:iam::210987654321:role/a")
                .contains("\"arn:aws-cn:ec2:cn-north-1:210987654321:vpc/vpc-0abc1234def567890\"");
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

    /** The VPCs' owner: --vpc-account, else --bucket-account; the style decides whether VPCs are named by ARN or by ID. */
    @Test
    void vpcArnsNameTheOwnerGivenAndLegacyStylesNameTheVpcById() {
        String[] base = {"policy", "generate", "--region", "eu-west-1", "--bucket", "b-data", "--vpc", "vpc-0abc1234def567890",
            "--bucket-account", "210987654321", "--compact"};
        Cli.Result byBucket = Cli.run(base);
        assertThat(byBucket.err()).isEmpty();
        assertThat(byBucket.out()).contains("\"ArnNotEquals\":{\"aws:SourceVpcArn\":\"arn:aws:ec2:eu-west-1:210987654321:vpc/vpc-0abc1234def567890\"}")
                .doesNotContain("\"aws:SourceVpc\"");
        assertThat(Cli.run(append(base, "--vpc-account", "444455556666")).out())
                .contains("arn:aws:ec2:eu-west-1:444455556666:vpc/vpc-0abc1234def567890");
        for (String style : List.of("legacy", "aws-doc")) {
            assertThat(Cli.run(append(base, "--style", style)).out()).contains("\"aws:SourceVpc\":\"vpc-0abc1234def567890\"")
                    .doesNotContain("SourceVpcArn");
        }
    }

    @Test
    void vpceOrgWritesTheOrganizationOfTheEndpoint() {
        Cli.Result r = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data", "--vpce-org", "o-a1b2c3d4e5",
                "--compact");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-08408e335ebf95b40\",\"aws:VpceOrgID\":\"o-a1b2c3d4e5\"}");
    }

    @Test
    void badAccountsAndOrganizationsAreOneLineExitTwo() {
        String[] base = {"policy", "generate", "--region", "us-east-1", "--bucket", "b-data", "--vpc", "vpc-0abc1234def567890"};
        assertThat(Cli.run(append(base, "--vpc-account", "2109876543")).err())
                .isEqualTo("gtvpc: --vpc-account: '2109876543' is not a 12-digit account ID\n");
        assertThat(Cli.run(append(base, "--bucket-account", "x")).exit()).isEqualTo(2);
        Cli.Result org = Cli.run(append(base, "--vpce-org", "org-1"));
        assertThat(org.exit()).isEqualTo(2);
        assertThat(org.err()).startsWith("gtvpc: --vpce-org: ").doesNotContain("\tat ");
    }

    private static String[] append(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
