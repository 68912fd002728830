package dev.gtvpc.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Remembered secrets live for the JVM, and this suite runs many CLI runs in one: tests remember only
 * values no other output can hold, and the property passes its secrets as an argument.
 */
class RedactionTest {
    @Property
    void aKnownSecretIsNeverPrintedWhateverSurroundsIt(@ForAll @AlphaChars @NumericChars @StringLength(min = 8, max = 80) String secret,
            @ForAll @StringLength(max = 40) String before, @ForAll @StringLength(max = 40) String after) {
        // "REDACTED" itself would be printed again by its own mark
        Assume.that(!Redaction.MARK.contains(secret));
        assertThat(Redaction.redact(before + secret + after, List.of(secret))).doesNotContain(secret);
    }

    @Test
    void aRememberedSecretIsTakenOutOfEveryLaterText() {
        String token = "RedactionTest-remembered-" + "q3Zp8".repeat(8);
        assertThat(Redaction.redact("echo: " + token)).contains(token);
        Redaction.remember(token);
        assertThat(Redaction.redact("echo: " + token + ".")).isEqualTo("echo: [REDACTED].");
    }

    @Test
    void secretsAreKnownByTheirFormWhereverTheyCameFrom() {
        String signature = "0123456789abcdef".repeat(4);
        assertThat(Redaction.redact("refused; request headers: Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261203/"
                + "eu-west-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + signature))
                .isEqualTo("refused; request headers: Authorization: [REDACTED]");
        assertThat(Redaction.redact("https://bucket.s3.amazonaws.com/key?X-Amz-Signature=" + signature + "&X-Amz-Date=20261203"))
                .isEqualTo("https://bucket.s3.amazonaws.com/key?X-Amz-Signature=[REDACTED]&X-Amz-Date=20261203");
        assertThat(Redaction.redact("{\"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\", \"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG\"'"))
                .isEqualTo("{\"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\", \"SecretAccessKey\": \"[REDACTED]\"'");
        assertThat(Redaction.redact("x-amz-security-token: IQoJb3JpZ2luX2Vj rest")).isEqualTo("x-amz-security-token: [REDACTED] rest");
    }

    @Test
    void aSecretThatHoldsAnotherIsTakenOutWhole() {
        assertThat(Redaction.redact("token abcdefgh12345678 end", List.of("abcdefgh", "abcdefgh12345678"))).isEqualTo("token [REDACTED] end");
    }

    @Test
    void shortValuesAreNotSecrets() {
        // an environment variable set to "x" or "test" would otherwise redact ordinary words
        assertThat(Redaction.redact("a test policy", List.of("a", "test"))).isEqualTo("a test policy");
    }
}
