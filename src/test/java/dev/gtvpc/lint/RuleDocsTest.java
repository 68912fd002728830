package dev.gtvpc.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.render.ProjectLinks;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/rules: a page per lint rule, written from the rule's own description ({@link RuleInfo}: its id,
 * severity, group, the policy types it runs for, summary and the AWS page it rests on), and an index. SARIF's helpUri points at these pages
 * ({@link ProjectLinks#rulePage}); this test fails when a page is missing, stale or left over.
 * Regenerate: {@code mvn -o test -Dtest=RuleDocsTest -Dgolden.update=true}.
 */
class RuleDocsTest {
    private static final Path DOCS = Golden.root().resolve("docs/rules");
    private static final String GENERATED = "<!-- generated from the rule's own description by RuleDocsTest"
            + " (mvn test -Dtest=RuleDocsTest -Dgolden.update=true); edit the rule, not this page -->\n";

    static String page(Rule rule) {
        return "# " + rule.id() + "\n\n" + GENERATED + "\n"
                + "| severity | group | runs for |\n|---|---|---|\n| " + rule.severity().id() + " | " + rule.group().id() + " | "
                + String.join(", ", rule.info().policyTypes().stream().map(PolicyKind::cliName).toList()) + " policies |\n\n"
                + rule.summary() + "\n\n"
                + "Rests on: <" + rule.helpUri() + ">\n\n"
                + "Turn it off for a run with `gtvpc policy lint --disable " + rule.id() + "`, for a project with\n"
                + "`lint: {disable: [" + rule.id() + "]}` in `.gtvpc.yaml`; accept one finding with a baseline\n"
                + "(`--create-baseline`). `gtvpc policy lint --list-rules` lists every rule.\n";
    }

    static String index() {
        StringBuilder out = new StringBuilder("# gtvpc lint rules\n\n" + GENERATED + "\n| rule | severity | group | flags |\n|---|---|---|---|\n");
        for (Rule rule : Rules.ALL) {
            out.append("| [").append(rule.id()).append("](").append(rule.id()).append(".md) | ").append(rule.severity().id()).append(" | ")
                    .append(rule.group().id()).append(" | ").append(rule.summary().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    @Test
    void everyRuleHasItsPageAndNoPageIsLeftOver() throws IOException {
        for (Rule rule : Rules.ALL) {
            Golden.assertMatches(DOCS.resolve(rule.id() + ".md"), page(rule));
        }
        Golden.assertMatches(DOCS.resolve("README.md"), index());
        TreeSet<String> expected = new TreeSet<>(Rules.ids().stream().map(id -> id + ".md").toList());
        expected.add("README.md");
        try (Stream<Path> files = Files.list(DOCS)) {
            List<String> present = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(present).as("docs/rules holds a page per rule and the index, nothing else").containsExactlyElementsOf(expected);
        }
    }

    @Test
    void helpUriIsTheRulesPage() {
        assertThat(ProjectLinks.rulePage("lockout-risk")).endsWith("/blob/main/docs/rules/lockout-risk.md").startsWith(ProjectLinks.home());
    }
}
