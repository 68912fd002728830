package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.gtvpc.testing.AwsEnv;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code policy lint --create-baseline / --baseline / --show-suppressed} in-process on public policies
 * from the corpus (src/test/resources/corpus, origins in its SOURCES.md), against golden files, with
 * the clock fixed so that expiry is tested on both sides of its date.
 */
class PolicyLintBaselineCliTest {
    /** Four corpus policies with findings of six rules, one of them a reader problem (duplicate-key), across several statements. */
    static final List<String> POLICIES = List.of(
            "src/test/resources/corpus/bucket/data-perimeter-s3-bucket-policy-2024.json",
            "src/test/resources/corpus/bucket/sagemaker-gt-current-example-3.json",
            "src/test/resources/corpus/bucket/sagemaker-gt-seed-ko-example-1.json",
            "src/test/resources/corpus/bucket/vpcug-2021-my-secure-bucket-vpc.json");

    /**
     * The baseline as a team keeps it: written by --create-baseline for POLICIES, then reasons and
     * expiry dates added by hand (lint-baseline/SOURCES.md says which).
     */
    static final String REVIEWED = "src/test/resources/lint-baseline/reviewed.baseline.json";

    private static Path golden(String name) {
        return Golden.testResource("golden/lint/baseline/" + name);
    }

    /** Runs gtvpc with the clock at noon UTC of {@code date}. */
    static Cli.Result on(String date, String... args) {
        RunContext context = new RunContext(AwsEnv.offline(), Optional.empty(), Clock.fixed(Instant.parse(date + "T12:00:00Z"), ZoneOffset.UTC));
        return Cli.runIn(context, null, args);
    }

    private static String[] args(List<String> head, List<String> files) {
        List<String> all = new ArrayList<>(head);
        all.addAll(files);
        return all.toArray(String[]::new);
    }

    @Test
    void createBaselineWritesEveryFindingKeyedByTargetRuleAndFingerprint(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("baseline.json");
        Cli.Result r = Cli.run(args(List.of("policy", "lint", "--create-baseline", out.toString()), POLICIES));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gtvpc: baseline " + out + ": 23 entries for 4 files\n");
        Golden.assertMatches(golden("create.baseline.json"), Files.readString(out));

        // the reviewed baseline is this file with reasons and dates added: it names the same findings
        JsonNode created = new ObjectMapper().readTree(out.toFile());
        JsonNode reviewed = new ObjectMapper().readTree(Golden.root().resolve(REVIEWED).toFile());
        assertThat(keys(reviewed)).isEqualTo(keys(created));
        assertThat(reviewed.findValues("reason")).as("reasons were added by hand").hasSizeGreaterThan(3);

        Cli.Result again = Cli.run(args(List.of("policy", "lint", "--baseline", out.toString(), "--fail-on", "suggestion"), POLICIES));
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).isEqualTo("4 files: no findings; 23 suppressed (--show-suppressed lists them)\n");
        assertThat(again.err()).isEmpty();
    }

    @Test
    void rewritingABaselineKeepsTheReasonsAndDatesOfEntriesThatStillMatch(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("rewritten.json");
        Cli.Result r = on("2026-12-03", args(List.of("policy", "lint", "--baseline", REVIEWED, "--create-baseline", out.toString()), POLICIES));
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(out)).isEqualTo(Files.readString(Golden.root().resolve(REVIEWED)));
    }

    private static List<String> keys(JsonNode baseline) {
        List<String> keys = new ArrayList<>();
        baseline.get("entries").forEach(e -> keys.add(e.get("target").asText() + " " + e.get("rule").asText() + " " + e.get("fingerprint").asText()));
        return keys;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "apply.txt, text, false",
        "apply-show-suppressed.txt, text, true",
        "apply-show-suppressed.json, json, true",
        "apply.json, json, false"})
    void aBaselineHidesWhatItAccepts(String goldenName, String format, boolean show) {
        List<String> head = new ArrayList<>(List.of("policy", "lint", "--baseline", REVIEWED, "--format", format, "--fail-on", "suggestion"));
        if (show) {
            head.add("--show-suppressed");
        }
        // a policy the baseline does not know: its findings are new
        List<String> files = new ArrayList<>(POLICIES);
        files.add("src/test/resources/corpus/bucket/vpcug-2021-my-secure-bucket-endpoint.json");
        Cli.Result r = on("2026-12-03", args(head, files));
        assertThat(r.exit()).as("the new file's lockout-risk fails the run").isEqualTo(1);
        Golden.assertMatches(golden(goldenName), r.out());
        assertThat(r.err()).as("every entry matched a finding").isEmpty();
    }

    @Test
    void aPathWrittenDifferentlyIsTheSameTarget() {
        List<String> files = new ArrayList<>(POLICIES.stream().skip(1).map(p -> "./" + p.replace("corpus/bucket/", "corpus/../corpus/bucket/")).toList());
        // an absolute path under the working directory (Maven runs the tests at the root) is the relative one
        files.add(Golden.root().resolve(POLICIES.get(0)).toString());
        Cli.Result r = on("2026-12-03", args(List.of("policy", "lint", "--baseline", REVIEWED), files));
        assertThat(r.out()).endsWith("4 files: no findings; 23 suppressed (--show-suppressed lists them)\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void anExpiredEntryStopsSuppressingAndSaysSo() {
        // the reviewed baseline has entries that expire on 2027-06-30: they hold through that day
        Cli.Result lastDay = on("2027-06-30", args(List.of("policy", "lint", "--baseline", REVIEWED), POLICIES));
        assertThat(lastDay.exit()).isZero();
        assertThat(lastDay.err()).isEmpty();
        Cli.Result after = on("2027-07-01", args(List.of("policy", "lint", "--baseline", REVIEWED), POLICIES));
        assertThat(after.exit()).as("the expired entries' errors count again").isEqualTo(1);
        Golden.assertMatches(golden("expired.txt"), after.out());
        Golden.assertMatches(golden("expired.stderr"), after.err());
    }

    @Test
    void reformattingKeepsASuppressionAndChangingTheStatementEndsIt() throws IOException {
        // the target's address is its path as given, so the copy lives under the working directory
        Path dir = Files.createDirectories(Golden.root().resolve("target/lint-baseline-test"));
        Path policy = dir.resolve("perimeter.json");
        String relative = Golden.root().relativize(policy).toString();
        String original = Files.readString(Golden.root().resolve(POLICIES.get(0)));
        Files.writeString(policy, original);
        Path baseline = dir.resolve("perimeter.baseline.json");
        assertThat(Cli.run("policy", "lint", "--create-baseline", baseline.toString(), relative).exit()).isZero();

        Files.writeString(policy, original.replaceAll("\\s+", "").replace("{", "{\n"));
        Cli.Result reformatted = Cli.run("policy", "lint", "--baseline", baseline.toString(), relative);
        assertThat(reformatted.out()).isEqualTo("1 file: no findings; 9 suppressed (--show-suppressed lists them)\n");
        assertThat(reformatted.err()).isEmpty();

        // the network-perimeter statement gets a real CIDR: its other findings are new, the CIDR's entry is stale
        Files.writeString(policy, original.replace("<my-corporate-cidr>", "203.0.113.0/24"));
        Cli.Result changed = Cli.run("policy", "lint", "--baseline", baseline.toString(), relative);
        assertThat(changed.exit()).isEqualTo(1);
        Golden.assertMatches(golden("changed.txt"), changed.out());
        Golden.assertMatches(golden("changed.stderr"), changed.err().replace(baseline.toString(), "BASELINE"));
        JsonNode sarif = new ObjectMapper().readTree(Cli.run("policy", "lint", "--baseline", baseline.toString(), "--format", "sarif", relative).out());
        assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications").findValuesAsText("level")).containsOnly("note");
    }

    @Test
    void aPlanIsOneFileHoweverManyPoliciesItHolds(@TempDir Path dir) {
        // it said "2 entries for 3 files" of this one plan
        Path out = dir.resolve("b.json");
        Cli.Result r = Cli.run("policy", "lint", "--create-baseline", out.toString(), "src/test/resources/iac/nested-modules.tfplan.json");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).endsWith("gtvpc: baseline " + out + ": 2 entries for 1 file, 3 policies\n");
    }

    @Test
    void invalidJsonIsNeverBaselined(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("b.json");
        String broken = "src/test/resources/corpus/bucket/vpc-flow-logs.json";
        Cli.Result r = Cli.run("policy", "lint", "--create-baseline", out.toString(), broken, POLICIES.get(3));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: " + broken + " is not JSON, so nothing in it was linted or baselined; fix it and lint again\n"
                + "gtvpc: baseline " + out + ": 4 entries for 2 files\n");
        assertThat(Files.readString(out)).doesNotContain("invalid-json").contains("lockout-risk");
    }

    @Test
    void theSarifMarksSuppressedResultsAndIsValidSarif210() throws IOException {
        List<String> files = new ArrayList<>(POLICIES);
        files.add("src/test/resources/corpus/bucket/vpcug-2021-my-secure-bucket-endpoint.json");
        Cli.Result r = on("2027-07-01", args(List.of("policy", "lint", "--baseline", REVIEWED, "--format", "sarif"), files));
        Golden.assertMatches(golden("apply-expired.sarif"), r.out());
        JsonNode log = new ObjectMapper().readTree(r.out());
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(Golden.testResource("sarif/sarif-schema-2.1.0.json")));
        assertThat(schema.validate(log)).isEmpty();
        JsonNode results = log.at("/runs/0/results");
        long suppressed = 0;
        for (JsonNode result : results) {
            if (result.has("suppressions")) {
                suppressed++;
                assertThat(result.at("/suppressions/0/kind").asText()).isEqualTo("external");
                assertThat(result.at("/suppressions/0/justification").asText()).contains("baseline " + REVIEWED);
            }
            assertThat(result.at("/fingerprints/gtvpc~1v1").asText()).matches("[0-9a-f]{16}");
        }
        assertThat(suppressed).as("suppressed results stay among the results").isPositive().isLessThan(results.size());
        assertThat(log.at("/runs/0/invocations/0/toolExecutionNotifications").findValuesAsText("level")).containsOnly("warning");
        JsonNode broken = new ObjectMapper().readTree(r.out().replace("\"kind\": \"external\"", "\"kind\": \"baseline\""));
        assertThat(schema.validate(broken)).as("the schema check can fail").isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json|{\"version\": 1,|--baseline B:1:15: not JSON: Unexpected end-of-input within/between Object entries",
        "a list|[]|--baseline B:1:1: a baseline is a JSON object with \"version\" and \"entries\", not an array",
        "no version|{\"entries\": []}|--baseline B:1:1: no \"version\" (this gtvpc writes version 1)",
        "another version|{\"version\": 2, \"entries\": []}|--baseline B:1:13: version 2 is not one this gtvpc reads (it reads 1; rewrite the file with --create-baseline)",
        "entries not a list|{\"version\": 1, \"entries\": {}}|--baseline B:1:27: \"entries\" is a list, not an object",
        "unknown member|{\"version\": 1, \"entries\": [{\"target\": \"a.json\", \"rule\": \"missing-version\", \"fingerprint\": \"0123456789abcdef\", \"expiry\": \"2027-01-01\"}]}|--baseline B:1:111: an entry has no member \"expiry\" (did you mean expires?) (it has target, rule, fingerprint, message, reason, expires)",
        "bad date|{\"version\": 1, \"entries\": [{\"target\": \"a.json\", \"rule\": \"missing-version\", \"fingerprint\": \"0123456789abcdef\", \"expires\": \"31/01/2027\"}]}|--baseline B:1:122: expires \"31/01/2027\" is not a date as YYYY-MM-DD",
        "unknown rule|{\"version\": 1, \"entries\": [{\"target\": \"a.json\", \"rule\": \"missing-versoin\", \"fingerprint\": \"0123456789abcdef\"}]}|--baseline B:1:57: no rule 'missing-versoin' (did you mean missing-version?)",
        "bad fingerprint|{\"version\": 1, \"entries\": [{\"target\": \"a.json\", \"rule\": \"missing-version\", \"fingerprint\": \"12\"}]}|--baseline B:1:91: fingerprint \"12\" is not one gtvpc writes (16 hex digits)",
        "no target|{\"version\": 1, \"entries\": [{\"rule\": \"missing-version\", \"fingerprint\": \"0123456789abcdef\"}]}|--baseline B:1:28: an entry has no \"target\"",
        "reason not a string|{\"version\": 1, \"entries\": [{\"target\": \"a.json\", \"rule\": \"missing-version\", \"fingerprint\": \"0123456789abcdef\", \"reason\": 7}]}|--baseline B:1:121: \"reason\" is a string, not a number",
        "written twice|{\"version\": 1, \"entries\": [{\"target\": \"a.json\", \"rule\": \"missing-version\", \"fingerprint\": \"0123456789abcdef\"}, {\"target\": \"a.json\", \"rule\": \"missing-version\", \"fingerprint\": \"0123456789abcdef\"}]}|--baseline B:1:112: the entry for missing-version on a.json (fingerprint 0123456789abcdef) is written twice"})
    void aBadBaselineIsOneLineAndExit2(String name, String content, String message, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("b.json");
        Files.writeString(file, content);
        Cli.Result r = Cli.run("policy", "lint", "--baseline", file.toString(), POLICIES.get(3));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().replace(file.toString(), "B")).isEqualTo("gtvpc: " + message + "\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--baseline /nonexistent/b.json x.json|gtvpc: --baseline: no such file: /nonexistent/b.json",
        "--fix --baseline b.json x.json|gtvpc: --fix rewrites one policy; --baseline and --create-baseline go with a lint run",
        "--create-baseline - -|gtvpc: --create-baseline -: standard output; the policy cannot come from standard input as well",
        "--create-baseline /nonexistent/dir/b.json src/test/resources/corpus/bucket/vpcug-2021-my-secure-bucket-vpc.json"
                + "|gtvpc: --create-baseline: cannot write /nonexistent/dir/b.json: directory /nonexistent/dir does not exist"})
    void badOptions(String args, String message) {
        List<String> all = new ArrayList<>(List.of("policy", "lint"));
        all.addAll(List.of(args.split(" ")));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + "\n");
        assertThat(r.out()).isEmpty();
    }
}
