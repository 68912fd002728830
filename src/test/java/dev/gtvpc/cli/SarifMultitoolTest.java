package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SARIF of a multi-file run — files named by relative and by absolute path, defects with several
 * places — checked by Microsoft's SARIF Multitool ({@code validate}, rule kinds Sarif and Gh: the SARIF
 * spec's rules and GitHub code scanning's). scripts/sarif-multitool.sh installs it into target/ with
 * npm; without Node and npm, or without the npm registry, the test is skipped and says why.
 */
class SarifMultitoolTest {
    /** Notes and warnings that do not make a log unacceptable, with the reason each is accepted. */
    private static final Set<String> ACCEPTED = Set.of();

    private static Path multitool;

    @BeforeAll
    static void install() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "Node and npm are not on PATH: the SARIF Multitool (an npm package) cannot be installed");
        Process p = new ProcessBuilder("bash", Golden.root().resolve("scripts/sarif-multitool.sh").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0 && !out.isEmpty(),
                "npm could not install @microsoft/sarif-multitool (no registry?): scripts/sarif-multitool.sh failed");
        multitool = Path.of(out);
    }

    @Test
    void aMultiFileRunWithAbsoluteAndRelativePathsIsAcceptedBySarifAndGitHubRules() throws Exception {
        String absolute = Golden.root().resolve("policies/aws-doc/2023/example-3.json").toString();
        String sarif = Cli.run("policy", "lint", "--region", "us-east-1", "--format", "sarif", "--fail-on", "never",
                "policies/aws-doc/current/example-2.json", absolute, "policies/aws-doc/seed-ko/example-1.json").out();
        JsonNode log = new ObjectMapper().readTree(sarif);
        JsonNode results = log.at("/runs/0/results");
        assertThat(results.findValuesAsText("uri")).contains("policies/aws-doc/current/example-2.json")
                .anyMatch(u -> u.startsWith("file:///") && u.endsWith("/policies/aws-doc/2023/example-3.json"));
        assertThat(log.at("/runs/0/results").findValues("relatedLocations")).as("a defect written twice").isNotEmpty();
        assertThat(log.at("/runs/0/invocations/0/workingDirectory/uri").asText()).startsWith("file:///").endsWith("/");

        assertThat(problems(sarif)).isEmpty();
    }

    @Test
    void aRunWithABaselineIsAcceptedWithItsSuppressionsAndNotifications() throws Exception {
        // on 2027-07-01 three entries of the reviewed baseline have expired: suppressed results, reported ones and warnings in one log
        List<String> args = new ArrayList<>(List.of("policy", "lint", "--baseline", PolicyLintBaselineCliTest.REVIEWED, "--format", "sarif",
                "--fail-on", "never"));
        args.addAll(PolicyLintBaselineCliTest.POLICIES);
        String sarif = PolicyLintBaselineCliTest.on("2027-07-01", args.toArray(String[]::new)).out();
        JsonNode log = new ObjectMapper().readTree(sarif);
        assertThat(log.at("/runs/0/results").findValues("suppressions")).as("suppressed results").hasSize(20);
        assertThat(log.at("/runs/0/invocations/0/toolExecutionNotifications").size()).isEqualTo(3);

        assertThat(problems(sarif)).isEmpty();
    }

    @Test
    void theValidatorRejectsARootedPathWrittenAsARelativeReference() throws Exception {
        String sarif = Cli.run("policy", "lint", "--format", "sarif", "--fail-on", "never", "policies/aws-doc/current/example-2.json").out();
        String broken = sarif.replace("\"uri\": \"policies/", "\"uri\": \"/home/me/policies/");
        assertThat(problems(broken)).as("the check can fail").anyMatch(p -> p.startsWith("SARIF1004"));
    }

    /** The validator's errors and warnings, as "RULE: message", leaving out the accepted ones. */
    private static List<String> problems(String sarif) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Golden.root().resolve("target/sarif-multitool-test"));
        Path in = Files.createTempFile(dir, "gtvpc-", ".sarif");
        Path out = dir.resolve(in.getFileName().toString().replace(".sarif", ".validation.sarif"));
        Files.writeString(in, sarif);
        Files.deleteIfExists(out);
        Process p = new ProcessBuilder(multitool.toString(), "validate", "--rule-kind", "Sarif;Gh", "--level", "Error;Warning",
                "-o", out.toString(), in.toString()).redirectErrorStream(true).start();
        String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the validator finishes").isTrue();
        assertThat(out).as("the validator wrote its log; it said: " + console).exists();
        List<String> problems = new ArrayList<>();
        for (JsonNode r : new ObjectMapper().readTree(out.toFile()).at("/runs/0/results")) {
            String rule = r.path("ruleId").asText();
            String level = r.path("level").asText("warning");
            if ((level.equals("error") || level.equals("warning")) && !ACCEPTED.contains(rule)) {
                problems.add(rule + ": " + r.path("message").toString());
            }
        }
        return problems;
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder("bash", "-c", "command -v " + command).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
