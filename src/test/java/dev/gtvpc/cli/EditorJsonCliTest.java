package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.io.PolicyReader;
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
 * JSON as editors and other tools leave it — comments, a trailing comma, a byte-order mark, an empty
 * file, whitespace padding — said in gtvpc's words, with a fix line that matches, and removed by --fix.
 */
class EditorJsonCliTest {
    private static final String GOOD = "policies/generated/example-3.strict.json";

    private static String good() {
        return Golden.read(Golden.root().resolve(GOOD));
    }

    /** The good policy with a // comment, a block comment and trailing commas after an object's and an array's last entries. */
    private static String asEditorsLeaveIt() {
        String text = good();
        return "\uFEFF// written by hand\n" + text
                .replaceFirst("\"Version\"", "/* the current grammar */ \"Version\"")
                .replaceFirst("(\"Resource\": \\[[^\\]]*?)(\\s*\\])", "$1,$2")
                .replaceFirst("\"Effect\": \"Deny\",", "\"Effect\": \"Deny\", // unless it comes through an exemption");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "// comment|{\\n  // a note\\n  \"Version\": \"2012-10-17\", \"Statement\": []\\n}|2:3|a // comment: JSON has no comments",
        "/* comment */|{ /* a note */ \"Version\": \"2012-10-17\", \"Statement\": []}|1:3|a /* */ comment: JSON has no comments",
        "comma in an object|{\"Version\": \"2012-10-17\", \"Statement\": [],\\n}|1:42|a comma after the last member or item (a trailing comma)",
        "comma in an array|{\"Version\": \"2012-10-17\", \"Statement\": [{}, ]}|1:43|a comma after the last member or item (a trailing comma)",
        "comment after the end|{\"Version\": \"2012-10-17\", \"Statement\": []} // end|1:44|a // comment: JSON has no comments"})
    void commentsAndTrailingCommasAreNamedInGtvpcsWords(String what, String text, String at, String words) {
        Cli.Result r = Cli.runWithStdin(text.replace("\\n", "\n"), "policy", "lint", "-");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith("<stdin>:" + at + ": error invalid-json: invalid JSON: " + words)
                .contains("'gtvpc policy lint --fix' removes every")
                .doesNotContain("Feature").doesNotContain("ALLOW_");
    }

    @Test
    void aCommentInsideAStringIsNoComment() {
        String text = good().replace("\"Sid\": \"", "\"Sid\": \"//");
        Cli.Result r = Cli.runWithStdin(text, "policy", "lint", "-");
        assertThat(r.out()).doesNotContain("invalid-json");
    }

    @Test
    void otherCommandsSayItInTheSameWords(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), asEditorsLeaveIt().substring(1));
        Cli.Result r = Cli.run("policy", "simulate", file.toString(), "--action", "s3:GetObject", "--resource", "arn:aws:s3:::b/k");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: " + file + ":1:1: invalid JSON: a // comment: JSON has no comments, and S3 refuses"
                + " a policy with one (at /)\n");
    }

    @Test
    void fixRemovesTheBomCommentsAndTrailingCommas(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), asEditorsLeaveIt());
        Path out = dir.resolve("fixed.json");
        Cli.Result r = Cli.run("policy", "lint", "--fix", file.toString(), "-o", out.toString());
        assertThat(r.exit()).as("the sample's placeholders remain: lint of the fixed policy fails").isEqualTo(1);
        assertThat(Files.readString(out)).isEqualTo(good());
        Golden.assertMatches(Golden.testResource("golden/lint/fix-editor-json.stderr"), r.err().replace(dir.toString(), "DIR"));
    }

    @Test
    void theFixLineOfABomAndOfAnEmptyFileMatchesItsMessage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bom.json"), "\uFEFF" + good());
        Files.writeString(dir.resolve("empty.json"), "");
        Cli.Result r = Cli.run("policy", "lint", dir.resolve("bom.json").toString(), dir.resolve("empty.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        Golden.assertMatches(Golden.testResource("golden/lint/bom-and-empty.txt"), r.out().replace(dir.toString(), "DIR"));
        assertThat(r.out()).doesNotContain("fix the JSON at the position given");
    }

    @Test
    void anEmptyFileCannotBeFixedAndSaysSo() {
        Cli.Result r = Cli.runWithStdin("", "policy", "lint", "--fix", "-");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("fix: write the policy into the file").endsWith("<stdin> cannot be read, so it cannot be fixed (see the findings above)\n");
    }

    /** Over 320 KB the reader measures without building a tree; the size it names is still the size without whitespace. */
    @Test
    void theSizeOfAHugePolicyIsCountedWithoutWhitespace() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            values.append(i == 0 ? "" : ",").append("\"arn:aws:s3:::b/").append(i).append('"');
        }
        String compact = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":[" + values + "]}]}";
        String padded = compact.replace(",", ",\n" + " ".repeat(120));
        assertThat(padded.length()).as("above the 320 KB the tree is not built for").isGreaterThan(16 * PolicyReader.MAX_POLICY_BYTES);
        Cli.Result r = Cli.runWithStdin(padded, "policy", "lint", "-");
        assertThat(r.out()).contains("the policy is " + compact.length() + " bytes without whitespace");
    }

    @Test
    void aSmallPolicyPaddedPast320KbIsReadLikeAny() {
        String padded = good().replace("\n", "\n" + " ".repeat(20_000));
        assertThat(padded.length()).isGreaterThan(16 * PolicyReader.MAX_POLICY_BYTES);
        Cli.Result r = Cli.runWithStdin(padded, "policy", "lint", "-");
        assertThat(r.out()).doesNotContain("policy-too-large").doesNotContain("invalid-json");
    }
}
