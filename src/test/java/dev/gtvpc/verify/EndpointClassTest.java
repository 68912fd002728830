package dev.gtvpc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.layers.Layer;
import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Endpoints of one class share a proof only when no layer tells them apart, and share a refutation only as far as it holds. */
class EndpointClassTest {
    private static final String A = "vpce-0a0a0a0a0a0a0a0a0";
    private static final String B = "vpce-0b0b0b0b0b0b0b0b0";
    private static final String C = "vpce-0c0c0c0c0c0c0c0c0";

    private static Policy read(String json) {
        return PolicyReader.read(json, "test").policy();
    }

    private static final Policy BUCKET = read("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":"
            + "[\"" + A + "\",\"" + B + "\",\"" + C + "\"]}}}]}");
    private static final Policy DENY_ALL = read("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"*\",\"Resource\":\"*\"}]}");

    private static VerifyInputs inputs() {
        return VerifyInputs.of("us-east-1", "aws", "data", "210987654321").withNetwork(List.of(), List.of(A, B, C), List.of());
    }

    private static List<PropertyResult> vpceResults(Layers layers) {
        return Verifier.verify(BUCKET, "bucket.json", layers, inputs(), Optional.empty(), false).results().stream()
                .filter(r -> r.property().equals("vpce-can-access")).toList();
    }

    @Test
    void anEndpointWithItsOwnPolicyIsNotProvedByItsClass() {
        Layers layers = new Layers(List.of(), List.of(), List.of(new Layers.EndpointPolicy(Optional.of(B),
                new LayerPolicy(Layer.ENDPOINT, "deny-all.json", DENY_ALL))), Optional.empty(), true);
        List<PropertyResult> results = vpceResults(layers);
        assertThat(results).extracting(PropertyResult::status).containsExactly(PropertyResult.Status.PROVED,
                PropertyResult.Status.REFUTED, PropertyResult.Status.PROVED);
        assertThat(results.get(1).counterexample().orElseThrow().request().context().get("aws:SourceVpce").map(dev.gtvpc.eval.ContextKeys.Entry::values)).contains(List.of(B));
    }

    @Test
    void everyEndpointOfARefutedClassHasItsOwnCounterexample() {
        Layers layers = new Layers(List.of(new LayerPolicy(Layer.RCP, "deny-all-rcp.json", DENY_ALL)), List.of(), List.of(),
                Optional.empty(), true);
        List<PropertyResult> results = vpceResults(layers);
        assertThat(results).extracting(PropertyResult::status).containsOnly(PropertyResult.Status.REFUTED);
        for (int i = 0; i < 3; i++) {
            assertThat(results.get(i).counterexample().orElseThrow().request().context().get("aws:SourceVpce").map(dev.gtvpc.eval.ContextKeys.Entry::values))
                    .contains(List.of(List.of(A, B, C).get(i)));
        }
        assertThat(results).extracting(PropertyResult::requests).containsOnly(results.get(0).requests());
    }
}
