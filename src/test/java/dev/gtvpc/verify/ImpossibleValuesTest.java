package dev.gtvpc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, item 4: verify builds no counterexample from an endpoint or VPC ID that cannot exist
 * (EC2 resource IDs: a prefix, a hyphen and 8 or 17 hexadecimal characters,
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html). The impossible value is named
 * in the report, and the perimeter is proved or refuted by the requests that can happen.
 */
class ImpossibleValuesTest {
    private static final VerifyInputs IN = VerifyInputs.of("us-east-1", "aws", "labels", "111122223333")
            .withNetwork(List.of(), List.of("vpce-0abc1234def567890"), List.of());

    private static Policy policy(String condition) {
        return PolicyReader.read("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyOutside\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::labels\",\"arn:aws:s3:::labels/*\"],\"Condition\":" + condition + "}]}",
                "policy.json").policy();
    }

    private static PropertyResult outsideDenied(VerificationReport r) {
        return r.results().stream().filter(p -> p.property().equals("outside-denied")).findFirst().orElseThrow();
    }

    @Test
    void anEndpointIdNoEndpointHasIsNamedAndNotACounterexample() {
        VerificationReport r = Verifier.verify(policy("{\"StringNotEquals\":{\"aws:SourceVpce\":[\"vpce-0abc1234def567890\","
                + "\"vpce-xxxxxxxxxxxxxxxxx\"]}}"), IN, Optional.empty());
        assertThat(outsideDenied(r).status()).isEqualTo(PropertyResult.Status.PROVED);
        assertThat(r.notes()).anyMatch(n -> n.contains("vpce-xxxxxxxxxxxxxxxxx") && n.contains("not a VPC endpoint ID"));
    }

    @Test
    void aVpcIdNoVpcHasIsNamedToo() {
        VerificationReport r = Verifier.verify(policy("{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0abc1234def567890\","
                + "\"aws:SourceVpc\":\"vpc-123abc456def7890g\"}}"), IN, Optional.empty());
        assertThat(outsideDenied(r).status()).isEqualTo(PropertyResult.Status.PROVED);
        assertThat(r.notes()).anyMatch(n -> n.contains("vpc-123abc456def7890g") && n.contains("not a VPC ID"));
    }

    @Test
    void aRealHoleIsStillRefutedThroughAnEndpointThatCanExist() {
        // the Allow-only "restriction": a principal of the bucket's account still gets in from the internet
        Policy allowOnly = PolicyReader.read("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::labels/*\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:SourceVpce\":\"vpce-123abc456def7890g\"}}}]}", "policy.json").policy();
        VerificationReport r = Verifier.verify(allowOnly, IN, Optional.empty());
        PropertyResult outside = outsideDenied(r);
        assertThat(outside.status()).isEqualTo(PropertyResult.Status.REFUTED);
        assertThat(outside.counterexample().orElseThrow().request().context().toString()).doesNotContain("vpce-123abc456def7890g");
        assertThat(r.notes()).anyMatch(n -> n.contains("vpce-123abc456def7890g"));
    }
}
