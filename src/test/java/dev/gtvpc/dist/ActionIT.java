package dev.gtvpc.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's script (scripts/action/run.sh, which action.yml's step runs) in a fake GitHub
 * environment (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH, GITHUB_WORKSPACE, RUNNER_TEMP,
 * GITHUB_ACTION_PATH) against the archive this build made, served from a file:// URL laid out as a
 * GitHub release: what it installs, the outputs, the SARIF, the summary and the exit on findings and
 * when clean. The upload step is GitHub's own action and is not run here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionIT {
    private static final Path RUN = Golden.root().resolve("scripts/action/run.sh");

    @TempDir
    static Path tmp;
    String version;
    String urlPattern;
    Path workspace;

    @BeforeAll
    void aReleaseAndARepository() throws IOException {
        version = System.getProperty("gtvpc.version");
        Path archive = Path.of(System.getProperty("gtvpc.archive"));
        // https://github.com/{repository}/releases/download/v{version}/gtvpc-{version}.tar.gz, on disk
        Path release = Files.createDirectories(tmp.resolve("github/acme/gtvpc/releases/download/v" + version));
        try {
            Files.createLink(release.resolve(archive.getFileName()), archive);
        } catch (IOException | UnsupportedOperationException otherFileSystem) {
            Files.copy(archive, release.resolve(archive.getFileName()));
        }
        Files.copy(Path.of(archive + ".sha256"), release.resolve(archive.getFileName() + ".sha256"));
        urlPattern = tmp.resolve("github").toUri() + "{repository}/releases/download/v{version}/gtvpc-{version}.tar.gz";

        workspace = Files.createDirectories(tmp.resolve("workspace"));
        Files.createDirectories(workspace.resolve("policies"));
        Files.writeString(workspace.resolve("policies/labeling-bucket.json"), Cli.run("policy", "generate", "--region", "us-east-1",
                "--bucket", "my-labeling-data", "--vpc", "vpc-0abc1234def567890").out());
        Files.createDirectories(workspace.resolve("audit"));
        Files.copy(workspace.resolve("policies/labeling-bucket.json"), workspace.resolve("audit/my-labeling-data.json"));
        // the AWS page's policy with a VPC ID among the endpoint IDs: it refutes vpc-can-access
        Files.copy(Golden.root().resolve("policies/aws-doc/current/example-2.json"), workspace.resolve("audit/other-bucket.json"));
        Files.createDirectories(workspace.resolve("aws-doc"));
        Files.copy(Golden.root().resolve("policies/aws-doc/current/example-1.json"), workspace.resolve("aws-doc/example-1.json"));
    }

    /** A run of the action's step: its outputs, summary, PATH additions, and the step's own exit and log. */
    record Step(Shell.Result result, Map<String, String> outputs, String summary, String path) {
    }

    private Step run(Path runnerTemp, String... inputs) throws IOException {
        Files.createDirectories(runnerTemp);
        Path github = Files.createDirectories(tmp.resolve("github-files-" + System.nanoTime()));
        Path trap = Shell.script(tmp.resolve("trap/mvn"), "#!/bin/sh\nexit 97\n").getParent();
        List<String> env = new ArrayList<>(List.of(
                "PATH", trap + ":" + Shell.javaBin() + ":" + Shell.SYSTEM_PATH,
                "GITHUB_OUTPUT", github.resolve("output").toString(),
                "GITHUB_STEP_SUMMARY", github.resolve("summary").toString(),
                "GITHUB_PATH", github.resolve("path").toString(),
                "GITHUB_WORKSPACE", workspace.toString(),
                "GITHUB_ACTION_PATH", Golden.root().toString(),
                "RUNNER_TEMP", runnerTemp.toString(),
                "GTVPC_ACTION_REPOSITORY", "acme/gtvpc",
                "GTVPC_VERSION", version,
                "GTVPC_DOWNLOAD_URL", urlPattern,
                "GTVPC_SARIF_FILE", "gtvpc.sarif"));
        env.addAll(List.of(inputs));
        Shell.Result r = Shell.run(workspace, Shell.env(tmp.resolve("home"), env.toArray(String[]::new)),
                List.of("bash", RUN.toString()));
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String line : read(github.resolve("output")).lines().toList()) {
            outputs.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        return new Step(r, outputs, read(github.resolve("summary")), read(github.resolve("path")));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private Path shared() {
        return tmp.resolve("runner-temp");
    }

    @Test
    void lintOfACleanPolicyPassesAndWritesAnEmptySarif() throws IOException {
        Step step = run(shared(), "GTVPC_COMMAND", "lint", "GTVPC_PATHS", "policies/*.json", "GTVPC_REGION", "us-east-1");
        assertThat(step.result().exit()).as(step.result().describe()).isZero();
        Path installed = shared().resolve("gtvpc-" + version);
        assertThat(step.outputs()).containsExactly(Map.entry("exit-code", "0"),
                Map.entry("sarif-file", workspace.resolve("gtvpc.sarif").toString()),
                Map.entry("gtvpc", installed.resolve("bin/gtvpc").toString()), Map.entry("version", version));
        assertThat(step.path()).isEqualTo(installed.resolve("bin") + "\n");
        assertThat(step.result().out()).contains("+ gtvpc policy lint --region=us-east-1 policies/labeling-bucket.json\n",
                "1 file: no findings\n");
        assertThat(step.summary()).startsWith("### gtvpc policy lint (" + version + "): exit 0\n").contains("1 file: no findings");
        assertThat(sarifResults(workspace.resolve("gtvpc.sarif"))).isEmpty();
    }

    @Test
    void lintFindingsAtTheThresholdFailTheStepAfterTheSarifIsWritten() throws IOException {
        Step step = run(shared(), "GTVPC_COMMAND", "lint", "GTVPC_PATHS", "aws-doc\npolicies", "GTVPC_REGION", "us-east-1",
                "GTVPC_FAIL_ON", "error", "GTVPC_SARIF_FILE", "reports/lint.sarif");
        assertThat(step.result().exit()).as(step.result().describe()).isEqualTo(1);
        assertThat(step.outputs()).containsEntry("exit-code", "1")
                .containsEntry("sarif-file", workspace.resolve("reports/lint.sarif").toString());
        assertThat(step.result().out()).contains("error missing-principal",
                "::error title=gtvpc policy lint::the check failed (exit 1): see the findings above and in reports/lint.sarif");
        assertThat(sarifResults(workspace.resolve("reports/lint.sarif"))).contains("missing-principal", "placeholder-left");
    }

    @Test
    void failOnNeverPassesWithTheFindingsInTheSarif() throws IOException {
        Step step = run(shared(), "GTVPC_COMMAND", "lint", "GTVPC_PATHS", "aws-doc", "GTVPC_FAIL_ON", "never",
                "GTVPC_SARIF_FILE", "never.sarif");
        assertThat(step.result().exit()).as(step.result().describe()).isZero();
        assertThat(sarifResults(workspace.resolve("never.sarif"))).contains("missing-principal");
    }

    @Test
    void verifyRunsOncePerFileAndFailsOnARefutedProperty() throws IOException {
        Step step = run(shared(), "GTVPC_COMMAND", "verify", "GTVPC_PATHS", "policies/labeling-bucket.json audit/other-bucket.json",
                "GTVPC_REGION", "us-east-1", "GTVPC_VPC", "vpc-0abc1234def567890");
        assertThat(step.result().exit()).as(step.result().describe()).isEqualTo(1);
        assertThat(step.outputs()).containsEntry("exit-code", "1").as("verify writes no SARIF").containsEntry("sarif-file", "");
        String command = "+ gtvpc policy verify --region=us-east-1 --vpc=vpc-0abc1234def567890 ";
        assertThat(step.result().out()).contains(command + "policies/labeling-bucket.json\n", command + "audit/other-bucket.json\n");
        assertThat(step.summary()).contains("PROVED", "REFUTED");
    }

    @Test
    void auditPoliciesFailsOnTheChosenVerdictsAndReportsEachBucketInSarif() throws IOException {
        Step step = run(shared(), "GTVPC_COMMAND", "audit-policies", "GTVPC_PATHS", "audit", "GTVPC_REGION", "us-east-1",
                "GTVPC_VPC", "vpc-0abc1234def567890", "GTVPC_FAIL_ON", "refuted public", "GTVPC_SARIF_FILE", "audit.sarif");
        assertThat(step.result().exit()).as(step.result().describe()).isEqualTo(1);
        assertThat(step.result().out()).contains("--fail-on=refuted,public");
        assertThat(sarifResults(workspace.resolve("audit.sarif"))).contains("audit/refuted");
    }

    @Test
    void anInputTheCommandCannotUseIsAnErrorNotSilence() throws IOException {
        Step step = run(shared(), "GTVPC_COMMAND", "lint", "GTVPC_PATHS", "policies", "GTVPC_ROLE_ARN", "arn:aws:iam::111122223333:role/R");
        assertThat(step.result().exit()).isEqualTo(2);
        assertThat(step.result().out()).isEqualTo("::error title=gtvpc action::the role-arn input does not apply to lint\n");
    }

    @Test
    void anArchiveThatDoesNotMatchItsPinnedSha256IsNotInstalled() throws IOException {
        Path fresh = tmp.resolve("runner-temp-tampered");
        Step step = run(fresh, "GTVPC_COMMAND", "lint", "GTVPC_PATHS", "policies", "GTVPC_SHA256", "0".repeat(64));
        assertThat(step.result().exit()).isEqualTo(2);
        assertThat(step.result().out()).contains("::error title=gtvpc action::", "has SHA-256 ", "expected " + "0".repeat(64)
                + ": not installed");
        assertThat(fresh.resolve("gtvpc-" + version)).doesNotExist();
        assertThat(step.outputs()).isEmpty();
    }

    @Test
    void withoutAVersionInputTheActionsOwnReleaseIsInstalled() throws IOException {
        // the action's checkout at a release tag: its pom says the release's version
        Path action = Files.createDirectories(tmp.resolve("action-at-tag"));
        Files.writeString(action.resolve("pom.xml"), "<project>\n  <artifactId>gtvpc</artifactId>\n  <version>9.8.7</version>\n</project>\n");
        Step step = run(tmp.resolve("runner-temp-tag"), "GTVPC_PATHS", "policies", "GITHUB_ACTION_PATH", action.toString(),
                "GTVPC_VERSION", "");
        assertThat(step.result().out()).contains("Downloading gtvpc 9.8.7 from " + tmp.resolve("github").toUri()
                + "acme/gtvpc/releases/download/v9.8.7/gtvpc-9.8.7.tar.gz\n", "::error title=gtvpc action::could not download ");

        // at this repository's commit: a development version has no release to install
        Step here = run(tmp.resolve("runner-temp-branch"), "GTVPC_PATHS", "policies", "GTVPC_VERSION", "");
        if (version.endsWith("-SNAPSHOT")) {
            assertThat(here.result().exit()).isEqualTo(2);
            assertThat(here.result().out()).contains("was used at a development commit (version " + version + ", never released)");
        } else {
            assertThat(here.result().out()).contains("Downloading gtvpc " + version + " from ");
        }
    }

    /** The ruleId of every result of every run. */
    private static List<String> sarifResults(Path sarif) throws IOException {
        List<String> ids = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(sarif.toFile())) {
            int depthOfResults = -1;
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (depth < depthOfResults) {
                        depthOfResults = -1;
                    }
                } else if (t == JsonToken.FIELD_NAME && p.currentName().equals("results")) {
                    depthOfResults = depth + 1;
                } else if (t == JsonToken.FIELD_NAME && p.currentName().equals("ruleId") && depthOfResults > 0) {
                    p.nextToken();
                    ids.add(p.getText());
                }
            }
        }
        return ids;
    }
}
