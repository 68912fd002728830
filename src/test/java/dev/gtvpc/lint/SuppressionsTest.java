package dev.gtvpc.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.render.LintRenderer;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Suppressions through the API the input layer will use: a target with its own address and the
 * skips written in its source (CloudFormation Metadata, once the input layer reads it), on a
 * public corpus policy; and what is stale and what is merely unchecked.
 */
class SuppressionsTest {
    private static final String POLICY = "corpus/bucket/vpcug-2021-my-secure-bucket-vpc.json";
    private static final String ADDRESS = "Resources.SecureBucketPolicy";
    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");

    private static LintTarget target() throws IOException {
        String text = Files.readString(Golden.testResource(POLICY));
        LintReport report = new Linter(LintOptions.none(), GroundTruthAccess.service(RegionTable.bundled())).lint(text, "template.yaml");
        return LintTarget.of(ADDRESS, report, text);
    }

    @Test
    void anInSourceSkipCoversEveryFindingOfItsRuleOnItsResourceOnly() throws IOException {
        Suppression skip = Suppression.inSource("placeholder-left", ADDRESS, Optional.of("filled in by the pipeline"),
                "Resources.SecureBucketPolicy Metadata gtvpc.skip[0]");
        LintTarget t = target().withInSource(List.of(skip));
        LintTarget elsewhere = LintTarget.of("Resources.Other", t.report(), t.text()).withInSource(List.of(skip));
        Review review = Suppressions.review(List.of(t, elsewhere), List.of(), TODAY, id -> true);

        List<Review.Judged> mine = review.targets().get(0).findings();
        assertThat(mine).filteredOn(j -> j.finding().ruleId().equals("placeholder-left")).isNotEmpty()
                .allMatch(j -> j.suppression().orElseThrow() == skip);
        assertThat(mine).filteredOn(j -> !j.finding().ruleId().equals("placeholder-left")).isNotEmpty().noneMatch(Review.Judged::suppressed);
        assertThat(review.targets().get(1).findings()).as("a skip names its own resource").noneMatch(Review.Judged::suppressed);
        assertThat(review.notes()).isEmpty();
    }

    @Test
    void inTheSarifAnInSourceSkipIsKindInSourceAndABaselineEntryExternal() throws IOException {
        LintTarget t = target().withInSource(List.of(Suppression.inSource("placeholder-left", ADDRESS, Optional.empty(),
                "Resources.SecureBucketPolicy Metadata")));
        Review first = Suppressions.review(List.of(t), List.of(), TODAY, id -> true);
        Review.Judged lockout = first.targets().get(0).findings().stream().filter(j -> j.finding().ruleId().equals("lockout-risk"))
                .findFirst().orElseThrow();
        Suppression entry = new Suppression(Suppression.Kind.EXTERNAL, "lockout-risk", ADDRESS, Optional.of(lockout.fingerprint()),
                Optional.of("break-glass"), Optional.empty(), "baseline b.json", Optional.empty());
        Review review = Suppressions.review(List.of(t), List.of(entry), TODAY, id -> true);

        JsonNode log = new ObjectMapper().readTree(LintRenderer.sarif(review, "test", Path.of("/work")));
        List<String> kinds = log.at("/runs/0/results").findValues("suppressions").stream().map(s -> s.at("/0/kind").asText()).toList();
        assertThat(kinds).containsExactlyInAnyOrder("inSource", "external");
        assertThat(log.at("/runs/0/results").findValues("justification").stream().map(JsonNode::asText))
                .containsExactlyInAnyOrder("no reason given (Resources.SecureBucketPolicy Metadata)", "break-glass (baseline b.json)");

        // a baseline rewritten from this run leaves out what the source itself skips
        String written = Baseline.write(review, List.of(entry));
        assertThat(written).contains("\"rule\": \"lockout-risk\"").contains("\"reason\": \"break-glass\"")
                .contains("\"rule\": \"key-name-case\"").doesNotContain("placeholder-left");
        assertThat(Baseline.read(written, "b.json")).hasSize(Baseline.count(review));
    }

    @Test
    void anEntryIsStaleOnlyWhereItCouldHaveMatched() throws IOException {
        LintTarget t = target();
        Suppression forDisabledRule = new Suppression(Suppression.Kind.EXTERNAL, "gt-actions-open", ADDRESS, Optional.of("0123456789abcdef"),
                Optional.empty(), Optional.empty(), "baseline b.json", Optional.empty());
        Suppression gone = new Suppression(Suppression.Kind.EXTERNAL, "lockout-risk", ADDRESS, Optional.of("0123456789abcdef"),
                Optional.empty(), Optional.empty(), "baseline b.json", Optional.empty());
        Suppression otherFile = new Suppression(Suppression.Kind.EXTERNAL, "lockout-risk", "policies/other.json", Optional.of("0123456789abcdef"),
                Optional.empty(), Optional.empty(), "baseline b.json", Optional.empty());
        Review review = Suppressions.review(List.of(t), List.of(forDisabledRule, gone, otherFile), TODAY, id -> !id.equals("gt-actions-open"));
        assertThat(review.notes()).extracting(Review.Note::level).containsExactly(Review.Note.Level.INFO, Review.Note.Level.INFO);
        assertThat(review.notes().get(0).message()).startsWith("baseline b.json: the entry for lockout-risk on " + ADDRESS
                + " (fingerprint 0123456789abcdef) matches no finding in this run");
        assertThat(review.notes().get(1).message()).isEqualTo("baseline b.json: entries for 1 target this run did not lint"
                + " (policies/other.json) were not checked");
        assertThat(review.suppressedCount()).isZero();
    }

    @Test
    void aFileThatDoesNotReadAsAPolicyHasOnlyItsReaderFindingsJudged() throws IOException {
        // the Ground Truth page's example 3 has a key written twice: only the reader's rules ran on it
        String text = Files.readString(Golden.testResource("corpus/bucket/sagemaker-gt-current-example-3.json"));
        LintReport report = new Linter(LintOptions.none(), GroundTruthAccess.service(RegionTable.bundled())).lint(text, "ex3.json");
        assertThat(report.policy()).isEmpty();
        LintTarget t = LintTarget.of("ex3.json", report, text);
        Suppression duplicateKey = new Suppression(Suppression.Kind.EXTERNAL, "duplicate-key", "ex3.json", Optional.of("0123456789abcdef"),
                Optional.empty(), Optional.of(LocalDate.parse("2026-01-31")), "baseline b.json", Optional.empty());
        Suppression lockout = new Suppression(Suppression.Kind.EXTERNAL, "lockout-risk", "ex3.json", Optional.of("0123456789abcdef"),
                Optional.empty(), Optional.empty(), "baseline b.json", Optional.empty());
        Review review = Suppressions.review(List.of(t), List.of(duplicateKey, lockout), TODAY, id -> true);
        assertThat(review.notes()).extracting(Review.Note::message).containsExactly(
                "baseline b.json: the entry for duplicate-key on ex3.json (fingerprint 0123456789abcdef) matches no finding in this run"
                        + " (the defect is gone, its statement changed, or this run's options do not raise it) and expired on 2026-01-31;"
                        + " remove it, or rewrite the baseline with --create-baseline",
                "baseline b.json: ex3.json could not be read as a policy, so its entries for other rules than the reader's were not checked");
    }

    @Test
    void invalidJsonIsNeverSuppressed() throws IOException {
        String text = Files.readString(Golden.testResource("corpus/bucket/vpc-flow-logs.json"));
        LintReport report = new Linter(LintOptions.none(), GroundTruthAccess.service(RegionTable.bundled())).lint(text, "f.json");
        LintTarget t = LintTarget.of("f.json", report, text).withInSource(List.of(Suppression.inSource("invalid-json", "f.json", Optional.empty(), "test")));
        Review review = Suppressions.review(List.of(t), List.of(), TODAY, id -> true);
        assertThat(review.targets().get(0).findings()).singleElement().matches(j -> !j.suppressed());
    }
}
