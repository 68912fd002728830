package dev.gtvpc.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The real plans and templates of the corpus yield the policies corpus/iac-targets.json lists (made
 * independently of this reader, from the files by hand and script), each of which reads as a policy.
 * Trust policies (AssumeRolePolicyDocument, assume_role_policy) and aws_iam_role inline_policy are not
 * targets: gtvpc does not judge trust policies, and inline_policy blocks appear in plans beside their
 * aws_iam_role_policy twins.
 *
 * <p>corpus/iac-resolved.json says, for each template and plan and the values given in each run, what
 * CloudFormation or Terraform would deploy at each address (written from the files and the pages, see
 * JUDGEMENT.md): every target and no other, each resolved to that policy, or to those variants.
 */
class CorpusTargetsTest {
    private static final Path CORPUS = Golden.testResource("corpus");
    private static final Set<String> READ_TYPES = Set.of("aws_s3_bucket_policy", "aws_s3_bucket", "aws_vpc_endpoint", "aws_vpc_endpoint_policy",
            "aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy");

    @TestFactory
    Stream<DynamicTest> eachFileYieldsTheExpectedTargets() throws Exception {
        Json.Arr files = (Json.Arr) Json.parse(Files.readString(CORPUS.resolve("iac-targets.json")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Json.Value v : files.items()) {
            Json.Obj file = (Json.Obj) v;
            String path = ((Json.Str) file.get("path").orElseThrow()).value();
            tests.add(DynamicTest.dynamicTest(path, () -> check(path, (Json.Arr) file.get("targets").orElseThrow())));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> eachPolicyResolvesAsCloudFormationAndTerraformWould() throws Exception {
        Json.Obj resolved = (Json.Obj) Json.parse(Files.readString(CORPUS.resolve("iac-resolved.json")));
        List<DynamicTest> tests = new ArrayList<>();
        for (Json.Value v : ((Json.Arr) resolved.get("files").orElseThrow()).items()) {
            Json.Obj file = (Json.Obj) v;
            String path = ((Json.Str) file.get("path").orElseThrow()).value();
            for (Json.Value r : ((Json.Arr) file.get("runs").orElseThrow()).items()) {
                Json.Obj run = (Json.Obj) r;
                tests.add(DynamicTest.dynamicTest(path + " [" + ((Json.Str) run.get("name").orElseThrow()).value() + "]", () -> resolves(path, run)));
            }
        }
        assertThat(tests).hasSizeGreaterThan(40);
        return tests.stream();
    }

    private static void resolves(String path, Json.Obj run) throws IOException {
        String text = Files.readString(CORPUS.resolve(path));
        Map<String, String> params = new java.util.LinkedHashMap<>();
        run.get("params").ifPresent(p -> ((Json.Obj) p).members().forEach(m -> params.put(m.name(), ((Json.Str) m.value()).value())));
        if (run.get("error").isPresent()) {
            assertThatThrownBy(() -> PolicySource.read(text, path, Optional.empty(), params)).isInstanceOf(dev.gtvpc.GtvpcException.class)
                    .hasMessageContaining(((Json.Str) run.get("error").get()).value());
            return;
        }
        List<PolicyTarget> targets = PolicySource.read(text, path, Optional.empty(), params).targets();
        List<Json.Obj> expected = ((Json.Arr) run.get("targets").orElseThrow()).items().stream().map(Json.Obj.class::cast).toList();
        assertThat(targets.stream().map(PolicyTarget::address).toList()).as("targets, none invented")
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(t -> ((Json.Str) t.get("address").orElseThrow()).value()).toList());
        for (Json.Obj want : expected) {
            String address = ((Json.Str) want.get("address").orElseThrow()).value();
            PolicyTarget got = targets.stream().filter(t -> t.address().equals(address)).findFirst().orElseThrow();
            if (want.get("unknown").isPresent()) {
                assertThat(got.known()).as(address + " is known only after apply").isFalse();
                for (Json.Value ref : ((Json.Arr) want.get("references").orElseThrow()).items()) {
                    assertThat(String.join(" ", got.notes())).as(address + " names what it is made from").contains(((Json.Str) ref).value());
                }
            } else if (want.get("policy").isPresent()) {
                assertThat(got.variants()).as(address + " is one policy").isEmpty();
                Json.Value doc = got.text().isPresent() ? parse(got.text().get()) : got.tree().orElseThrow();
                assertThat(IacCaseFilesTest.canonical(doc)).as(address).isEqualTo(IacCaseFilesTest.canonical(want.get("policy").get()));
            } else {
                List<Json.Value> variants = ((Json.Arr) want.get("variants").orElseThrow()).items();
                assertThat(got.variants().stream().map(PolicyTarget.Variant::name).toList()).as(address + " variants")
                        .containsExactlyElementsOf(variants.stream().map(x -> ((Json.Str) ((Json.Obj) x).get("name").orElseThrow()).value()).toList());
                for (int i = 0; i < variants.size(); i++) {
                    assertThat(IacCaseFilesTest.canonical(got.variants().get(i).tree())).as(address + " " + got.variants().get(i).name())
                            .isEqualTo(IacCaseFilesTest.canonical(((Json.Obj) variants.get(i)).get("policy").orElseThrow()));
                }
            }
        }
    }

    private static Json.Value parse(String text) {
        try {
            return Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static void check(String path, Json.Arr expectedTargets) throws IOException {
        String text = Files.readString(CORPUS.resolve(path));
        List<PolicyTarget> targets;
        try {
            targets = PolicySource.read(text, path, Optional.empty(), Map.of()).targets();
        } catch (dev.gtvpc.GtvpcException e) {
            // cfn-lint's deliberately bad iam_policy fixture names a condition it does not define (and has a PolicyDocument that is a list)
            assertThat(path).isEqualTo("cloudformation/cfn-lint-iam_policy.yaml");
            assertThat(e.getMessage()).contains("names the condition 'cCondition', which the template's Conditions do not define");
            return;
        }
        List<String> expected = new ArrayList<>();
        for (Json.Value t : expectedTargets.items()) {
            Json.Obj o = (Json.Obj) t;
            String address = ((Json.Str) o.get("address").orElseThrow()).value();
            String type = ((Json.Str) o.get("type").orElseThrow()).value();
            if (address.endsWith("AssumeRolePolicyDocument")) {
                continue;
            }
            if (path.startsWith("terraform/")) {
                boolean prior = type.endsWith("(prior_state)");
                boolean known = o.get("known").map(k -> ((Json.Arr) k).items().stream().anyMatch(i -> ((Json.Str) i).value().equals("policy")))
                        .orElse(false);
                if (READ_TYPES.contains(type) && known || prior) {
                    expected.add(address);
                }
            } else {
                expected.add(address.replace(".Properties.PolicyDocument", "").replace(".Properties.Policies", ".Policies"));
            }
        }
        List<String> found = targets.stream().filter(PolicyTarget::known).map(PolicyTarget::address).toList();
        if (path.startsWith("terraform/")) {
            // a data source whose JSON is a resource's policy already, or a trust/other-service policy, is not a second target
            assertThat(expected).containsAll(found);
            assertThat(found.stream().filter(a -> !a.startsWith("data.")).toList())
                    .containsExactlyInAnyOrderElementsOf(expected.stream().filter(a -> !a.startsWith("data.")).toList());
        } else {
            assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        }
        for (PolicyTarget t : targets.stream().filter(PolicyTarget::known).toList()) {
            PolicyReader.Result r = t.text().isPresent() ? PolicyReader.parse(t.text().get()) : PolicyReader.parse(t.tree().get());
            assertThat(r.problems()).as(t.address()).isEmpty();
        }
    }
}
