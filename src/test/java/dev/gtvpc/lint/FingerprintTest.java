package dev.gtvpc.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fingerprint on the corpus of public policies (src/test/resources/corpus): what does not change
 * the offending statement keeps every fingerprint — reindenting, reordering members (except two of one name), reordering
 * statements, a Statement object written as a one-element list — and a change inside a statement
 * changes the fingerprints of the findings in it and of no other.
 */
class FingerprintTest {
    private static final Linter LINTER = new Linter(LintOptions.none(), GroundTruthAccess.service(RegionTable.bundled()));

    static Stream<String> policies() throws IOException {
        List<String> all = new ArrayList<>();
        for (String folder : List.of("bucket", "endpoint")) {
            try (Stream<Path> files = Files.list(Golden.testResource("corpus/" + folder))) {
                files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> folder + "/" + p.getFileName()).forEach(all::add);
            }
        }
        return all.stream();
    }

    private static String read(String policy) throws IOException {
        return Files.readString(Golden.testResource("corpus/" + policy));
    }

    /** The sorted (rule, fingerprint) pairs of the findings of {@code text}. */
    private static List<String> fingerprints(String text) {
        LintTarget t = LintTarget.of("p.json", LINTER.lint(text, "p.json"), text);
        List<String> out = new ArrayList<>();
        for (Finding f : t.report().findings()) {
            out.add(f.ruleId() + " " + Fingerprint.of(f, t.document(), t.text()));
        }
        Collections.sort(out);
        return out;
    }

    private static Optional<Json.Value> parse(String text) {
        try {
            return Optional.of(Json.parse(text));
        } catch (Json.SyntaxException e) {
            return Optional.empty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void reformattingAndReorderingKeepEveryFingerprint(String policy) throws IOException {
        String text = read(policy);
        Optional<Json.Value> tree = parse(text);
        if (tree.isEmpty()) {
            return; // invalid JSON in the corpus: it has no element to reorder (covered below)
        }
        List<String> before = fingerprints(text);
        assertThat(fingerprints(Json.write(tree.get(), false))).as("compact").isEqualTo(before);
        assertThat(fingerprints(Json.write(tree.get(), true))).as("reindented").isEqualTo(before);
        assertThat(fingerprints(Json.write(reversedMembers(tree.get()), true))).as("members reversed").isEqualTo(before);
        assertThat(fingerprints(Json.write(reversedStatements(tree.get()), true))).as("statements reversed").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void aChangedStatementChangesItsFindingsFingerprintsAndNoOthers(String policy) throws IOException {
        String text = read(policy);
        Optional<Json.Value> tree = parse(text);
        if (tree.isEmpty() || !(tree.get() instanceof Json.Obj root) || !(root.get("Statement").orElse(null) instanceof Json.Arr list)
                || list.items().size() < 2) {
            return;
        }
        // a new Sid changes nothing a rule looks at (unless it collides, which "zz-changed" does not)
        for (int i = 0; i < list.items().size(); i++) {
            String changed = Json.write(withSid(root, i, "zz-changed-" + i), true);
            LintTarget before = LintTarget.of("p.json", LINTER.lint(text, "p.json"), text);
            LintTarget after = LintTarget.of("p.json", LINTER.lint(changed, "p.json"), changed);
            assertThat(after.report().findings()).hasSameSizeAs(before.report().findings());
            for (int k = 0; k < before.report().findings().size(); k++) {
                Finding f = before.report().findings().get(k);
                Finding g = after.report().findings().get(k);
                String prefix = "/Statement/" + i;
                boolean inChanged = f.places().stream().anyMatch(p -> p.pointer().equals(prefix) || p.pointer().startsWith(prefix + "/"));
                boolean same = Fingerprint.of(f, before.document(), text).equals(Fingerprint.of(g, after.document(), changed));
                assertThat(same).as("%s %s at %s, statement %d changed", policy, f.ruleId(), f.pointer(), i).isEqualTo(!inChanged);
            }
        }
    }

    @Test
    void aStatementObjectAndAOneElementListAreTheSameElement() throws IOException {
        String asList = read("bucket/s3ug-example-bucket-policies-01.json");
        Json.Obj root = (Json.Obj) parse(asList).orElseThrow();
        Json.Arr list = (Json.Arr) root.get("Statement").orElseThrow();
        assertThat(list.items()).hasSize(1);
        List<Json.Member> members = new ArrayList<>();
        for (Json.Member m : root.members()) {
            members.add(m.name().equals("Statement") ? Json.member("Statement", list.items().get(0)) : m);
        }
        String asObject = Json.write(Json.obj(members), true);
        assertThat(fingerprints(asList)).isNotEmpty().isEqualTo(fingerprints(asObject));
    }

    @Test
    void invalidJsonIsFingerprintedByItsTextWithoutWhitespace() throws IOException {
        String text = read("bucket/vpc-flow-logs.json");
        assertThat(parse(text)).isEmpty();
        List<String> before = fingerprints(text);
        assertThat(before).singleElement().asString().startsWith("invalid-json ");
        assertThat(fingerprints(text.replace("\n", "\n  "))).isEqualTo(before);
        assertThat(fingerprints(text.replace("account_id", "account-id"))).isNotEqualTo(before);
    }

    @Test
    void theFingerprintIsSixteenHexDigitsAndDependsOnTheRule() throws IOException {
        String text = read("bucket/s3ug-example-bucket-policies-01.json");
        LintTarget t = LintTarget.of("p.json", LINTER.lint(text, "p.json"), text);
        Finding f = t.report().findings().get(0);
        String fp = Fingerprint.of(f, t.document(), text);
        assertThat(fp).matches("[0-9a-f]{16}");
        Finding other = new Finding("key-name-case", f.severity(), f.message(), f.fix(), f.pointer(), f.location(), f.alsoAt());
        assertThat(Fingerprint.of(other, t.document(), text)).isNotEqualTo(fp);
        Finding moved = new Finding(f.ruleId(), f.severity(), f.message(), f.fix(), f.pointer(),
                new dev.gtvpc.policy.io.SourceLocation(99, 9), f.alsoAt());
        assertThat(Fingerprint.of(moved, t.document(), text)).as("line numbers play no part").isEqualTo(fp);
    }

    private static Json.Value reversedMembers(Json.Value v) {
        if (v instanceof Json.Obj o) {
            List<Json.Member> members = new ArrayList<>();
            for (Json.Member m : o.members()) {
                members.add(Json.member(m.name(), reversedMembers(m.value())));
            }
            // names in reverse order; a key written twice keeps its two in order, since swapping them changes what last-key-wins parsers read
            members.sort(java.util.Comparator.comparing(Json.Member::name).reversed());
            return Json.obj(members);
        }
        if (v instanceof Json.Arr a) {
            return Json.arr(a.items().stream().map(FingerprintTest::reversedMembers).toList());
        }
        return v;
    }

    private static Json.Value reversedStatements(Json.Value v) {
        if (!(v instanceof Json.Obj o)) {
            return v;
        }
        List<Json.Member> members = new ArrayList<>();
        for (Json.Member m : o.members()) {
            if (m.name().equals("Statement") && m.value() instanceof Json.Arr a) {
                List<Json.Value> items = new ArrayList<>(a.items());
                Collections.reverse(items);
                members.add(Json.member("Statement", Json.arr(items)));
            } else {
                members.add(m);
            }
        }
        return Json.obj(members);
    }

    private static Json.Obj withSid(Json.Obj root, int index, String sid) {
        List<Json.Member> members = new ArrayList<>();
        for (Json.Member m : root.members()) {
            if (m.name().equals("Statement") && m.value() instanceof Json.Arr a) {
                List<Json.Value> items = new ArrayList<>(a.items());
                Json.Obj s = (Json.Obj) items.get(index);
                List<Json.Member> sm = new ArrayList<>();
                sm.add(Json.member("Sid", Json.str(sid)));
                s.members().stream().filter(x -> !x.name().equals("Sid")).forEach(sm::add);
                items.set(index, Json.obj(sm));
                members.add(Json.member("Statement", Json.arr(items)));
            } else {
                members.add(m);
            }
        }
        return Json.obj(members);
    }
}
