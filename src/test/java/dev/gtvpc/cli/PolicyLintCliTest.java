package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gtvpc.lint.Rules;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code policy lint} in-process: the AWS page's examples in every format, exit codes, --fix, bad input. */
class PolicyLintCliTest {
    /** The page's examples, as published, relative to the repository root (Maven's working directory). */
    static String[] examples() throws IOException {
        try (Stream<Path> files = Files.walk(Golden.root().resolve("policies/aws-doc"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(p -> Golden.root().relativize(p).toString()).toArray(String[]::new);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text, txt", "json, json", "sarif, sarif"})
    void thePagesExamplesDrawTheFindingsTheyShould(String format, String extension) throws IOException {
        List<String> args = new ArrayList<>(List.of("policy", "lint", "--region", "us-east-1", "--format", format));
        args.addAll(List.of(examples()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).as("invalid JSON in 2023/example-1 makes the run exit 2").isEqualTo(2);
        assertThat(r.err()).isEmpty();
        Golden.assertMatches(Golden.testResource("golden/lint/aws-doc-examples." + extension), r.out());
    }

    @Test
    void eachHistoricDefectIsCaughtByItsRule() throws IOException {
        String out = Cli.run("policy", "lint", "--fail-on", "never",
                "policies/aws-doc/2023/example-1.json", "policies/aws-doc/2023/example-3.json",
                "policies/aws-doc/current/example-1.json", "policies/aws-doc/current/example-3.json",
                "policies/aws-doc/seed-ko/example-1.json").out();
        assertThat(out)
                .contains("policies/aws-doc/2023/example-1.json:12:7: error invalid-json:")
                // its ForAllValues:StringNotEquals decides as StringNotEquals on these single-valued keys, but AWS says not to
                // write it and Access Analyzer reports it: a suggestion (issue 27, item 8)
                .contains("policies/aws-doc/2023/example-3.json:18:17: suggestion forallvalues-single-valued-key:")
                .contains("policies/aws-doc/current/example-1.json:5:2: error missing-principal:")
                .contains("policies/aws-doc/current/example-3.json:1:390: error duplicate-key:")
                .contains("policies/aws-doc/seed-ko/example-1.json:1:347: error vpc-id-in-source-vpce:");
    }

    @Test
    void theSarifOutputIsValidSarif210() throws IOException {
        List<String> args = new ArrayList<>(List.of("policy", "lint", "--region", "us-east-1", "--format", "sarif"));
        args.addAll(List.of(examples()));
        String sarif = Cli.run(args.toArray(String[]::new)).out();
        ObjectMapper mapper = new ObjectMapper();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(Golden.testResource("sarif/sarif-schema-2.1.0.json")));
        JsonNode document = mapper.readTree(sarif);
        Set<ValidationMessage> errors = schema.validate(document);
        assertThat(errors).isEmpty();
        assertThat(document.at("/runs/0/results").size()).isGreaterThan(10);
        // the rules the results name, each once, in the registry's order; every result's ruleIndex points at its rule
        JsonNode rules = document.at("/runs/0/tool/driver/rules");
        List<String> listed = new ArrayList<>();
        rules.forEach(r -> listed.add(r.get("id").asText()));
        Set<String> named = new HashSet<>();
        document.at("/runs/0/results").forEach(r -> named.add(r.get("ruleId").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(named)
                .isEqualTo(Rules.ids().stream().filter(named::contains).toList());
        document.at("/runs/0/results").forEach(r -> assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText())
                .isEqualTo(r.get("ruleId").asText()));
        JsonNode broken = mapper.readTree(sarif.replace("\"startLine\": ", "\"startLine\": -"));
        assertThat(schema.validate(broken)).as("the schema check can fail").isNotEmpty();
    }

    @ParameterizedTest(name = "--fail-on {0}")
    @CsvSource({"error, 1", "security-warning, 1", "warning, 1", "suggestion, 1", "never, 0"})
    void failOnSetsTheExitCode(String failOn, int exit) {
        assertThat(Cli.run("policy", "lint", "--fail-on", failOn, "policies/aws-doc/current/example-2.json").exit()).isEqualTo(exit);
    }

    @Test
    void generatedPolicyWithDefaultsLintsCleanAtEveryLevel(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("p.json");
        Files.writeString(policy, Cli.run("policy", "generate", "--region", "eu-west-1", "--bucket", "labeling-data",
                "--vpc", "vpc-0abc1234def567890").out());
        Cli.Result result = Cli.run("policy", "lint", "--fail-on", "suggestion", policy.toString());
        if (!Files.readString(policy).contains("\"aws:SourceVpc\"")) {
            assertThat(result.exit()).isZero();
            assertThat(result.out()).contains("no findings");
            return;
        }
        // a VPC by ID (generate's legacy form) draws source-vpc-without-region, and nothing else
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out().lines().filter(l -> l.contains(": ") && !l.startsWith(" ")).toList())
                .allMatch(l -> l.contains("warning source-vpc-without-region") || l.startsWith("1 file: "));
    }

    @Test
    void generatedEndpointAndIdentityPoliciesLintCleanAsWhatTheyAre(@TempDir Path dir) throws IOException {
        Path endpoint = dir.resolve("endpoint.json");
        Files.writeString(endpoint, Cli.run("endpoint-policy", "generate", "--region", "eu-west-1", "--bucket", "labeling-data",
                "--extra-bucket", "labeling-models").out());
        assertThat(Cli.run("policy", "lint", "--policy-type", "vpc-endpoint", "--region", "eu-west-1", "--fail-on", "suggestion", endpoint.toString()).exit())
                .isZero();
        assertThat(Cli.run("policy", "lint", "--fail-on", "suggestion", endpoint.toString()).out()).contains("public-allow");
        for (String audience : List.of("execution-role", "console-user")) {
            Path identity = dir.resolve(audience + ".json");
            Files.writeString(identity, Cli.run("iam-policy", "generate", "--bucket", "labeling-data", "--for", audience).out());
            Cli.Result r = Cli.run("policy", "lint", "--policy-type", "identity", "--fail-on", "suggestion", identity.toString());
            assertThat(r.exit()).as(r.out()).isZero();
        }
        Cli.Result principal = Cli.run("policy", "lint", "--policy-type", "identity", endpoint.toString());
        assertThat(principal.exit()).isEqualTo(1);
        assertThat(principal.out()).contains("error principal-in-identity-policy");
    }

    @Test
    void failOnCountsOnlyFindingsAtOrAboveIt(@TempDir Path dir) throws IOException {
        Path policy = dir.resolve("p.json");
        // by endpoint: a VPC by ID would draw source-vpc-without-region, a warning, and this is about the suggestion
        Files.writeString(policy, Cli.run("policy", "generate", "--region", "eu-west-1", "--bucket", "labeling-data",
                "--vpce", "vpce-0123456789abcdef0", "--actions", "doc").out());
        assertThat(Cli.run("policy", "lint", "--fail-on", "warning", policy.toString()).exit()).isZero();
        Cli.Result strict = Cli.run("policy", "lint", "--fail-on", "suggestion", policy.toString());
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).contains("suggestion gt-actions-open");
        assertThat(Cli.run("policy", "lint", "--fail-on", "suggestion", "--disable", "gt-actions-open", policy.toString()).exit()).isZero();
    }

    @Test
    void listRulesNamesEveryRule() {
        Cli.Result text = Cli.run("policy", "lint", "--list-rules");
        assertThat(text.exit()).isZero();
        Golden.assertMatches(Golden.testResource("golden/lint/list-rules.txt"), text.out());
        Cli.Result json = Cli.run("policy", "lint", "--list-rules", "--format", "json");
        for (String id : Rules.ids()) {
            assertThat(json.out()).contains("\"id\": \"" + id + "\"");
        }
    }

    @Test
    void fixRewritesWhatIsSafeAndReportsWhatRemains(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fixed.json");
        Cli.Result r = Cli.run("policy", "lint", "--fix", "policies/aws-doc/seed-ko/example-1.json", "-o", out.toString());
        assertThat(r.out()).isEmpty();
        Golden.assertMatches(Golden.testResource("golden/lint/fix-seed-ko-example-1.json"), Files.readString(out));
        Golden.assertMatches(Golden.testResource("golden/lint/fix-seed-ko-example-1.stderr"), r.err());
        assertThat(r.exit()).isEqualTo(1); // placeholders remain: only the user can replace them
        Cli.Result aws = Cli.run("policy", "lint", "--fix", "policies/aws-doc/2023/example-3.json");
        assertThat(aws.out()).contains("\"StringNotEquals\": {").contains("\"aws:SourceVpce\": [").doesNotContain("ForAllValues");
        assertThat(aws.err()).startsWith("gtvpc: fixed: statement DenyAccessFromNonGTandCustomerVPC: aws:sourceVpce → aws:SourceVpce\n"
                + "gtvpc: fixed: statement DenyAccessFromNonGTandCustomerVPC: ForAllValues:StringNotEquals → StringNotEquals"
                + " (single-valued keys; same decisions)\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--disable key-nam-case x.json|gtvpc: --disable: no rule 'key-nam-case' (did you mean key-name-case?); 'gtvpc policy lint --list-rules' lists them",
        "--fail-on errors x.json|gtvpc: --fail-on: 'errors' is not one of error, security-warning, warning, suggestion, never (did you mean error?)",
        "--format html x.json|gtvpc: --format: 'html' is not one of text, json, sarif, junit, github, gitlab",
        "--region us-west-1 x.json|gtvpc: --region: Ground Truth lists no service endpoint for region 'us-west-1' (known regions: us-east-2, us-east-1, us-west-2, ca-central-1, eu-central-1, eu-west-2, eu-west-1, ap-south-1, ap-southeast-2, ap-southeast-1, ap-northeast-2, ap-northeast-1); for a region added since this release, give a region table that has it with --regions-file FILE",
        "--vpc vpce-12345678 x.json|gtvpc: --vpc: 'vpce-12345678' is a VPC endpoint ID, not a VPC ID (vpc-…); pass it as an endpoint",
        "--fix a.json b.json|gtvpc: --fix takes one file",
        "-o out.json x.json|gtvpc: -o writes the fixed policy: it goes with --fix",
        "--format json|gtvpc: name the policy files to lint (or - for standard input)"})
    void badInput(String args, String message) {
        List<String> all = new ArrayList<>(List.of("policy", "lint"));
        all.addAll(List.of(args.split(" ")));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + "\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingFileIsReportedAndTheOthersAreStillLinted() {
        Cli.Result r = Cli.run("policy", "lint", "/nonexistent.json", "policies/aws-doc/current/example-1.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("/nonexistent.json:1:1: error unreadable-file: no such file: /nonexistent.json\n")
                .contains("missing-principal");
    }

    @Test
    void readsStandardInput() {
        Cli.Result r = Cli.runWithStdin("{\"Version\":\"2012-10-17\",\"Statement\":[]}", "policy", "lint", "-");
        assertThat(r.out()).isEqualTo("<stdin>:1:25: error missing-statement: the Statement list is empty\n"
                + "    fix: add at least one statement\n1 file: 1 finding (1 error, 0 security warnings, 0 warnings, 0 suggestions)\n");
        assertThat(r.exit()).isEqualTo(1);
    }
}
