package dev.gtvpc.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.groundtruth.ActionSelection;
import dev.gtvpc.groundtruth.GenerateRequest;
import dev.gtvpc.groundtruth.GroundTruthPolicy;
import dev.gtvpc.groundtruth.PolicyStyle;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.io.PolicyWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What lint says about the policies {@code generate} writes, for every region, action preset and
 * combination of VPC, endpoint and role: the strict style draws no finding. The aws-doc style's
 * ForAllValues:StringNotEquals decides as the plain operator on these single-valued keys, and draws the
 * one suggestion forallvalues-single-valued-key that says so (AWS says not to write it; issue 27). The
 * other exception is asked for too: the doc and ground-truth presets leave s3:DeleteObject or
 * s3:ListBucket out of the Deny, and the suggestion gt-actions-open says so, as it should. A policy that
 * exempts VPCs by aws:SourceVpc (a VPC ID, unique only within a Region) draws source-vpc-without-region
 * once per statement that names them: AWS advises aws:SourceVpcArn in S3 bucket policies.
 */
class GeneratedPoliciesLintTest {
    private static final RegionTable TABLE = RegionTable.bundled();

    @TestFactory
    Stream<DynamicTest> generatedPoliciesLintClean() {
        List<DynamicTest> tests = new ArrayList<>();
        List<List<List<String>>> networks = List.of(
                List.of(List.of("vpc-0abc1234def567890"), List.of(), List.of()),
                List.of(List.of(), List.of("vpce-0123456789abcdef0", "vpce-0f1e2d3c"), List.of()),
                List.of(List.of("vpc-0abc1234def567890", "vpc-1a2b3c4d"), List.of("vpce-0123456789abcdef0"),
                        List.of("arn:aws:iam::210987654321:role/LabelingAdmin", "arn:aws:iam::210987654321:user/console/alice")),
                List.of(List.of("vpc-0abc1234def567890"), List.of(), List.of(), List.of("o-a1b2c3d4e5")),
                List.of(List.of(), List.of(), List.of(), List.of("o-a1b2c3d4e5")));
        for (RegionInfo region : TABLE.regions()) {
            for (String preset : ActionSelection.PRESETS.keySet().stream().sorted().toList()) {
                for (List<List<String>> n : networks) {
                    for (PolicyStyle style : PolicyStyle.values()) {
                        String name = region.region() + " " + preset + " " + style.cliName() + " vpcs=" + n.get(0) + " vpces=" + n.get(1)
                                + " roles=" + n.get(2) + (n.size() > 3 ? " orgs=" + n.get(3) : "");
                        tests.add(DynamicTest.dynamicTest(name, () -> check(region, preset, n, style)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void check(RegionInfo region, String preset, List<List<String>> network, PolicyStyle style) {
        List<String> actions = ActionSelection.presetActions(preset, S3ActionCatalog.bundled());
        GenerateRequest request = new GenerateRequest(region.region(), "labeling-data-" + region.region(), network.get(0),
                network.get(1), network.size() > 3 ? network.get(3) : List.of(), network.get(2), Optional.empty(),
                network.size() > 3 ? Optional.of("210987654321") : Optional.empty(), Optional.empty(), actions, style,
                GenerateRequest.DEFAULT_SID);
        Policy policy = GroundTruthPolicy.generate(request, TABLE).policy();
        String text = PolicyWriter.pretty(policy);
        LintOptions options = new LintOptions(Optional.of(region.region()), Optional.of("labeling-data-" + region.region()),
                network.get(0), network.get(1), Set.of());
        List<String> found = new Linter(options, GroundTruthAccess.service(TABLE)).lint(text, "generated.json").findings().stream()
                .map(Finding::ruleId).toList();
        List<String> expected = new ArrayList<>();
        if (!preset.equals("data")) {
            expected.add("gt-actions-open");
        }
        if (style == PolicyStyle.AWS_DOC) {
            expected.add("forallvalues-single-valued-key");
        }
        PolicyScan.of(policy).entriesOf(VpcArns.SOURCE_VPC).forEach(e -> expected.add("source-vpc-without-region"));
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }
}
