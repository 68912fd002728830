package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Bad input: exactly one line on stderr naming the problem, nothing on stdout, exit code 2. */
class CliErrorsTest {
    @TestFactory
    Stream<DynamicTest> eachBadInputGetsOneClearLine() {
        return JsonData.list(JsonData.read(Golden.testResource("cli/errors.json"))).stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
                    List<String> args = JsonData.strings(c.get("args"));
                    Cli.Result r = Cli.run(args.toArray(String[]::new));
                    assertThat(r.err()).isEqualTo(c.get("stderr") + "\n");
                    assertThat(r.out()).isEmpty();
                    assertThat(r.exit()).isEqualTo(2);
                }));
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Result r = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data", "--verbose");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().findFirst()).contains("gtvpc: name at least one --vpc, --vpce or --vpce-org: without them the policy"
                + " would let only Ground Truth and the listed roles reach the bucket");
        assertThat(r.err()).contains("\tat dev.gtvpc.");
    }

    @Test
    void helpAndVersionExitZero() {
        Cli.Result help = Cli.run("policy", "generate", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--region=REGION").contains("Action presets");
        Cli.Result helpCommand = Cli.run("help", "policy", "generate");
        assertThat(helpCommand.exit()).isZero();
        assertThat(helpCommand.out()).isEqualTo(help.out());
        assertThat(Cli.run("help").out()).isEqualTo(Cli.run("--help").out());
        Cli.Result version = Cli.run("--version");
        assertThat(version.exit()).isZero();
        assertThat(version.out()).startsWith("gtvpc ");
    }
}
