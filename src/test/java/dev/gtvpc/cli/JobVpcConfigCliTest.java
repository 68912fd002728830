package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.LabelingTaskType;
import dev.gtvpc.groundtruth.LabelingTasks;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.Regions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code gtvpc job vpc-config} in-process, against golden files. */
class JobVpcConfigCliTest {
    /** What --full without --execution-role-arn and --workteam-arn says on stderr: the request is not ready to send. */
    static final String PLACEHOLDER_WARNINGS = "gtvpc: warning: RoleArn is a <PLACEHOLDER> (no --execution-role-arn): put the job's"
            + " execution role there before sending the request\n"
            + "gtvpc: warning: HumanTaskConfig.WorkteamArn is a <PLACEHOLDER> (no --workteam-arn): put your private work team there"
            + " before sending the request\n";

    static final String[] VPC = {"--subnet", "subnet-0abc1234def567890", "--subnet", "subnet-01234567",
        "--security-group", "sg-0abc1234def567890"};

    /**
     * Every region and every task type with automated labeling, the fragment and the whole request: the
     * region's algorithm and Lambda ARNs, and the output of the golden regions ({@link Regions}) with
     * the region's facts.
     */
    @TestFactory
    Stream<DynamicTest> everyRegionAndTaskType() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, String> reference = new java.util.concurrent.ConcurrentHashMap<>();
        for (RegionInfo region : Regions.all()) {
            for (LabelingTaskType type : LabelingTasks.bundled().automated()) {
                tests.add(DynamicTest.dynamicTest(region.region() + " " + type.name(), () -> {
                    Cli.Result r = Cli.run(args(region.region(), type.name()));
                    assertThat(r.err()).isEmpty();
                    assertThat(r.exit()).isZero();
                    assertThat(r.out()).contains("arn:aws:sagemaker:" + region.region() + ":027400017018:"
                            + "labeling-job-algorithm-specification/" + type.algorithm().orElseThrow());
                    Regions.assertOutput(region, r.out(), Golden.testResource("golden/job/" + region.region() + "/" + type.name() + ".json"),
                            reference.computeIfAbsent(type.name(), k -> Cli.run(args(Regions.reference().region(), k)).out()));
                }));
                tests.add(DynamicTest.dynamicTest(region.region() + " " + type.name() + " --full", () -> {
                    Cli.Result r = Cli.run(append(args(region.region(), type.name()), "--full", "--bucket", "labeling-data"));
                    assertThat(r.err()).isEqualTo(PLACEHOLDER_WARNINGS);
                    assertThat(r.exit()).isZero();
                    assertThat(r.out()).contains("arn:aws:lambda:" + region.region() + ":" + region.lambdaAccount().value()
                            + ":function:PRE-" + type.name());
                    Regions.assertOutput(region, r.out(), Golden.testResource("golden/job/" + region.region() + "/" + type.name()
                            + "-full.json"), reference.computeIfAbsent(type.name() + " --full", k -> Cli.run(append(args(
                            Regions.reference().region(), type.name()), "--full", "--bucket", "labeling-data")).out()));
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void algorithmNamesAndAnyCaseNameTheSameTaskType() {
        assertThat(Cli.run(args("us-east-1", "object-detection")).out()).isEqualTo(Cli.run(args("us-east-1", "boundingbox")).out());
    }

    @Test
    void volumeKmsKeyGoesIntoTheResourceConfig() {
        Cli.Result r = Cli.run(append(args("us-east-1", "TextMultiClass"), "--volume-kms-key",
                "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "--compact"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"LabelingJobResourceConfig\":{\"VolumeKmsKeyId\":\"arn:aws:kms:us-east-1:111122223333:"
                + "key/1234abcd-12ab-34cd-56ef-1234567890ab\",\"VpcConfig\":");
    }

    @Test
    void givenArnsLeaveNoPlaceholder() {
        Cli.Result r = Cli.run(append(args("eu-west-1", "ImageMultiClass"), "--full", "--bucket", "b-data", "--job-name", "cats",
                "--role-arn", "arn:aws:iam::111122223333:role/LabelingJobRole",
                "--workteam-arn", "arn:aws:sagemaker:eu-west-1:111122223333:workteam/private-crowd/labelers"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("<").contains("\"s3://b-data/cats/input.manifest\"");
    }

    @Test
    void sixteenSubnetsAndFiveGroupsAreTheLimit() {
        assertThat(Cli.run(vpc(16, 5)).exit()).isZero();
        Cli.Result subnets = Cli.run(vpc(17, 1));
        Cli.Result groups = Cli.run(vpc(1, 6));
        assertThat(subnets.exit()).isEqualTo(2);
        assertThat(subnets.err()).isEqualTo("gtvpc: --subnet: 17 subnets; VpcConfig takes at most 16\n");
        assertThat(groups.exit()).isEqualTo(2);
        assertThat(groups.err()).isEqualTo("gtvpc: --security-group: 6 security groups; VpcConfig takes at most 5\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NamedEntityRecognition | --task-type: NamedEntityRecognition (Named entity recognition) does not support automated data labeling, so it takes no VpcConfig; only these four do: BoundingBox (object-detection), ImageMultiClass (image-classification), SemanticSegmentation (semantic-segmentation), TextMultiClass (text-classification)",
        "ImageMultiClassMultiLabel | --task-type: ImageMultiClassMultiLabel (Image classification (multi-label)) does not support",
        "BoundingBoxes | --task-type: 'BoundingBoxes' is not a Ground Truth built-in task type (did you mean BoundingBox?)"})
    void taskTypesWithoutAutomatedLabelingAreRefused(String type, String message) {
        Cli.Result r = Cli.run(args("us-east-1", type.strip()));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("gtvpc: " + message.strip()).hasLineCount(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--subnet subnet-XYZ | --subnet: 'subnet-XYZ' is not a subnet ID",
        "--security-group default | --security-group: 'default' is not a security group ID",
        "--volume-kms-key my-key | --volume-kms-key: 'my-key' is not a KMS key",
        "--volume-kms-key arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab | is in region 'eu-west-1' but the labeling job runs in 'us-east-1'",
        "--volume-kms-key alias/aws/sagemaker | is an AWS managed key",
        "--full | --full needs --bucket",
        "--bucket b-data | --bucket applies to --full only",
        "--full --bucket b-data --job-name -bad | --job-name: '-bad' is not a labeling job name",
        "--full --bucket b-data --execution-role-arn arn:aws:iam::111122223333:user/alice | --execution-role-arn: 'arn:aws:iam::111122223333:user/alice' is a user",
        "--full --bucket b-data --role-arn arn:aws:iam::111122223333:user/alice | --execution-role-arn: 'arn:aws:iam::111122223333:user/alice' is a user",
        "--full --bucket b-data --role-arn arn:aws:iam::210987654321:role/a --execution-role-arn arn:aws:iam::210987654321:role/a | --role-arn: it is the old name of --execution-role-arn",
        "--execution-role-arn arn:aws:iam::210987654321:role/a | --execution-role-arn applies to --full only",
        "--format text | --format: 'text' is not one of json",
        "--full --bucket b-data --workteam-arn arn:aws:sagemaker:us-east-1:394669845002:workteam/public-crowd/default | is not a private work team",
        "--full --bucket b-data --workteam-arn arn:aws:sagemaker:us-west-2:111122223333:workteam/private-crowd/x | is in region 'us-west-2'"})
    void malformedIdsAreRefused(String extra, String message) {
        Cli.Result r = Cli.run(append(args("us-east-1", "BoundingBox"), extra.strip().split(" +")));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("gtvpc: ").contains(message.strip()).hasLineCount(1);
    }

    @Test
    void aRegionWithoutGroundTruthIsRefused() {
        Cli.Result r = Cli.run(args("us-west-1", "BoundingBox"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("gtvpc: --region: Ground Truth lists no service endpoint for region 'us-west-1'")
                .contains("--regions-file");
    }

    @Test
    void roleArnIsTheDeprecatedNameOfExecutionRoleArnAndWarns() {
        String role = "arn:aws:iam::210987654321:role/LabelingJobRole";
        String team = "arn:aws:sagemaker:us-east-1:210987654321:workteam/private-crowd/labelers";
        Cli.Result now = Cli.run(append(args("us-east-1", "BoundingBox"), "--full", "--bucket", "labeling-data",
                "--execution-role-arn", role, "--workteam-arn", team));
        Cli.Result old = Cli.run(append(args("us-east-1", "BoundingBox"), "--full", "--bucket", "labeling-data",
                "--role-arn", role, "--workteam-arn", team));
        assertThat(now.exit()).isZero();
        assertThat(now.err()).isEmpty();
        assertThat(now.out()).contains("\"RoleArn\": \"" + role + "\"");
        assertThat(old.exit()).isZero();
        assertThat(old.out()).isEqualTo(now.out());
        assertThat(old.err()).isEqualTo("gtvpc: warning: --role-arn is deprecated here: use --execution-role-arn (the job's"
                + " execution role; in 'policy generate' --role-arn is a role the bucket policy lets in)\n");
        assertThat(Cli.run("job", "vpc-config", "--help").out()).contains("--execution-role-arn").doesNotContain("--role-arn");
    }

    @Test
    void aSampleBucketOrAccountIsWarnedAbout() {
        Cli.Result r = Cli.run(append(args("us-east-1", "BoundingBox"), "--full", "--bucket", "bucket-name",
                "--execution-role-arn", "arn:aws:iam::111122223333:role/LabelingJobRole"));
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEqualTo("gtvpc: warning: HumanTaskConfig.WorkteamArn is a <PLACEHOLDER> (no --workteam-arn): put"
                + " your private work team there before sending the request\n"
                + "gtvpc: warning: --bucket: 'bucket-name' is a placeholder or sample value from AWS documentation; the request was"
                + " written with it: replace it with your own before you use it\n"
                + "gtvpc: warning: --execution-role-arn: '111122223333' in 'arn:aws:iam::111122223333:role/LabelingJobRole' is a"
                + " placeholder or sample value from AWS documentation; the request was written with it: replace it with your own"
                + " before you use it\n");
    }

    @Test
    void formatJsonIsAcceptedAndIsTheDefault() {
        Cli.Result plain = Cli.run(args("us-east-1", "BoundingBox"));
        Cli.Result json = Cli.run(append(args("us-east-1", "BoundingBox"), "--format", "json"));
        assertThat(json.exit()).isZero();
        assertThat(json.out()).isEqualTo(plain.out());
    }

    @Test
    void lintOfTheJobFileSaysItIsARequestNotAPolicy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path job = dir.resolve("job.json");
        java.nio.file.Files.writeString(job, Cli.run(append(args("us-east-1", "BoundingBox"), "--full", "--bucket", "labeling-data")).out());
        Cli.Result r = Cli.run("policy", "lint", job.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(job + ":1:1: error unknown-element: this is a SageMaker CreateLabelingJob request (as"
                + " 'gtvpc job vpc-config --full' writes), not a policy\n"
                + "    fix: lint the policy file; this one is not a policy\n"
                + "1 file: 1 finding (1 error, 0 security warnings, 0 warnings, 0 suggestions)\n");
    }

    static String[] args(String region, String taskType) {
        return append(new String[] {"job", "vpc-config", "--region", region, "--task-type", taskType}, VPC);
    }

    private static String[] vpc(int subnets, int groups) {
        List<String> argv = new ArrayList<>(List.of("job", "vpc-config", "--region", "us-east-1", "--task-type", "BoundingBox"));
        IntStream.range(0, subnets).forEach(i -> Collections.addAll(argv, "--subnet", String.format("subnet-%08x", i)));
        IntStream.range(0, groups).forEach(i -> Collections.addAll(argv, "--security-group", String.format("sg-%08x", i)));
        return argv.toArray(String[]::new);
    }

    static String[] append(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
