package dev.gtvpc.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry is what the rule classes declare, and nothing else: the lists the build writes
 * (scripts/RuleList.java) make every rule class compiled under dev.gtvpc.lint.rules (so a class dropped
 * there is found with no list to edit), the order is declared (group, then rank), and a rule's
 * declared needs match what its code does.
 */
class RuleRegistryTest {
    private static final String RULES_PACKAGE = "dev.gtvpc.lint.rules";
    private static final Pattern RULE_CLASS = Pattern.compile(
            "public\\s+(?:final\\s+)?class\\s+(\\w+)\\s+(?:extends\\s+(?:BaseRule|ReadProblemRule)|implements\\s+(?:[\\w.]+\\s*,\\s*)*Rule\\b)");

    @Test
    void theRegistryMakesEveryRuleClassCompiledUnderTheRulesPackage() throws Exception {
        Path classes = Path.of(Rules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> compiled = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes.resolve(RULES_PACKAGE.replace('.', '/')))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replace(".class", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                if (Rule.class.isAssignableFrom(c) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                    compiled.add(name);
                }
            }
        }
        assertThat(compiled).hasSizeGreaterThanOrEqualTo(49);
        assertThat(Rules.ALL.stream().map(r -> r.getClass().getName())).containsExactlyInAnyOrderElementsOf(compiled);
    }

    @Test
    void everyRuleClassInTheSourcesIsRegistered() throws IOException {
        Path sources = Golden.root().resolve("src/main/java").resolve(RULES_PACKAGE.replace('.', '/'));
        List<String> declared = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RULE_CLASS.matcher(Files.readString(f));
                while (m.find()) {
                    declared.add(m.group(1));
                }
            }
        }
        assertThat(declared).hasSizeGreaterThanOrEqualTo(49);
        assertThat(Rules.ALL.stream().map(r -> r.getClass().getSimpleName())).containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void rulesAreOrderedByGroupThenRankAndEachPlaceIsOneRule() {
        assertThat(Rules.ALL).isSortedAccordingTo(Rules.ORDER);
        assertThat(Rules.ALL.stream().map(r -> r.group() + "/" + r.info().rank())).doesNotHaveDuplicates();
        assertThat(Rules.ids()).doesNotHaveDuplicates();
        // the reader's rules: every kind of problem the reader reports has its rule
        for (dev.gtvpc.policy.io.ReadProblem.Kind k : dev.gtvpc.policy.io.ReadProblem.Kind.values()) {
            assertThat(Rules.forKind(k).id()).isEqualTo(k.id());
        }
    }

    /**
     * A rule that asks the evaluator, or reads the user's --vpc/--vpce, declares it. (A rule that reads
     * the trusted service without declaring it is refused by the context as it runs.)
     */
    @Test
    void declaredNeedsMatchWhatTheRuleDoes() throws IOException {
        Path sources = Golden.root().resolve("src/main/java");
        for (Rule r : Rules.ALL) {
            String code = Files.readString(sources.resolve(r.getClass().getName().replace('.', '/') + ".java"));
            boolean evaluates = Stream.of("Evaluator.evaluate", "Probes.decide", "Probes.evaluate", "GroundTruth.evaluate")
                    .anyMatch(code::contains);
            boolean userNetwork = code.contains("options().vpcs()") || code.contains("options().vpces()");
            if (evaluates) {
                assertThat(r.info().needs()).as(r.id()).contains(Need.EVALUATOR);
            }
            if (userNetwork) {
                assertThat(r.info().needs()).as(r.id()).contains(Need.USER_NETWORK);
            }
        }
    }
}
