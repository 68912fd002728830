package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.gtvpc.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.gtvpc.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** policy lint on Terraform plans and CloudFormation/CDK templates: targets by address, locations in the file, skips, bad input. */
class PolicyLintIacCliTest {
    private static final String IAC = "src/test/resources/iac/";
    private static final String CORPUS = "src/test/resources/corpus/";

    private static void golden(String name, Cli.Result r) {
        Golden.assertMatches(Golden.testResource("golden/lint/iac/" + name + ".out"), r.out());
        Golden.assertMatches(Golden.testResource("golden/lint/iac/" + name + ".err"), r.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text, txt", "json, json", "sarif, sarif"})
    void aTemplateWithIntrinsicsAndAMetadataSkip(String format, String ext) {
        Cli.Result r = Cli.run("policy", "lint", "--format", format, "--cfn-param", "AWS::Region=us-east-1", IAC + "labels-template.yaml");
        assertThat(r.exit()).as("public-allow is a security warning").isEqualTo(1);
        golden("labels-template." + ext, r);
    }

    @Test
    void aPlanWithNestedModulesAndAPolicyKnownOnlyAfterApply() {
        Cli.Result r = Cli.run("policy", "lint", IAC + "nested-modules.tfplan.json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("module.data.module.endpoint.aws_vpc_endpoint.s3", "nested-modules.tfplan.json:49:31:");
        assertThat(r.err()).contains("aws_s3_bucket_policy.labels: the policy is known only after apply");
        golden("nested-modules.txt", r);
    }

    @Test
    void aPlanAsSarifNamesEachAddressAsALogicalLocation() {
        Cli.Result r = Cli.run("policy", "lint", "--format", "sarif", "--fail-on", "never", IAC + "nested-modules.tfplan.json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"fullyQualifiedName\": \"module.data.aws_s3_bucket_policy.this\"");
        golden("nested-modules.sarif", r);
    }

    @Test
    void realPlansAndTemplatesFromPublicRepositories() {
        Cli.Result r = Cli.run("policy", "lint", "--fail-on", "never",
                CORPUS + "terraform/iam-policy-validator-public-access.tfplan.json",
                CORPUS + "terraform/checkov-plan-with-iam-data-block.tfplan.json",
                CORPUS + "cloudformation/cfn-lint-nist_logging.yaml",
                CORPUS + "cloudformation/cfn-templates-S3-compliant-bucket.json",
                CORPUS + "cdk/GtvpcCorpusStack.template.json",
                CORPUS + "terraform/trivy-module_call.tfplan.json",
                CORPUS + "terraform/policy-engine-example-01.tfplan.json");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).as("a policy known only after apply names what the configuration makes it from")
                .contains("aws_s3_bucket_policy.example: the policy is known only after apply (after_unknown): the plan does not hold it,"
                        + " so it is not checked; the configuration makes it from data.aws_iam_policy_document.example");
        golden("corpus.txt", r);
    }

    @Test
    void everyVariantOfATemplateIsLintedAndAFindingOfOnlySomeSaysWhen() {
        Cli.Result r = Cli.run("policy", "lint", "--region", "us-east-1", "--fail-on", "never", CORPUS + "cdk/GtvpcConditionalStack.template.json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).as("the production-only Deny has no administrator exemption").contains("statement ProdOnlyThroughEndpoints denies"
                + " s3:GetBucketPolicy", "(only when IsProd=true)");
        golden("cdk-conditional.txt", r);
    }

    @Test
    void theSarifOfATemplateIsValidSarif210WithSuppressionsAndLogicalLocations() throws IOException {
        String sarif = Cli.run("policy", "lint", "--format", "sarif", IAC + "labels-template.yaml").out();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(Golden.testResource("sarif/sarif-schema-2.1.0.json")));
        JsonNode document = new ObjectMapper().readTree(sarif);
        assertThat(schema.validate(document)).isEmpty();
        JsonNode results = document.at("/runs/0/results");
        assertThat(results.size()).isEqualTo(2);
        JsonNode publicAllow = results.get(0).at("/ruleId").asText().equals("public-allow") ? results.get(0) : results.get(1);
        JsonNode skipped = publicAllow == results.get(0) ? results.get(1) : results.get(0);
        assertThat(publicAllow.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()).isEqualTo("Resources.LabelsPolicy");
        assertThat(publicAllow.at("/locations/0/physicalLocation/region/startLine").asInt()).as("the Principal of ReadForAll").isEqualTo(43);
        assertThat(publicAllow.has("suppressions")).isFalse();
        assertThat(skipped.at("/ruleId").asText()).isEqualTo("missing-version");
        assertThat(skipped.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
    }

    @Test
    void aBaselineNamesEachPolicyOfAPlanByFileAndAddressAndEndsWhenTheStatementChanges(@TempDir java.nio.file.Path dir) throws IOException {
        String baseline = dir.resolve("baseline.json").toString();
        Cli.Result created = Cli.run("policy", "lint", "--create-baseline", baseline, IAC + "nested-modules.tfplan.json");
        assertThat(created.exit()).isZero();
        assertThat(Files.readString(java.nio.file.Path.of(baseline)))
                .contains("\"target\": \"" + IAC + "nested-modules.tfplan.json#module.data.module.endpoint.aws_vpc_endpoint.s3\"");
        Cli.Result accepted = Cli.run("policy", "lint", "--baseline", baseline, IAC + "nested-modules.tfplan.json");
        assertThat(accepted.exit()).isZero();
        assertThat(accepted.out()).contains(": no findings;").contains("suppressed");
        java.nio.file.Path copy = dir.resolve("changed.tfplan.json");
        Files.writeString(copy, Files.readString(java.nio.file.Path.of(IAC + "nested-modules.tfplan.json")));
        Cli.Result otherFile = Cli.run("policy", "lint", "--baseline", baseline, copy.toString());
        assertThat(otherFile.out()).as("another plan holding the same address is another target").doesNotContain("no findings");
    }

    @Test
    void verifyReadsOnePolicyOfATemplateAndSaysWhatTheVerdictDependsOn() {
        String[] known = {"policy", "verify", "--region", "us-east-1", "--cfn-param", "AWS::Region=us-east-1", "--cfn-param",
            "AWS::Partition=aws", "--cfn-param", "AWS::AccountId=111122223333", "--cfn-param", "LabelsBucket=labels-111122223333",
            "--resource", "LabelsPolicy", "--vpce", "vpce-0123456789abcdef0", IAC + "labels-template.yaml"};
        Cli.Result unknownEndpoint = Cli.run(known);
        assertThat(unknownEndpoint.exit()).as("LabelingVpce is unknown: outside-denied holds only for some endpoints").isEqualTo(1);
        assertThat(unknownEndpoint.out()).contains("from endpoint {{unknown:Ref LabelingVpce}}",
                "holds iff {{unknown:Ref LabelingVpce}} is vpce-08408e335ebf95b40 (Ground Truth's endpoint) or vpce-0123456789abcdef0 (--vpce)",
                "the verdict depends on Condition Strict (checked as true, when StrictTransport = yes) (not determined");
        assertThat(PolicyVerifyCliTest.statuses(unknownEndpoint.out())).containsEntry("gt-can-access", "PROVED")
                .containsEntry("vpce-can-access", "DEPENDS").containsEntry("outside-denied", "DEPENDS");
        golden("verify-labels-template-unknown-endpoint.txt", unknownEndpoint);
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(known),
                java.util.stream.Stream.of("--cfn-param", "LabelingVpce=vpce-0123456789abcdef0")).toArray(String[]::new);
        Cli.Result proved = Cli.run(all);
        assertThat(proved.exit()).isZero();
        golden("verify-labels-template.txt", proved);
        Cli.Result two = Cli.run("policy", "verify", "--region", "us-east-1", IAC + "labels-template.yaml");
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).isEqualTo("gtvpc: " + IAC + "labels-template.yaml holds 2 policies (Resources.LabelsPolicy,"
                + " Resources.LabelingEndpoint); name one with --resource\n");
    }

    @Test
    void simulateReadsThePolicyOfAPlan() {
        Cli.Result r = Cli.run("policy", "simulate", "--policy-resource", "module.data.aws_s3_bucket_policy.this", "--action", "s3:GetObject",
                "--resource", "arn:aws:s3:::data-111122223333/x", IAC + "nested-modules.tfplan.json");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("ALLOW");
    }

    /** simulate and test name a template's policy with --policy-resource (their --resource is the request's): so do their hints. */
    @Test
    void simulateAndTestNameTheOptionTheyHaveForAPolicyOfATemplate(@TempDir Path dir) throws IOException {
        String template = IAC + "labels-template.yaml";
        Path cases = Files.writeString(dir.resolve("cases.jsonl"), "{\"id\":\"one\",\"action\":\"s3:GetObject\","
                + "\"resource\":\"arn:aws:s3:::labels/x\",\"expect\":\"deny\"}\n");
        String[][] runs = {
            {"policy", "simulate", "--action", "s3:GetObject", "--resource", "arn:aws:s3:::labels/x", template},
            {"policy", "test", "--cases", cases.toString(), template}};
        for (String[] run : runs) {
            Cli.Result two = Cli.run(run);
            assertThat(two.exit()).as(String.join(" ", run)).isEqualTo(2);
            assertThat(two.err()).isEqualTo("gtvpc: " + template + " holds 2 policies (Resources.LabelsPolicy,"
                    + " Resources.LabelingEndpoint); name one with --policy-resource\n");
            List<String> named = new ArrayList<>(List.of(run));
            named.addAll(List.of("--policy-resource", "Nope"));
            Cli.Result none = Cli.run(named.toArray(String[]::new));
            assertThat(none.err()).isEqualTo("gtvpc: --policy-resource: " + template + " has no policy 'Nope'; it has"
                    + " Resources.LabelsPolicy, Resources.LabelingEndpoint\n");
            // following the hint gets past it
            named.set(named.size() - 1, "LabelsPolicy");
            Cli.Result chosen = Cli.run(named.toArray(String[]::new));
            assertThat(chosen.err()).as(String.join(" ", named)).doesNotContain("holds 2 policies").doesNotContain("has no policy");
            assertThat(chosen.exit()).as(chosen.err()).isIn(0, 1);
        }
    }

    @Test
    void applyRefusesATemplatePolicyWithUnknownValuesBeforeAnyRequest() {
        Cli.Result r = Cli.run("policy", "apply", "--bucket", "labels-111122223333", "--region", "us-east-1",
                "--endpoint-url", "http://127.0.0.1:9", "--yes", "--resource", "LabelsPolicy", IAC + "labels-template.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).as("--region gives AWS::Region, and so the partition").isEqualTo("gtvpc: " + IAC + "labels-template.yaml:"
                + " Resources.LabelsPolicy has values the file does not determine (Condition Strict (checked as true, when StrictTransport = yes),"
                + " Fn::Cidr, Fn::ImportValue LabelersRoleArn, Ref AWS::AccountId, Ref LabelingVpce, Ref LabelsBucket); give them with"
                + " --cfn-param, or apply the deployed policy: nothing was sent to AWS\n");
    }

    @Test
    void resourceSelectsOnePolicyOfATemplate() {
        Cli.Result r = Cli.run("policy", "lint", "--fail-on", "never", "--resource", "LabelingEndpoint", IAC + "labels-template.yaml");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("1 file, 1 policy: no findings\n");
        Cli.Result none = Cli.run("policy", "lint", "--resource", "Nope", IAC + "labels-template.yaml");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("gtvpc: --resource: " + IAC + "labels-template.yaml has no policy 'Nope'; it has"
                + " Resources.LabelsPolicy, Resources.LabelingEndpoint\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        "not-yaml.yaml#gtvpc: " + IAC + "not-yaml.yaml:2:3: not YAML: expected the node content, but found ':'",
        "no-resources.yaml#gtvpc: " + IAC + "no-resources.yaml: the template has no Resources section",
        "number-policy.yaml#gtvpc: " + IAC + "number-policy.yaml:6:23: Resources.P: the policy document must be a mapping, not a number",
        "not-a-template.yaml#gtvpc: " + IAC + "not-a-template.yaml: neither JSON nor a CloudFormation template (it begins \"this is just text\");"
                + " name the format with --input policy|terraform-plan|cloudformation"})
    void badInputIsOneLineAndExit2(String file, String line) {
        Cli.Result r = Cli.run("policy", "lint", IAC + file);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(line + "\n");
    }

    /** What CloudFormation and Terraform reject is rejected: one line naming the file, the place and what is wrong; exit 2. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"unknown-tag.yaml, bad-unknown-tag", "undefined-condition.yaml, bad-undefined-condition",
        "future-format.tfplan.json, bad-future-format"})
    void whatCloudFormationOrTerraformRejectsIsBadInput(String file, String golden) {
        Cli.Result r = Cli.run("policy", "lint", IAC + file);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().count()).as("one line").isEqualTo(1);
        golden(golden, r);
    }

    @Test
    void regionGivesAwsRegionAndCfnParamOverridesIt() {
        String[] common = {"policy", "verify", "--resource", "LabelsPolicy", "--vpce", "vpce-0123456789abcdef0", "--bucket-account",
            "111122223333", "--cfn-param", "LabelsBucket=labels-111122223333", "--cfn-param", "LabelingVpce=vpce-0123456789abcdef0",
            "--cfn-param", "StrictTransport=yes"};
        Cli.Result fromRegion = Cli.run(concat(common, "--region", "us-east-1", IAC + "labels-template.yaml"));
        assertThat(fromRegion.exit()).as(fromRegion.out()).isZero();
        assertThat(fromRegion.out()).as("the Ground Truth endpoint of AWS::Region, the partition and the account are known")
                .contains("whatever the value of {{unknown:Fn::ImportValue LabelersRoleArn}}, {{unknown:Fn::Cidr}}")
                .doesNotContain("Ref AWS::");
        Cli.Result overridden = Cli.run(concat(common, "--region", "us-east-1", "--cfn-param", "AWS::Region=eu-west-1",
                IAC + "labels-template.yaml"));
        assertThat(overridden.out()).as("the template's Mappings have no eu-west-1 endpoint")
                .contains("Fn::FindInMap GroundTruth eu-west-1 Endpoint");
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    @Test
    void inputOverridesDetection() {
        Cli.Result r = Cli.run("policy", "lint", "--input", "terraform-plan", IAC + "labels-template.yaml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: " + IAC + "labels-template.yaml: a Terraform plan is a JSON object ('terraform show -json plan.out')\n");
        Cli.Result bad = Cli.run("policy", "lint", "--input", "hcl", IAC + "labels-template.yaml");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("gtvpc: --input: 'hcl' is not one of policy, terraform-plan, cloudformation\n");
    }
}
