package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.AwsEnv;
import dev.gtvpc.testing.Cli;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every line a command writes to stderr passes the one redaction (issue 17.7), not only the error
 * line of a thrown exception: {@code policy lint} reports a file it cannot read and goes on with the
 * others, printing the problem itself — and used to print it past the redaction.
 */
class StandardErrorRedactionCliTest {
    private static final String POLICY = "policies/aws-doc/current/example-1.json";
    // not a key any other test uses: remembered secrets would hide a leak here
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/StandardErrorRedactionCliTest";

    @Test
    void aSecretShapedValueInALintErrorIsRedacted() {
        Cli.Result r = Cli.run("policy", "lint", "--cfn-param", "aws_secret_access_key:" + SECRET, POLICY);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("gtvpc: --cfn-param: 'aws_secret_access_key:[REDACTED]").doesNotContain(SECRET);
    }

    @Test
    void theEnvironmentsSecretInALintErrorIsRedacted() {
        Map<String, String> env = AwsEnv.offline();
        env.put("AWS_SECRET_ACCESS_KEY", SECRET);
        Cli.Result r = Cli.runIn(new RunContext(env, Optional.empty(), Clock.systemUTC()), null,
                "policy", "lint", "--cfn-param", SECRET, POLICY);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("gtvpc: --cfn-param: '[REDACTED]' is not KEY=VALUE").doesNotContain(SECRET);
    }

    @Test
    void theSameErrorThrownByAnotherCommandIsRedactedAlike() {
        Cli.Result r = Cli.run("policy", "verify", "--region", "us-east-1", "--cfn-param", "aws_secret_access_key:" + SECRET, POLICY);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("gtvpc: --cfn-param: 'aws_secret_access_key:[REDACTED]").doesNotContain(SECRET).hasLineCount(1);
    }
}
