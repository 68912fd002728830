package dev.gtvpc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lock-out check names what it cannot know: the path of the caller's role, hidden by its session ARN. */
class CallerLockoutTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyAdmins\",\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::amzn-s3-demo-bucket\",\"arn:aws:s3:::amzn-s3-demo-bucket/*\"],"
            + "\"Condition\":{\"ArnNotLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:role/admins/*\"}}}]}";
    private static final VerifyInputs IN = VerifyInputs.of("us-east-1", "aws", "amzn-s3-demo-bucket", "111122223333");

    @Test
    void aSessionWhoseRolePathThePolicyNamesIsARefutationWithANote() {
        Policy p = PolicyReader.parse(POLICY).parsed().orElseThrow().policy();
        PropertyResult r = Verifier.callerKeepsPolicyAccess(p, IN, "arn:aws:sts::111122223333:assumed-role/BucketAdmin/jane",
                Optional.empty(), Optional.empty());
        assertThat(r.status()).isEqualTo(PropertyResult.Status.REFUTED);
        assertThat(r.reason()).hasValueSatisfying(n -> assertThat(n).contains("without the role's path")
                .contains("arn:aws:iam::111122223333:role/admins/*"));
    }

    @Test
    void noNoteWhenThePolicyNamesNoRoleWithAPath() {
        Policy p = PolicyReader.parse(POLICY.replace("role/admins/*", "role/BucketAdmin")).parsed().orElseThrow().policy();
        PropertyResult r = Verifier.callerKeepsPolicyAccess(p, IN, "arn:aws:sts::111122223333:assumed-role/BucketAdmin/jane",
                Optional.empty(), Optional.empty());
        assertThat(r.status()).isEqualTo(PropertyResult.Status.PROVED);
        assertThat(r.reason()).isEmpty();
    }
}
