package dev.gtvpc.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One case file per class of false alarm or missed defect (src/test/resources/lint/cases), each citing
 * the AWS pages it rests on, with true examples (the rule fires) and false ones (it stays silent).
 * {@code expect} is the exact list of rule ids the case draws; {@code places} the number of places of
 * a finding; {@code messages} and {@code fixes} text a finding's message or fix must contain;
 * {@code pointers} the JSON pointer of a rule's first finding; {@code severities} the severity of a rule's first finding (rules whose severity follows the policy type
 * or the case).
 */
class LintCaseFilesTest {
    @TestFactory
    Stream<DynamicNode> everyCaseDrawsExactlyItsFindings() throws IOException {
        Path dir = Golden.testResource("lint/cases");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream().map(file -> {
            Map<String, Object> data = JsonData.map(JsonData.read(file));
            assertThat(JsonData.list(data.get("pages"))).as(file + " cites its pages").isNotEmpty();
            return DynamicContainer.dynamicContainer(file.getFileName().toString(), JsonData.list(data.get("cases")).stream()
                    .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check(c))));
        });
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> c) {
        List<Finding> findings = LintRulesTest.lint(c);
        String described = findings.stream().map(f -> f.ruleId() + " " + f.pointer() + ": " + f.message()).toList().toString();
        assertThat(LintRulesTest.ids(findings)).as(described).containsExactlyInAnyOrderElementsOf(JsonData.strings(c.get("expect")));
        ((Map<String, Object>) c.getOrDefault("places", Map.of())).forEach((rule, n) -> assertThat(findings.stream()
                .filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow().places()).hasSize(((Number) n).intValue()));
        ((Map<String, Object>) c.getOrDefault("messages", Map.of())).forEach((rule, text) -> assertThat(findings.stream()
                .filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow().message()).contains((String) text));
        ((Map<String, Object>) c.getOrDefault("fixes", Map.of())).forEach((rule, text) -> assertThat(findings.stream()
                .filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow().fix()).contains((String) text));
        ((Map<String, Object>) c.getOrDefault("pointers", Map.of())).forEach((rule, pointer) -> assertThat(findings.stream()
                .filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow().pointer()).as(rule).isEqualTo(pointer));
        ((Map<String, Object>) c.getOrDefault("severities", Map.of())).forEach((rule, level) -> assertThat(findings.stream()
                .filter(f -> f.ruleId().equals(rule)).findFirst().orElseThrow().severity().id()).as(rule).isEqualTo(level));
    }
}
