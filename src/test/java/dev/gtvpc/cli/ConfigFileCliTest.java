package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.AwsEnv;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code .gtvpc.yaml}: where it is found, which value wins, what {@code --print-config} says, and every
 * error of the file, in-process against golden files. Each run is in a repository made in a temporary
 * directory ({@code repo/.git}, the file at its top, the run in {@code repo/app}); paths under it print
 * as {@code $TMP}.
 */
class ConfigFileCliTest {
    /** Every key, as a project would keep them. */
    static final String FULL = """
            # the perimeter of the labeling buckets
            region: us-east-1
            vpc: vpc-0abc1234def567890
            vpce: [vpce-0a1b2c3d4e5f60718, vpce-0f1e2d3c4b5a69788]
            role-arn:
              - arn:aws:iam::111122223333:role/LabelingJobRole
            org-id: o-a1b2c3d4e5
            bucket-account: "012345678901"
            lint:
              fail-on: warning
              disable: [missing-version]
              baseline: lint-baseline.json
              exclude:
                - "vendor/**"
                - "**/*.draft.json"
            """;

    static final String POLICY = "src/test/resources/corpus/bucket/sagemaker-gt-current-example-3.json";

    @TempDir
    Path tmp;

    private Path repo() throws IOException {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve("app"));
        return repo;
    }

    private Cli.Result runIn(Path dir, String... args) {
        Cli.Result r = Cli.runIn(AwsEnv.offlineContext().withWorkingDirectory(dir), null, args);
        String t = tmp.toString();
        return new Cli.Result(r.exit(), r.out().replace(t, "$TMP"), r.err().replace(t, "$TMP"));
    }

    private static String transcript(Cli.Result r) {
        return "exit " + r.exit() + "\n--- stdout\n" + r.out() + "--- stderr\n" + r.err();
    }

    private static void golden(String name, Cli.Result r) {
        Golden.assertMatches(Golden.testResource("golden/config/" + name + ".txt"), transcript(r));
    }

    // ------------------------------------------------------------------ found, and which value wins

    @Test
    void foundInAParentAndPrinted() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".gtvpc.yaml"), FULL);
        golden("print-found-in-parent", runIn(repo.resolve("app"), "policy", "lint", "--print-config"));
    }

    @Test
    void theCommandLineWins() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".gtvpc.yaml"), FULL);
        golden("print-command-line-wins", runIn(repo.resolve("app"), "policy", "lint", "--print-config", "--region", "eu-west-1",
                "--vpc", "vpc-0fedcba9876543210,vpc-0123456789abcdef0", "--fail-on", "error", "--exclude", "build/**"));
    }

    @Test
    void eachCommandGetsTheKeysOfItsOptions() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".gtvpc.yaml"), FULL);
        golden("print-verify", runIn(repo.resolve("app"), "policy", "verify", "--print-config"));
        golden("print-audit", runIn(repo.resolve("app"), "audit", "--print-config"));
    }

    @Test
    void theSearchStopsAtTheTopOfTheRepository() throws IOException {
        Path repo = repo();
        Files.writeString(tmp.resolve(".gtvpc.yaml"), FULL);
        golden("print-none-above-git", runIn(repo.resolve("app"), "policy", "lint", "--print-config"));
    }

    @Test
    void configNamesAnotherFile() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".gtvpc.yaml"), FULL);
        Files.writeString(repo.resolve("ci.yaml"), "region: eu-west-1\nlint:\n  fail-on: never\n");
        golden("print-config-option", runIn(repo.resolve("app"), "policy", "lint", "--config", "../ci.yaml", "--print-config"));
    }

    @Test
    void aRequiredOptionComesFromTheFile() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".gtvpc.yaml"), "region: us-east-1\nvpc: vpc-0abc1234def567890\n");
        Cli.Result fromFile = runIn(repo.resolve("app"), "policy", "generate", "--bucket", "my-labeling-data");
        Cli.Result typed = runIn(repo.resolve("app"), "policy", "generate", "--bucket", "my-labeling-data", "--region", "us-east-1",
                "--vpc", "vpc-0abc1234def567890");
        assertThat(fromFile.exit()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).isEqualTo(typed.out());
    }

    @Test
    void failOnFromTheFileDecidesTheExitCodeUnlessTyped() throws IOException {
        Path repo = repo();
        Path policy = Golden.root().resolve(POLICY);
        Files.writeString(repo.resolve(".gtvpc.yaml"), "lint:\n  fail-on: never\n");
        assertThat(runIn(repo.resolve("app"), "policy", "lint", policy.toString()).exit()).isZero();
        assertThat(runIn(repo.resolve("app"), "policy", "lint", "--fail-on", "suggestion", policy.toString()).exit()).isEqualTo(1);
        Files.writeString(repo.resolve(".gtvpc.yaml"), "lint:\n  fail-on: suggestion\n");
        assertThat(runIn(repo.resolve("app"), "policy", "lint", policy.toString()).exit()).isEqualTo(1);
    }

    @Test
    void excludesAreRelativeToTheFilesDirectory() throws IOException {
        Path repo = repo();
        Path vendor = Files.createDirectories(repo.resolve("app/policies/vendor"));
        Files.copy(Golden.root().resolve(POLICY), repo.resolve("app/policies/labels.json"));
        Files.copy(Golden.root().resolve(POLICY), vendor.resolve("theirs.json"));
        Files.copy(Golden.root().resolve(POLICY), repo.resolve("app/policies/labels.draft.json"));
        Files.writeString(repo.resolve(".gtvpc.yaml"), "lint:\n  fail-on: never\n  exclude: [app/policies/vendor, \"**/*.draft.json\"]\n");
        golden("lint-excludes", runIn(repo.resolve("app"), "policy", "lint", "--format", "json",
                repo.resolve("app/policies").toString(), repo.resolve("app/policies/labels.draft.json").toString()));
    }

    @Test
    void theBaselineIsRelativeToTheFilesDirectory() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".gtvpc.yaml"), "lint:\n  baseline: lint-baseline.json\n");
        Path policy = Golden.root().resolve(POLICY);
        assertThat(runIn(repo.resolve("app"), "policy", "lint", "--create-baseline", repo.resolve("lint-baseline.json").toString(),
                policy.toString()).exit()).isZero();
        Cli.Result r = runIn(repo.resolve("app"), "policy", "lint", "--fail-on", "suggestion", policy.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }

    // ------------------------------------------------------------------ errors: one line, exit 2, the file and line

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-key            | region: us-east-1\\nregoin: eu-west-1\\n
            unknown-key-in-lint    | lint:\\n  fail-on: warning\\n  disabled: [missing-version]\\n
            lint-key-at-top        | region: us-east-1\\nfail-on: warning\\n
            top-key-under-lint     | lint:\\n  region: us-east-1\\n
            list-for-one-value     | region: [us-east-1, eu-west-1]\\n
            mapping-for-a-list     | vpc:\\n  id: vpc-0abc1234def567890\\n
            no-value               | region:\\n
            given-twice            | region: us-east-1\\nvpc: vpc-0abc1234def567890\\nregion: eu-west-1\\n
            not-yaml               | region: "us-east-1\\n
            not-a-mapping          | - region: us-east-1\\n
            lint-not-a-mapping     | lint: warning\\n
            region-refused         | region: us-east1\\n
            vpc-refused            | vpc: [vpc-0abc1234def567890, vpce-0a1b2c3d4e5f60718]\\n
            fail-on-refused        | lint:\\n  fail-on: high\\n
            rule-refused           | lint:\\n  disable: missing-versoin\\n
            baseline-missing       | lint:\\n  baseline: lint-baseline.json\\n
            """)
    void errorsNameTheKeyAndLine(String name, String yaml) throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".gtvpc.yaml"), yaml.replace("\\n", "\n"));
        Cli.Result r = runIn(repo.resolve("app"), "policy", "lint", Golden.root().resolve(POLICY).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        golden("error-" + name, r);
    }

    @Test
    void aMissingConfigOptionFileIsAnError() throws IOException {
        golden("error-no-such-config", runIn(repo().resolve("app"), "policy", "generate", "--config", "../none.yaml",
                "--bucket", "my-labeling-data"));
    }

    @Test
    void aBrokenFileComesBeforeTheOptionItWouldHaveGiven() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".gtvpc.yaml"), "regoin: us-east-1\n");
        golden("error-before-missing-option", runIn(repo.resolve("app"), "policy", "generate", "--bucket", "my-labeling-data"));
    }

    @Test
    void helpWorksBesideABrokenFile() throws IOException {
        Path repo = repo();
        Files.writeString(repo.resolve(".gtvpc.yaml"), "regoin: us-east-1\n");
        Cli.Result r = runIn(repo.resolve("app"), "policy", "generate", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--config=FILE", "--print-config");
    }
}
