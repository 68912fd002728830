package dev.gtvpc.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 17.3: how a GetBucketPolicy body that arrived cut is told from a whole one. */
class CutBodyTest {
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Deny\","
            + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringNotEquals\":"
            + "{\"aws:SourceVpce\":\"vpce-0123456789abcdef0\"}}}]}";

    @Test
    void contentLengthDecidesWhenPresent() {
        long full = POLICY.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertThat(SdkBucketPolicyStore.cutBody(Optional.of(full), false, POLICY)).isNull();
        assertThat(SdkBucketPolicyStore.cutBody(Optional.of(full), false, POLICY.substring(0, 60)))
                .isEqualTo("60 of the " + full + " bytes announced arrived");
        // multi-byte text is counted in bytes, as Content-Length is
        String accented = POLICY.replace("\"A\"", "\"Zugriff-für-alle\"");
        assertThat(SdkBucketPolicyStore.cutBody(Optional.of((long) accented.getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                false, accented)).isNull();
    }

    @Test
    void withoutContentLengthTheBodyMustBeACompleteObject() {
        assertThat(SdkBucketPolicyStore.cutBody(Optional.empty(), false, POLICY)).isNull();
        for (int n = 1; n < POLICY.length(); n++) {
            assertThat(SdkBucketPolicyStore.completeJsonObject(POLICY.substring(0, n))).as("first %d characters", n).isFalse();
        }
        // braces inside strings do not count
        assertThat(SdkBucketPolicyStore.completeJsonObject("{\"Sid\":\"}{\\\"]\"}")).isTrue();
        assertThat(SdkBucketPolicyStore.completeJsonObject("{\"a\":1}}")).isFalse();
    }

    @Test
    void anEncodedBodyIsJudgedByItsJson() {
        assertThat(SdkBucketPolicyStore.cutBody(Optional.of(5L), true, POLICY)).isNull();
        assertThat(SdkBucketPolicyStore.cutBody(Optional.of(5L), true, POLICY.substring(0, 10))).contains("not a complete JSON object");
    }
}
