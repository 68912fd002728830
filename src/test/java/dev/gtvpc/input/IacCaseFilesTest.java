package dev.gtvpc.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One case file per behaviour of the IaC readers (src/test/resources/iac/cases), each naming the
 * CloudFormation or Terraform pages it rests on. A case is a template ({@code template}, its lines) or a
 * plan ({@code plan}), the values given ({@code params}, as --cfn-param and the command's --region and
 * --bucket-account give them), and what must come of it: the {@code targets} in order — each with its
 * {@code address}, {@code kind}, and either its resolved {@code policy}, its {@code variants} (name and
 * policy of each), {@code unknown: true} for a policy the file does not hold — optionally its exact
 * {@code unknowns} and text its {@code notes} must contain; or an {@code error} whose one line must
 * contain each of the given texts. The expected policies were written from the template and the pages,
 * not from gtvpc's output.
 */
class IacCaseFilesTest {
    @TestFactory
    Stream<DynamicNode> everyCaseResolvesAsCloudFormationAndTerraformDo() throws IOException {
        Path dir = Golden.testResource("iac/cases");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        return files.stream().map(file -> {
            Json.Obj data = parse(file);
            assertThat(((Json.Arr) data.get("pages").orElseThrow()).items()).as(file + " cites its pages").isNotEmpty();
            return DynamicContainer.dynamicContainer(file.getFileName().toString(), ((Json.Arr) data.get("cases").orElseThrow()).items().stream()
                    .map(c -> DynamicTest.dynamicTest(str((Json.Obj) c, "name"), () -> check((Json.Obj) c))));
        });
    }

    private static Json.Obj parse(Path file) {
        try {
            return (Json.Obj) Json.parse(Files.readString(file));
        } catch (IOException | Json.SyntaxException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    private static void check(Json.Obj c) {
        String name = c.get("plan").isPresent() ? "case.tfplan.json" : "case.yaml";
        String text = c.get("plan").map(p -> Json.write(p, true))
                .orElseGet(() -> String.join("\n", ((Json.Arr) c.get("template").orElseThrow()).items().stream()
                        .map(l -> ((Json.Str) l).value()).toList()) + "\n");
        Map<String, String> params = new LinkedHashMap<>();
        c.get("params").ifPresent(p -> ((Json.Obj) p).members().forEach(m -> params.put(m.name(), ((Json.Str) m.value()).value())));
        Optional<Json.Value> error = c.get("error");
        if (error.isPresent()) {
            assertThatThrownBy(() -> PolicySource.read(text, name, Optional.empty(), params))
                    .isInstanceOf(GtvpcException.class)
                    .satisfies(e -> {
                        assertThat(((GtvpcException) e).exitCode().code()).isEqualTo(2);
                        assertThat(e.getMessage()).doesNotContain("\n").startsWith(name + ":");
                        for (Json.Value t : ((Json.Arr) error.get()).items()) {
                            assertThat(e.getMessage()).contains(((Json.Str) t).value());
                        }
                    });
            return;
        }
        List<PolicyTarget> targets = PolicySource.read(text, name, Optional.empty(), params).targets();
        List<Json.Value> expected = ((Json.Arr) c.get("targets").orElseThrow()).items();
        assertThat(targets.stream().map(PolicyTarget::address).toList()).as("targets")
                .containsExactlyElementsOf(expected.stream().map(t -> str((Json.Obj) t, "address")).toList());
        for (int i = 0; i < expected.size(); i++) {
            checkTarget(targets.get(i), (Json.Obj) expected.get(i));
        }
    }

    private static void checkTarget(PolicyTarget target, Json.Obj want) {
        String address = target.address();
        want.get("kind").ifPresent(k -> assertThat(target.kind().cliName()).as(address + " kind").isEqualTo(((Json.Str) k).value()));
        if (want.get("unknown").isPresent()) {
            assertThat(target.known()).as(address + " is not in the file").isFalse();
        }
        want.get("policy").ifPresent(p -> {
            assertThat(target.known()).as(address + " is in the file").isTrue();
            assertThat(target.variants()).as(address + " is one policy").isEmpty();
            assertThat(canonical(document(target))).as(address).isEqualTo(canonical(p));
        });
        want.get("variants").ifPresent(v -> {
            List<Json.Value> variants = ((Json.Arr) v).items();
            assertThat(target.variants().stream().map(PolicyTarget.Variant::name).toList()).as(address + " variants")
                    .containsExactlyElementsOf(variants.stream().map(x -> str((Json.Obj) x, "name")).toList());
            for (int i = 0; i < variants.size(); i++) {
                assertThat(canonical(target.variants().get(i).tree())).as(address + " " + target.variants().get(i).name())
                        .isEqualTo(canonical(((Json.Obj) variants.get(i)).get("policy").orElseThrow()));
            }
            assertThat(canonical(target.tree().orElseThrow())).as("the first variant is the one verify checks")
                    .isEqualTo(canonical(target.variants().get(0).tree()));
        });
        want.get("unknowns").ifPresent(u -> assertThat(target.unknowns()).as(address + " unknowns")
                .containsExactlyElementsOf(((Json.Arr) u).items().stream().map(x -> ((Json.Str) x).value()).toList()));
        want.get("notes").ifPresent(n -> {
            for (Json.Value text : ((Json.Arr) n).items()) {
                assertThat(target.notes()).as(address + " notes").anyMatch(note -> note.contains(((Json.Str) text).value()));
            }
        });
    }

    private static Json.Value document(PolicyTarget target) {
        if (target.text().isPresent()) {
            try {
                return Json.parse(target.text().get());
            } catch (Json.SyntaxException e) {
                throw new AssertionError(target.address() + ": " + e.getMessage(), e);
            }
        }
        return target.tree().orElseThrow();
    }

    private static String str(Json.Obj o, String name) {
        return ((Json.Str) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o, false)))).value();
    }

    /** The value as JSON with members in name order (member order carries no meaning in a policy). */
    static String canonical(Json.Value v) {
        return Json.write(sorted(v), false);
    }

    private static Json.Value sorted(Json.Value v) {
        if (v instanceof Json.Obj o) {
            List<Json.Member> members = new ArrayList<>();
            o.members().forEach(m -> members.add(Json.member(m.name(), sorted(m.value()))));
            members.sort(Comparator.comparing(Json.Member::name));
            return Json.obj(members);
        }
        if (v instanceof Json.Arr a) {
            return Json.arr(a.items().stream().map(IacCaseFilesTest::sorted).toList());
        }
        return v;
    }
}
