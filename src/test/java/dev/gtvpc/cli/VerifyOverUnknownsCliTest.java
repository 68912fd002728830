package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.io.Json;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policy verify} of templates and plans whose policies hold values only a deployment decides:
 * three-valued (PROVED for every value, REFUTED for every value, DEPENDS with the condition that
 * decides it), on templates nobody here wrote (the corpus: a CDK app's synthesised stack, an
 * aws-cloudformation-templates solution), and a plan's policy unknown as a whole.
 * CloudFormation's "Ref" page (a VPC endpoint's Ref is its ID, known once it is created:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html#aws-resource-ec2-vpcendpoint-return-values)
 * and Terraform's JSON output format (after_unknown, configuration expressions:
 * https://developer.hashicorp.com/terraform/internals/json-format) are what the cases rest on.
 */
class VerifyOverUnknownsCliTest {
    private static final String CORPUS = "src/test/resources/corpus/";
    private static final String[] CDK = {"policy", "verify", CORPUS + "cdk/GtvpcCorpusStack.template.json", "--resource",
        "LabelingDataPolicy7B2EF697", "--region", "us-east-1", "--bucket-account", "111122223333", "--cfn-param",
        "LabelingData5D897DCC=labeling-data", "--vpce", "vpce-0123456789abcdef0", "--vpc", "vpc-0abc1234def567890", "--role-arn",
        "arn:aws:iam::111122223333:role/LabelingAdmin"};

    @Test
    void anEndpointCreatedInTheSameStackMakesTheVerdictDependOnWhichEndpointItIs() {
        Cli.Result r = Cli.run(CDK);
        assertThat(r.exit()).as("a DEPENDS is not a proof").isEqualTo(1);
        assertThat(PolicyVerifyCliTest.statuses(r.out())).containsEntry("gt-can-access", "PROVED")
                .containsEntry("vpc-can-access", "REFUTED").containsEntry("vpce-can-access", "DEPENDS")
                .containsEntry("role-can-access", "PROVED").containsEntry("outside-denied", "DEPENDS");
        assertThat(r.out()).contains("holds iff {{unknown:Ref LabelingVpcS3Endpoint78BDB17E}} is vpce-08408e335ebf95b40 (Ground Truth's endpoint) or"
                + " vpce-0123456789abcdef0 (--vpce)");
        Golden.assertMatches(Golden.testResource("golden/verify/unknowns/cdk-labeling-data.txt"), r.out());
    }

    @Test
    void theJsonKeepsPropertyAndStatusAndAddsTheCasesOverTheUnknowns() throws Json.SyntaxException {
        Cli.Result r = Cli.run(concat(CDK, "--format", "json"));
        assertThat(r.exit()).isEqualTo(1);
        Json.Obj top = (Json.Obj) Json.parse(r.out());
        Json.Arr properties = (Json.Arr) member(top, "properties");
        Json.Obj outside = (Json.Obj) properties.items().get(properties.items().size() - 1);
        assertThat(((Json.Str) member(outside, "property")).value()).isEqualTo("outside-denied");
        assertThat(((Json.Str) member(outside, "status")).value()).isEqualTo("DEPENDS");
        Json.Obj over = (Json.Obj) member(outside, "overUnknowns");
        assertThat(((Json.Str) member(over, "condition")).value()).startsWith("holds iff {{unknown:Ref LabelingVpcS3Endpoint78BDB17E}}");
        assertThat(((Json.Arr) member(over, "cases")).items()).hasSize(3);
        Golden.assertMatches(Golden.testResource("golden/verify/unknowns/cdk-labeling-data.json"), r.out());
    }

    @Test
    void aPolicyWithoutPerimeterIsRefutedWhateverTheAccountAllowed() {
        Cli.Result r = Cli.run("policy", "verify", CORPUS
                + "cloudformation/cfn-templates-Solutions-S3CrossAccountReplicationWithKMS-templates-destination.yaml", "--resource",
                "S3BucketDestinationPolicy", "--region", "us-east-1", "--bucket-account", "111122223333", "--no-ground-truth",
                "--cfn-param", "AWS::StackName=replica");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(PolicyVerifyCliTest.statuses(r.out())).containsEntry("outside-denied", "REFUTED");
        assertThat(r.out()).contains("whatever the value of {{unknown:Ref AccountIdSource}}");
        Golden.assertMatches(Golden.testResource("golden/verify/unknowns/replication-destination.txt"), r.out());
    }

    /** A policy the plan knows only after apply: read from the configuration's constant_value, else named with its references. */
    @Test
    void aPlanPolicyUnknownAsAWholeIsReportedNeverSkipped(@TempDir Path dir) throws IOException, Json.SyntaxException {
        Json.Obj cases = (Json.Obj) Json.parse(Files.readString(Path.of("src/test/resources/iac/cases/plan-unknown-policies.json")));
        Json.Obj first = (Json.Obj) ((Json.Arr) member(cases, "cases")).items().get(0);
        Path plan = dir.resolve("unknown.tfplan.json");
        Files.writeString(plan, Json.write(member(first, "plan"), true));
        String[] common = {"policy", "verify", plan.toString(), "--region", "us-east-1", "--bucket-account", "111122223333", "--bucket",
            "labels-111122223333", "--resource"};
        Cli.Result refs = Cli.run(concat(common, "aws_s3_bucket_policy.refs"));
        assertThat(refs.exit()).isEqualTo(2);
        assertThat(refs.err()).isEqualTo("gtvpc: " + plan + ": aws_s3_bucket_policy.refs: the policy is known only after apply"
                + " (after_unknown): the plan does not hold it, so it is not checked; the configuration makes it from"
                + " data.aws_iam_policy_document.p.json, data.aws_iam_policy_document.p — lint the plan of a later run, or the template\n");
        Cli.Result constant = Cli.run(concat(common, "aws_s3_bucket_policy.constant"));
        assertThat(constant.err()).isEmpty();
        assertThat(constant.out()).contains("assumed: aws_s3_bucket_policy.constant: the planned values lack the policy (after_unknown):"
                + " read from the configuration's constant_value");
    }

    private static Json.Value member(Json.Obj o, String name) {
        Map<String, Json.Value> byName = new java.util.LinkedHashMap<>();
        o.members().forEach(m -> byName.put(m.name(), m.value()));
        return byName.get(name);
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
