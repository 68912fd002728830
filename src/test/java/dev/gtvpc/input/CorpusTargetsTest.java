package dev.gtvpc.input;

import static org.assertj.core.api.Assertions.assertThat;

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
