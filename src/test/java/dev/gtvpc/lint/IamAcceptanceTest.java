package dev.gtvpc.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Lint against IAM's own verdicts: the 132 managed-policy documents of grammar/iam-acceptance.json
 * (CreatePolicy's answers, as moto's tests record them; SOURCES.md beside it). gtvpc judges a document
 * right when it reports an error exactly on those IAM refuses, with {@code --policy-type identity}. Before
 * issue 27 it judged 109 right (grammar/BASELINE.md); the documents it still judges otherwise are listed
 * here with why, and no other may join them.
 */
class IamAcceptanceTest {
    /** Documents where gtvpc and IAM's recorded verdict still differ, each with its reason (README, "Policy types"). */
    private static final Map<String, String> KNOWN = Map.of();

    @Test
    void judgesIamsVerdicts() {
        Map<String, Object> data = JsonData.map(JsonData.read(Golden.testResource("grammar/iam-acceptance.json")));
        Linter linter = new Linter(new LintOptions(Optional.empty(), Optional.empty(), List.of(), List.of(), Set.of(), PolicyKind.IDENTITY),
                GroundTruthAccess.service(RegionTable.bundled()));
        List<String> wrong = new ArrayList<>();
        int right = 0;
        for (Map<String, Object> e : JsonData.list(data.get("entries"))) {
            List<Finding> findings = linter.lint((String) e.get("document"), "doc.json").findings();
            boolean error = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
            boolean accepted = (Boolean) e.get("accepted");
            if (error == !accepted) {
                right++;
            } else {
                wrong.add(e.get("id") + " (" + (accepted ? "accepted" : "refused: " + e.get("errorMessage")) + "): "
                        + findings.stream().map(f -> f.severity().id() + " " + f.ruleId() + " " + f.message()).toList());
            }
        }
        System.out.println("iam-acceptance: " + right + " of " + (right + wrong.size()) + " judged as IAM does");
        assertThat(wrong).as(right + " right").allMatch(w -> KNOWN.containsKey(w.substring(0, w.indexOf(' '))));
    }
}
