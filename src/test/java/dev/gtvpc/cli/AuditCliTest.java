package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code audit --policies}, offline, on records filled from published bucket policies
 * (src/test/resources/audit/SOURCES.md): one golden per format, the verdicts each template must
 * get, --fail-on, --filter, and bad input.
 */
class AuditCliTest {
    static final String RECORDS = "src/test/resources/audit/buckets.jsonl";
    static final String CONFIG_ROWS = "src/test/resources/audit/config-rows.jsonl";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text", "json", "jsonl", "csv", "sarif", "markdown"})
    void everyFormatHasItsGolden(String format) {
        Cli.Result r = Cli.run("audit", "--policies", RECORDS, "--format", format, "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        String ext = switch (format) {
            case "markdown" -> "md";
            case "text" -> "txt";
            default -> format;
        };
        Golden.assertMatches(Golden.testResource("golden/audit/buckets." + ext), r.out());
        if (format.equals("csv")) {
            assertThat(r.err()).isEqualTo("gtvpc audit: 20 buckets judged; read 20 of 20 buckets the source reported;"
                    + " 6 distinct policies proved\n");
        } else {
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void theCsvNamesTheEndpointVpcOrRoleOfEachPerSubjectProperty() {
        Cli.Result r = Cli.run("audit", "--policies", RECORDS, "--format", "csv");
        List<String> properties = r.out().lines().skip(1).map(row -> row.split(",", -1)).flatMap(f -> java.util.Arrays.stream(f[f.length - 2].split(";"))) // properties: next to last
                .filter(p -> p.matches("(vpc|vpce|role)-can-access.*")).toList();
        assertThat(properties).isNotEmpty().allMatch(p -> p.matches("(vpc|vpce|role)-can-access\\[(vpc-|vpce-|arn:aws:iam::)[^\\]]+\\]=[A-Z_]+"));
    }

    @Test
    void eachTemplateGetsItsVerdict() {
        Cli.Result r = Cli.run("audit", "--policies", RECORDS, "--format", "csv");
        List<String> rows = r.out().lines().skip(1).toList();
        assertThat(rows).hasSize(20);
        for (String row : rows) {
            String bucket = row.split(",")[2];
            String verdict = row.split(",")[3];
            String template = bucket.replaceAll("^labeling-(.*)-\\d{6}$", "$1");
            String expected = switch (template) {
                case "gt-strict" -> "gt-ready";
                case "gt-doc-example-2" -> "perimeter-proved"; // the page's placeholder endpoint twice: Ground Truth is kept out
                case "vpce-only" -> "lockout-risk";
                case "tls-only", "data-perimeter-2024" -> "refuted";
                case "public-read" -> "public";
                case "gt-doc-example-3" -> "unreadable"; // StringNotEquals written twice in one Condition
                case "no-policy" -> "no-policy";
                case "unreadable" -> "unreadable";
                default -> throw new AssertionError(template);
            };
            assertThat(verdict).as(bucket).isEqualTo(expected);
        }
    }

    @Test
    void aDistinctPolicyIsProvedOnceWhateverTheThreads() {
        Cli.Result one = Cli.run("audit", "--policies", RECORDS, "--format", "jsonl", "--threads", "1");
        Cli.Result four = Cli.run("audit", "--policies", RECORDS, "--format", "jsonl", "--threads", "4");
        assertThat(four.out()).isEqualTo(one.out());
        assertThat(one.out()).contains("\"distinctPolicies\":6");
    }

    @Test
    void configRowsInEveryEncodingReadAsTheSamePolicies() {
        // the same templates as AWS Config returns them: supplementaryConfiguration as an object or a JSON string,
        // policyText as a JSON string or URL-encoded, null for no policy, no BucketPolicy where Config could not read it
        Cli.Result r = Cli.run("audit", "--policies", CONFIG_ROWS, "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1).map(l -> l.split(",")[3]).distinct().sorted().toList())
                .containsExactly("gt-ready", "lockout-risk", "no-policy", "perimeter-proved", "public", "refuted", "unreadable");
        assertThat(r.out()).contains("the AWS Config record holds no supplementaryConfiguration.BucketPolicy");
        // two accounts: each template proved once per account, but the two that name nothing of the account's own
        // (tls-only, public-read) once for both
        assertThat(r.err()).contains("read 40 of 40 buckets the source reported; 10 distinct policies proved");
        Golden.assertMatches(Golden.testResource("golden/audit/config-rows.csv"), r.out());
    }

    @Test
    void aDirectoryHasOneFilePerBucket() {
        Cli.Result r = Cli.run("audit", "--policies", "src/test/resources/audit/dir", "--region", "us-east-1",
                "--bucket-account", "210000000000");
        assertThat(r.exit()).as(r.err()).isZero();
        Golden.assertMatches(Golden.testResource("golden/audit/dir.txt"), r.out());
    }

    @Test
    void everyEntryOfADirectoryIsCountedAndOneThatCannotBeReadSaysWhy(@TempDir Path dir) throws IOException, InterruptedException {
        Path d = Files.createDirectory(dir.resolve("collected"));
        Files.copy(Path.of("src/test/resources/audit/dir").resolve(firstPolicy()), d.resolve("good.json"));
        Files.writeString(d.resolve("empty.json"), "");
        Files.createSymbolicLink(d.resolve("loop.json"), d.resolve("loop.json"));
        Files.createSymbolicLink(d.resolve("dangling.json"), d.resolve("gone.json"));
        Files.createDirectory(d.resolve("folder.json"));
        Process mkfifo = new ProcessBuilder("mkfifo", d.resolve("pipe.json").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed to make a FIFO");
        Cli.Result r = Cli.run("audit", "--policies", d.toString(), "--region", "us-east-1", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("read 6 of 6 buckets the source reported");
        assertThat(line(r.out(), ",loop,unreadable,")).contains("loop.json: ").contains("symbolic links");
        assertThat(line(r.out(), ",dangling,unreadable,")).contains(d.resolve("dangling.json") + " is a symbolic link to "
                + d.resolve("gone.json") + ", which does not exist");
        assertThat(line(r.out(), ",folder,unreadable,")).contains(d.resolve("folder.json") + " is a directory, not a policy file");
        assertThat(line(r.out(), ",pipe,unreadable,")).contains(d.resolve("pipe.json") + " is not a regular file (a FIFO, socket or device)");
        assertThat(line(r.out(), ",empty,no-policy,")).isNotEmpty();
        assertThat(line(r.out(), ",good,")).doesNotContain(",unreadable,");
    }

    private static String line(String csv, String part) {
        return csv.lines().filter(l -> l.contains(part)).findFirst().orElseThrow(() -> new AssertionError("no line with " + part + " in\n" + csv));
    }

    private static String firstPolicy() throws IOException {
        try (var files = Files.list(Path.of("src/test/resources/audit/dir"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .filter(n -> Files.isRegularFile(Path.of("src/test/resources/audit/dir", n))).findFirst().orElseThrow();
        }
    }

    @Test
    void failOnAVerdictThatOccursIsExitOne() {
        assertThat(Cli.run("audit", "--policies", RECORDS, "--fail-on", "public", "--format", "jsonl").exit()).isEqualTo(1);
        assertThat(Cli.run("audit", "--policies", RECORDS, "--fail-on", "unproved", "--format", "jsonl").exit()).isZero();
        Cli.Result filtered = Cli.run("audit", "--policies", RECORDS, "--fail-on", "public", "--filter", "bucket=*gt-strict*",
                "--format", "jsonl");
        assertThat(filtered.exit()).isZero();
        assertThat(filtered.out()).contains("\"judged\":6").contains("\"filteredOut\":14");
    }

    @Test
    void filtersByAccountRegionAndTag(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("tagged.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"bucket\":\"a-1\",\"account\":\"111122223333\",\"region\":\"us-east-1\",\"policy\":null,\"tags\":{\"data\":\"labeling\"}}",
                "{\"bucket\":\"a-2\",\"account\":\"111122223333\",\"region\":\"eu-west-1\",\"policy\":null,\"tags\":{\"data\":\"logs\"}}",
                "{\"bucket\":\"b-1\",\"account\":\"444455556666\",\"region\":\"us-east-1\",\"policy\":null}") + "\n");
        assertThat(judged(Cli.run("audit", "--policies", f.toString(), "--format", "jsonl", "--filter", "tag:data=labeling"))).isEqualTo(1);
        assertThat(judged(Cli.run("audit", "--policies", f.toString(), "--format", "jsonl", "--filter", "tag:data"))).isEqualTo(2);
        assertThat(judged(Cli.run("audit", "--policies", f.toString(), "--format", "jsonl", "--filter", "region=us-east-1",
                "--filter", "account=444455556666"))).isEqualTo(1);
        assertThat(judged(Cli.run("audit", "--policies", f.toString(), "--format", "jsonl", "--filter", "account=111122223333",
                "--filter", "account=444455556666"))).isEqualTo(3);
    }

    @Test
    void anAccountsFileGivesEachAccountItsInside(@TempDir Path dir) throws IOException {
        Path right = Files.writeString(dir.resolve("right.json"), "{\"210000000000\": {\"vpc\": \"vpc-0abc1234def560000\","
                + " \"vpce\": [\"vpce-0a1b2c3d4e5f60000\"], \"role-arn\": [\"arn:aws:iam::210000000000:role/LabelingAdmin\"]}}");
        Cli.Result r = Cli.run("audit", "--policies", RECORDS, "--accounts", right.toString(), "--filter", "bucket=*gt-strict*",
                "--format", "jsonl");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"gt-ready\":6").doesNotContain("were taken to be the account's own");
        // the account's real VPC is another one: the policy keeps it out
        Path wrong = Files.writeString(dir.resolve("wrong.json"), "{\"210000000000\": {\"vpc\": \"vpc-0fedcba9876543210\"}}");
        Cli.Result w = Cli.run("audit", "--policies", RECORDS, "--accounts", wrong.toString(), "--filter", "bucket=*gt-strict-000000",
                "--format", "text");
        assertThat(w.out()).startsWith("refuted ").contains("vpc-can-access refuted (vpc-0fedcba9876543210)")
                .contains("EXPLICIT_DENY by statement DenyAccessFromNonGTandCustomerVPC");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"2100\": {}}");
        Cli.Result b = Cli.run("audit", "--policies", RECORDS, "--accounts", bad.toString());
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).contains("account 2100 is not a 12-digit account ID");
    }

    private static int judged(Cli.Result r) {
        String last = r.out().lines().reduce((a, b) -> b).orElseThrow();
        return Integer.parseInt(last.replaceAll(".*\"judged\":(\\d+).*", "$1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "--policies|src/test/resources/audit/buckets.jsonl|--format|yaml",
        "--policies|src/test/resources/audit/buckets.jsonl|--fail-on|broken",
        "--policies|src/test/resources/audit/buckets.jsonl|--filter|owner=me",
        "--policies|src/test/resources/audit/buckets.jsonl|--vpc|vpc-1",
        "--policies|no/such/dir",
        "--policies|src/test/resources/audit/bad.jsonl",
        "--region|us-east-1"})
    void badInputIsOneLineAndExitTwo(String args) {
        String[] a = ("audit|" + args).split("\\|");
        Cli.Result r = Cli.run(a);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
