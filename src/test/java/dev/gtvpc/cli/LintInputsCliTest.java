package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 16 I3/I4/I5: lint reports every input in every format, reads directories, and names what is wrong in words. */
class LintInputsCliTest {
    private static final String GOOD = "policies/generated/example-3.strict.json";

    /** Inputs no policy author meant: a binary, Latin-1 text, a BOM, JSON nested 70 and 200 000 deep, a missing file. */
    private static Path badInputs(Path dir) throws IOException {
        Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        Files.write(dir.resolve("latin1.json"), "{\n  \"Sid\": \"caf\u00e9\"\n}\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("bom.json"), ("\uFEFF" + Golden.read(Golden.root().resolve(GOOD))).getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("deep.json"), "[".repeat(70) + "]".repeat(70));
        Files.writeString(dir.resolve("deep-huge.json"), "[".repeat(200_000) + "]".repeat(200_000));
        return dir;
    }

    private static String[] lint(Path dir, String... options) {
        return Stream.concat(Stream.concat(Stream.of("policy", "lint"), Stream.of(options)),
                Stream.of("binary.json", "latin1.json", "bom.json", "deep.json", "deep-huge.json", "missing.json")
                        .map(f -> dir.resolve(f).toString())).toArray(String[]::new);
    }

    @Test
    void everyInputIsReportedAsTextInPlainWords(@TempDir Path dir) throws IOException {
        Cli.Result r = Cli.run(lint(badInputs(dir)));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEmpty();
        Golden.assertMatches(Golden.testResource("golden/lint/bad-inputs.txt"), r.out().replace(dir.toString(), "DIR"));
        assertThat(r.out()).doesNotContain("StreamReadConstraints", "Input length", "code 65279", "policy-too-large");
    }

    @Test
    void everyInputIsInTheJsonOutputAndOnStderr(@TempDir Path dir) throws IOException {
        Cli.Result r = Cli.run(lint(badInputs(dir), "--format", "json"));
        assertThat(r.exit()).isEqualTo(2);
        List<Map<String, Object>> findings = JsonData.list(JsonData.parse(r.out()));
        assertThat(findings).hasSize(6);
        assertThat(findings.stream().map(f -> ((Map<?, ?>) f).get("file").toString().replace(dir.toString(), "DIR")))
                .containsExactly("DIR/binary.json", "DIR/latin1.json", "DIR/bom.json", "DIR/deep.json", "DIR/deep-huge.json",
                        "DIR/missing.json");
        assertThat(((Map<?, ?>) findings.get(5)).get("rule")).isEqualTo("unreadable-file");
        assertThat(r.err().lines()).hasSize(3).allMatch(l -> l.startsWith("gtvpc: FILE: "));
    }

    @Test
    void everyInputIsASarifResultAndAToolExecutionNotification(@TempDir Path dir) throws IOException {
        Cli.Result r = Cli.run(lint(badInputs(dir), "--format", "sarif", "--fail-on", "never"));
        assertThat(r.exit()).as("--fail-on never: the report was written, so the upload step runs").isZero();
        Map<?, ?> run = (Map<?, ?>) ((List<?>) JsonData.map(JsonData.parse(r.out())).get("runs")).get(0);
        assertThat((List<?>) run.get("results")).hasSize(6);
        Map<?, ?> invocation = (Map<?, ?>) ((List<?>) run.get("invocations")).get(0);
        assertThat(invocation.get("executionSuccessful")).isEqualTo(false);
        List<?> notifications = (List<?>) invocation.get("toolExecutionNotifications");
        assertThat(notifications).hasSize(6);
        Map<?, ?> last = (Map<?, ?>) notifications.get(5);
        assertThat(((Map<?, ?>) last.get("message")).get("text").toString()).endsWith("missing.json was not linted: no such file: "
                + dir.resolve("missing.json"));
        assertThat(((Map<?, ?>) last.get("associatedRule")).get("id")).isEqualTo("unreadable-file");
        Golden.assertMatches(Golden.testResource("golden/lint/bad-inputs.sarif"), r.out().replace(dir.toString(), "/DIR")
                .replace(Golden.root().toString(), "/ROOT").replaceAll("\"version\": \"[^\"]*\",\\n(\\s+\"(?:rules|informationUri)\")", "\"version\": \"V\",\n$1"));
    }

    @Test
    void aDirectoryIsLintedRecursivelyAndHiddenDirectoriesAreSkipped(@TempDir Path dir) throws IOException {
        Path corpus = Golden.testResource("corpus/bucket");
        long jsonFiles;
        try (Stream<Path> s = Files.walk(corpus)) {
            jsonFiles = s.filter(p -> p.toString().endsWith(".json")).count();
        }
        Cli.Result r = Cli.run("policy", "lint", "--format", "json", "--fail-on", "never", corpus.toString());
        assertThat(r.exit()).isZero();
        Cli.Result text = Cli.run("policy", "lint", "--fail-on", "never", corpus.toString());
        assertThat(text.out()).endsWith("\n").contains(jsonFiles + " files: ");

        Files.createDirectories(dir.resolve("a/b"));
        Files.createDirectories(dir.resolve(".git"));
        Files.copy(Golden.root().resolve(GOOD), dir.resolve("a/b/p.json"));
        Files.copy(Golden.root().resolve(GOOD), dir.resolve("a/notes.txt"));
        Files.writeString(dir.resolve(".git/config.json"), "not json");
        Cli.Result nested = Cli.run("policy", "lint", "--fail-on", "never", dir.toString());
        assertThat(nested.out()).contains(dir.resolve("a/b/p.json") + ":").doesNotContain(".git", "notes.txt").endsWith("1 file: 5 findings"
                + " (4 errors, 0 security warnings, 0 warnings, 1 suggestion)\n");
    }

    @Test
    void aDirectoryWithNothingToLintIsReported(@TempDir Path dir) {
        Cli.Result r = Cli.run("policy", "lint", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith(dir + ":1:1: error unreadable-file: " + dir + " is a directory with no *.json file in it\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "policy lint --fix --format json " + GOOD + "|gtvpc: --fix: prints the fixed policy, not a report, so --format json would be"
                + " ignored; drop --format (the findings that remain go to stderr as text)",
        "policy lint --fix --format sarif " + GOOD + "|gtvpc: --fix: prints the fixed policy, not a report, so --format sarif would"
                + " be ignored; drop --format (the findings that remain go to stderr as text)",
        "policy lint --list-rules " + GOOD + "|gtvpc: --list-rules: lists the rules and lints nothing; drop the FILE arguments (or"
                + " --list-rules)",
        "policy lint --disable unreadable-file x.json|gtvpc: --disable: unreadable-file cannot be disabled; leave the file out of"
                + " the run instead",
        "policy lint --fix policies|gtvpc: --fix takes one file; policies is a directory of 15",
        "policy verify " + GOOD + " --region us-east-1 --vpc vpc-12345678 --equivalent-to /nonexistent.json|gtvpc: --equivalent-to:"
                + " no such file: /nonexistent.json",
        "policy verify " + GOOD + " --region us-east-1 --vpc vpc-12345678 --equivalent-to policies/aws-doc/2023/example-1.json|gtvpc:"
                + " --equivalent-to: policies/aws-doc/2023/example-1.json:12:7: invalid JSON: Unexpected character ('\"' (code 34)):"
                + " was expecting comma to separate Object entries (at /Statement/0/Action)"})
    void conflictingOptionsAndWrongFilesAreNamed(String args, String message) {
        Cli.Result r = Cli.run(args.split(" "));
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(message + "\n");
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void aPolicyThatIsNotUtf8IsNamedWithItsByte(@TempDir Path dir) throws IOException {
        Path latin1 = Files.write(dir.resolve("p.json"), "{\"Sid\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        Cli.Result r = Cli.run("policy", "simulate", latin1.toString(), "--action", "s3:GetObject", "--resource", "arn:aws:s3:::b/k");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: POLICY: " + latin1 + " is not UTF-8 text at byte 12 (line 1, column 12); save it as UTF-8\n");
    }

    @Test
    void aBomIsRefusedWithWhatToDo(@TempDir Path dir) throws IOException {
        Path bom = Files.writeString(dir.resolve("p.json"), "\uFEFF" + Golden.read(Golden.root().resolve(GOOD)));
        Cli.Result r = Cli.run("policy", "simulate", bom.toString(), "--action", "s3:GetObject", "--resource", "arn:aws:s3:::b/k");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: " + bom + ":1:1: the file starts with a UTF-8 byte-order mark (BOM), which S3 refuses"
                + " (MalformedPolicy: the first byte must be '{'); remove the BOM (save as UTF-8 without BOM) (at /)\n");
    }

    @ParameterizedTest
    @CsvSource({"Access-to-specific-VPCE-only", "Deny outside the VPC", "DenyAccessFromNonGTandCustomerVPC", "deny_v2.1"})
    void sidAcceptsWhatS3BucketPoliciesAccept(String sid) {
        Cli.Result r = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "my-data", "--vpce", "vpce-0123456789abcdef0",
                "--sid", sid);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"Sid\": \"" + sid + "\"");
    }
}
