package dev.gtvpc.rcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.layers.Layer;
import dev.gtvpc.layers.LayerOutcome;
import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.layers.LayerSet;
import dev.gtvpc.layers.LayeredEvaluator;
import dev.gtvpc.layers.LayeredResult;
import dev.gtvpc.layers.Level;
import dev.gtvpc.layers.Membership;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A labeling job's request under AWS's network RCP (layers/FACTS.md F-GT-1, F-DP-1, F-NET-8; OPEN-QUESTIONS
 * Q1): Ground Truth reads the bucket through its own endpoint (vpce-08408e335ebf95b40 in us-east-1) as the
 * job's execution role, tagged dp:include:network; the endpoint's owner is an AWS account outside the
 * organization (000011112222 stands for it: AWS does not publish it). The published RCP denies it and
 * names its statement; the RCP {@code rcp generate --ground-truth us-east-1} writes lets it through, and
 * still denies the same role from the internet.
 */
class GroundTruthUnderTheRcpTest {
    static final String GT_ENDPOINT = "vpce-08408e335ebf95b40";

    @Test
    void thePublishedRcpLocksGroundTruthOutAndTheGeneratedExceptionLetsItIn() throws IOException {
        Policy published = PolicyReader.read(Files.readString(
                Golden.testResource("corpus/rcp/data-perimeter-network-perimeter-vpceorgid-rcp-filled.json")), "published").policy();
        LayeredResult before = decide(published, "network_perimeter_vpceorgid_rcp.json", groundTruth());
        assertThat(before.decision()).contains(Decision.EXPLICIT_DENY);
        assertThat(before.labels()).containsExactly(
                "rcp statement EnforceNetworkPerimeterVpceOrgID of network_perimeter_vpceorgid_rcp.json (at root)");

        Policy generated = NetworkRcp.generate(new NetworkRcpRequest("o-gtvpc00001", List.of("203.0.113.0/24"), List.of(), List.of(),
                false, true, List.of(new NetworkRcpRequest.ServiceEndpoint(GT_ENDPOINT, "Ground Truth in us-east-1")),
                NetworkRcpRequest.GUIDANCE_ACTIONS, NetworkRcpRequest.DEFAULT_SID));
        assertThat(decide(generated, "generated", groundTruth()).layer(Layer.RCP).outcome()).isNotEqualTo(LayerOutcome.EXPLICIT_DENY);
        Map<String, List<String>> internet = Map.of("aws:SourceIp", List.of("198.51.100.7"));
        assertThat(decide(generated, "generated", internet).decision()).contains(Decision.EXPLICIT_DENY);
    }

    private static Map<String, List<String>> groundTruth() {
        return Map.of("aws:SourceVpce", List.of(GT_ENDPOINT), "aws:SourceVpc", List.of("vpc-0aaaaaaaaaaaaaaaa"),
                "aws:VpceAccount", List.of("000011112222"));
    }

    private static LayeredResult decide(Policy rcp, String source, Map<String, List<String>> network) {
        Map<String, List<String>> context = new java.util.LinkedHashMap<>(network);
        context.put("aws:PrincipalArn", List.of("arn:aws:iam::210987654321:role/LabelingJobRole"));
        context.put("aws:PrincipalTag/dp:include:network", List.of("true"));
        Request r = new Request("s3:GetObject", "arn:aws:s3:::gt-labeling-data/manifest.json",
                RequestPrincipal.parse("arn:aws:sts::210987654321:assumed-role/LabelingJobRole/SageMaker"), Optional.of("210987654321"),
                ContextKeys.of(context)).withPrincipalKeys();
        LayerSet set = LayerSet.bucketOnly(Optional.empty()).withRcps(List.of(new Level("root", List.of(new LayerPolicy(Layer.RCP, source, rcp)))));
        return LayeredEvaluator.evaluate(set, r, new dev.gtvpc.layers.Placement(Membership.MEMBER, Membership.MEMBER, Optional.of(false),
                Optional.empty()));
    }
}
