package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code policy lint --format junit|github|gitlab}, {@code --quiet} and {@code --min-severity} on public
 * policies (the corpus's, SOURCES.md there), against golden files, and each format read back as its
 * consumer reads it: JUnit XML parsed, every GitHub workflow command of the documented shape
 * (https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions, escaping as the
 * Actions toolkit's command.ts), GitLab Code Quality issues with the fields GitLab requires
 * (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format) and unique fingerprints.
 */
class LintCiFormatsCliTest {
    static final List<String> POLICIES = new ArrayList<>(PolicyLintBaselineCliTest.POLICIES);

    static {
        POLICIES.add("src/test/resources/lint-ci/odd,name 100%.json");
    }

    private static Cli.Result lint(String... options) {
        List<String> args = new ArrayList<>(List.of("policy", "lint"));
        args.addAll(List.of(options));
        args.addAll(POLICIES);
        return Cli.run(args.toArray(String[]::new));
    }

    private static void golden(String name, Cli.Result r) {
        Golden.assertMatches(Golden.testResource("golden/lint/ci/" + name),
                "exit " + r.exit() + "\n--- stdout\n" + r.out() + "--- stderr\n" + r.err());
    }

    @Test
    void junitIsXmlATestcaseAFinding() throws Exception {
        Cli.Result r = lint("--format", "junit");
        golden("junit.txt", r);
        assertThat(r.exit()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        NodeList cases = root.getElementsByTagName("testcase");
        NodeList failures = root.getElementsByTagName("failure");
        assertThat(root.getAttribute("tests")).isEqualTo(Integer.toString(cases.getLength()));
        assertThat(root.getAttribute("failures")).isEqualTo(Integer.toString(failures.getLength()));
        assertThat(root.getElementsByTagName("testsuite").getLength()).isEqualTo(POLICIES.size());
    }

    @Test
    void aCleanFileIsOnePassingTestcase() throws Exception {
        // by endpoint: a VPC by ID (aws:SourceVpc) would draw source-vpc-without-region
        Cli.Result generated = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "labels-bucket-1",
                "--vpce", "vpce-0fedcba9876543210");
        Cli.Result r = Cli.runWithStdin(generated.out(), "policy", "lint", "--region", "us-east-1", "--format", "junit", "-");
        golden("junit-clean.txt", r);
        assertThat(r.exit()).isZero();
    }

    /** ::LEVEL file=F,line=L,col=C,title=T::MESSAGE, with no raw ',' or ':' in a property and no raw line break. */
    private static final Pattern WORKFLOW_COMMAND =
            Pattern.compile("::(error|warning|notice) file=[^,:\\r\\n]+,line=\\d+,col=\\d+,title=[^,:\\r\\n]+::[^\\r\\n]+");

    @Test
    void githubIsAWorkflowCommandAFindingThenTheSummary() {
        Cli.Result r = lint("--format", "github");
        golden("github.txt", r);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> WORKFLOW_COMMAND.matcher(l).matches());
        assertThat(lines.get(lines.size() - 1)).startsWith(POLICIES.size() + " files: ");
        assertThat(r.out()).contains("file=src/test/resources/lint-ci/odd%2Cname 100%25.json,");
    }

    @Test
    void gitlabIsCodeQualityJsonWithUniqueFingerprints() throws Exception {
        Cli.Result r = lint("--format", "gitlab");
        golden("gitlab.txt", r);
        JsonNode issues = new ObjectMapper().readTree(r.out());
        assertThat(issues.isArray()).isTrue();
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode issue : issues) {
            assertThat(issue.path("description").isTextual()).isTrue();
            assertThat(issue.path("check_name").isTextual()).isTrue();
            assertThat(issue.path("severity").asText()).isIn("info", "minor", "major", "critical", "blocker");
            assertThat(issue.path("location").path("path").isTextual()).isTrue();
            assertThat(issue.path("location").path("lines").path("begin").isInt()).isTrue();
            assertThat(fingerprints.add(issue.path("fingerprint").asText())).as("unique fingerprint %s", issue).isTrue();
        }
        assertThat(issues.size()).isPositive();
    }

    @Test
    void quietIsFindingsOnly() {
        Cli.Result r = lint("--quiet");
        golden("quiet.txt", r);
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(lint().exit());
    }

    @Test
    void minSeverityHidesAndStillCounts() {
        Cli.Result r = lint("--min-severity", "error", "--fail-on", "suggestion");
        golden("min-severity.txt", r);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).doesNotContain(" suggestion key-name-case");
        Cli.Result quiet = lint("--min-severity", "error", "--quiet");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void minSeverityIsChecked() {
        Cli.Result r = lint("--min-severity", "warn");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("gtvpc: --min-severity: 'warn' is not one of error, security-warning, warning, suggestion");
    }
}
