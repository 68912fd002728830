package dev.gtvpc.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * Every rule fails one policy and passes another: in this file, or in a case file of its own under
     * lint/cases (found by listing the directory), where one case draws it and another does not — so a
     * new rule is its class and its case file, and no list names it.
     */
    @Test
    void everyRuleHasACase() throws IOException {
        Set<String> covered = new TreeSet<>();
        JsonData.list(DATA.get("cases")).forEach(c -> covered.add((String) c.get("rule")));
        try (Stream<Path> files = Files.list(Golden.testResource("lint/cases"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                List<List<String>> drawn = JsonData.list(JsonData.map(JsonData.read(file)).get("cases")).stream()
                        .map(c -> JsonData.strings(c.get("expect"))).toList();
                drawn.stream().flatMap(List::stream).filter(id -> drawn.stream().anyMatch(e -> !e.contains(id))).forEach(covered::add);
            }
        }
        // unreadable-file is about a file, not a text; LintInputsCliTest covers it with real files
        assertThat(Rules.ids().stream().filter(id -> !id.equals("unreadable-file"))).allMatch(covered::contains, "has a case");
        assertThat(covered).allMatch(id -> Rules.find(id).isPresent(), "is a rule");
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
