package dev.gtvpc.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule fires on its failing policy and stays silent on its passing one (src/test/resources/lint/rules.json). */
class LintRulesTest {
    private static final Map<String, Object> DATA = JsonData.map(JsonData.read(Golden.testResource("lint/rules.json")));

    @TestFactory
    Stream<DynamicNode> eachRuleFailsAndPasses() {
        return JsonData.list(DATA.get("cases")).stream().map(c -> {
            String rule = (String) c.get("rule");
            return DynamicContainer.dynamicContainer(rule, Stream.of(
                    DynamicTest.dynamicTest("fails", () -> assertThat(ids(lint(JsonData.map(c.get("fails")))))
                            .as("findings of the failing case").contains(rule)),
                    DynamicTest.dynamicTest("passes", () -> assertThat(lint(JsonData.map(c.get("passes"))))
                            .as("findings of the passing case").isEmpty())));
        });
    }

    @Test
    void everyRuleHasACase() {
        List<String> covered = JsonData.list(DATA.get("cases")).stream().map(c -> (String) c.get("rule")).toList();
        // unreadable-file is about a file, not a text; LintInputsCliTest covers it with real files
        assertThat(covered).containsExactlyInAnyOrderElementsOf(Rules.ids().stream().filter(id -> !id.equals("unreadable-file")).toList());
    }

    @Test
    void ruleIdsAreKebabCaseAndUnique() {
        assertThat(Rules.ids()).allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*")).doesNotHaveDuplicates();
    }

    static List<Finding> lint(Map<String, Object> c) {
        String text = c.containsKey("text") ? (String) c.get("text") : Json.write(JsonData.toJson(c.get("policy")), true);
        LintOptions options = new LintOptions(Optional.ofNullable((String) c.get("region")), Optional.ofNullable((String) c.get("bucket")),
                c.containsKey("vpcs") ? JsonData.strings(c.get("vpcs")) : List.of(),
                c.containsKey("vpces") ? JsonData.strings(c.get("vpces")) : List.of(), Set.of(),
                c.containsKey("policyType") ? PolicyKind.valueOf((String) c.get("policyType")) : PolicyKind.BUCKET);
        return new Linter(options, GroundTruthAccess.service(RegionTable.bundled())).lint(text, "case.json").findings();
    }

    static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }
}
