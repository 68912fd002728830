package dev.gtvpc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 27: a policy generate wrote with --role-arn, verified without it, refutes outside-denied through
 * the role it exempts; the result says so and names the option, and says nothing when the user named it
 * or when the refutation has another cause.
 */
class UnnamedExemptionsTest {
    private static final Policy POLICY = PolicyReader.read("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyOutside\","
            + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::labels\",\"arn:aws:s3:::labels/*\"],"
            + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0abc1234def567890\","
            + "\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:role/LabelingAdmin\"}}}]}", "policy.json").policy();
    private static final VerifyInputs IN = VerifyInputs.of("us-east-1", "aws", "labels", "111122223333")
            .withNetwork(List.of(), List.of("vpce-0abc1234def567890"), List.of());

    private static PropertyResult outsideDenied(VerifyInputs in) {
        return Verifier.verify(POLICY, in, Optional.empty()).results().stream().filter(p -> p.property().equals("outside-denied"))
                .findFirst().orElseThrow();
    }

    @Test
    void aRoleThePolicyExemptsAndTheUserDidNotNameIsExplained() {
        PropertyResult r = outsideDenied(IN);
        assertThat(r.status()).isEqualTo(PropertyResult.Status.REFUTED);
        assertThat(r.reason()).hasValueSatisfying(why -> assertThat(why)
                .contains("arn:aws:iam::111122223333:role/LabelingAdmin").contains("--role-arn arn:aws:iam::111122223333:role/LabelingAdmin"));
    }

    @Test
    void namedItIsInsideAndNothingIsLeftToExplain() {
        PropertyResult r = outsideDenied(IN.withPrincipals(List.of("arn:aws:iam::111122223333:role/LabelingAdmin"), Optional.empty()));
        assertThat(r.status()).isEqualTo(PropertyResult.Status.PROVED);
        assertThat(r.reason()).isEmpty();
    }
}
