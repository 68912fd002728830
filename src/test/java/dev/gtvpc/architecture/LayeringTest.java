package dev.gtvpc.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.architecture.Layering.Kind;
import dev.gtvpc.architecture.Layering.Violation;
import dev.gtvpc.testing.Golden;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's layering, checked on the sources ({@link Layering}'s rules), and shown to fail on a
 * tree with each kind of violation planted, written the ways an import-only check would miss.
 */
class LayeringTest {
    @Test
    void theSourcesKeepTheLayering() {
        // the sources and what the build generates from them (the lists of lint rules): all that is compiled
        SourceGraph g = SourceGraph.read(List.of(Golden.root().resolve("src/main/java"),
                Golden.root().resolve("target/generated-sources/rule-list")), Layering.ROOT);
        assertThat(g.packages()).contains("dev.gtvpc.lint.rules.groundtruth");
        assertThat(g.fileLines()).containsKey("dev/gtvpc/lint/RulePackages.java");
        assertThat(Layering.violations(g)).isEmpty();
        // the reader sees names written inline, not only import lines: cli uses the lint rules so, and nowhere by import
        assertThat(g.dependencies("dev.gtvpc.cli")).containsKey("dev.gtvpc.lint.rules");
    }

    @Test
    void aPlantedViolationOfEachKindIsReported() {
        Map<String, String> tree = new TreeMap<>();
        // eval reaches groundtruth by a fully qualified name alone, and groundtruth imports eval: a cycle
        tree.put("dev/gtvpc/eval/Evaluator.java", """
                package dev.gtvpc.eval;

                public final class Evaluator {
                    Object table = dev.gtvpc.groundtruth.RegionTable.bundled();
                }
                """);
        tree.put("dev/gtvpc/groundtruth/RegionTable.java", """
                package dev.gtvpc.groundtruth;

                import dev.gtvpc.eval.Evaluator;

                public final class RegionTable {
                    static RegionTable bundled() { return new RegionTable(); }
                }
                """);
        // verify reaches groundtruth only through eval: the engine rule follows the chain
        tree.put("dev/gtvpc/verify/Verifier.java", """
                package dev.gtvpc.verify;

                import static dev.gtvpc.eval.Evaluator.*;

                final class Verifier {
                }
                """);
        // the model names a library inline and a higher package in a static import; what comments and strings say is no use
        tree.put("dev/gtvpc/policy/Policy.java", """
                package dev.gtvpc.policy;

                import static dev.gtvpc.lint.Rules.find;

                /** Read by {@link dev.gtvpc.cli.Main}; see also dev.gtvpc.render.Text. */
                public final class Policy {
                    // dev.gtvpc.groundtruth.RegionTable is not used here
                    String name = "dev.gtvpc.groundtruth.RegionTable";
                    String block = \"""
                            dev.gtvpc.groundtruth.RegionTable
                            \""";
                    char quote = '"';
                    java.util.List<com.fasterxml.jackson.core.JsonParser> parsers;
                    Policy self = dev.gtvpc.policy.Policy.empty();
                    static Policy empty() { return null; }
                }
                """);
        tree.put("dev/gtvpc/lint/Rules.java", """
                package dev.gtvpc.lint;

                public final class Rules {
                    static Object find() { return null; }
                }
                """);
        tree.put("dev/gtvpc/newpackage/Thing.java", "package dev.gtvpc.newpackage;\nfinal class Thing {\n}\n");
        tree.put("dev/gtvpc/render/Long.java", "package dev.gtvpc.render;\n" + "\n".repeat(Layering.MAX_LINES + 1)
                + "final class Long {}\n");

        List<Violation> found = Layering.violations(SourceGraph.of(tree, Layering.ROOT));

        assertThat(found).filteredOn(v -> v.kind() == Kind.CYCLE).extracting(Violation::where).containsExactly("eval, groundtruth");
        assertThat(found).filteredOn(v -> v.kind() == Kind.ENGINE_REACHES_GROUND_TRUTH).extracting(Violation::where)
                .containsExactlyInAnyOrder("eval", "verify");
        assertThat(found).filteredOn(v -> v.kind() == Kind.FORBIDDEN_PACKAGE).extracting(Violation::where)
                .containsExactlyInAnyOrder("eval", "policy");
        assertThat(found).filteredOn(v -> v.kind() == Kind.FORBIDDEN_PACKAGE && v.where().equals("policy"))
                .extracting(Violation::evidence).singleElement().asString().contains("dev.gtvpc.lint.Rules");
        assertThat(found).filteredOn(v -> v.kind() == Kind.LIBRARY).extracting(Violation::where).containsExactly("policy");
        assertThat(found).filteredOn(v -> v.kind() == Kind.UNPLACED_PACKAGE).extracting(Violation::where).containsExactly("newpackage");
        assertThat(found).filteredOn(v -> v.kind() == Kind.FILE_TOO_LONG).extracting(Violation::where)
                .containsExactly("dev/gtvpc/render/Long.java");
        // nothing from the comments, the strings, the text block, or the package's own name for itself
        assertThat(found).noneMatch(v -> v.evidence().contains("dev.gtvpc.cli") || v.evidence().contains("dev.gtvpc.render")
                || v.evidence().contains("policy.Policy"));
        assertThat(found).filteredOn(v -> v.kind() == Kind.FORBIDDEN_PACKAGE && v.where().equals("policy")).hasSize(1);
    }
}
