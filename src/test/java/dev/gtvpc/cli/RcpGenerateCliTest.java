package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code gtvpc rcp generate} in-process, against golden files, the guidance it reproduces, and lint. */
class RcpGenerateCliTest {
    static final String[] FULL = {"rcp", "generate", "--org-id", "o-a1b2c3d4e5", "--cidr", "203.0.113.0/24",
        "--vpce-account", "210987654321", "--service-account", "127311923021", "--ground-truth", "us-east-1,eu-west-1",
        "--exclude-tags", "--only-tagged"};

    @Test
    void theDefaultIsTheGuidancesShapeWithOnlyTheOrganization() {
        Cli.Result r = Cli.run("rcp", "generate", "--org-id", "o-a1b2c3d4e5");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        Golden.assertMatches(Golden.testResource("golden/rcp/default.json"), r.out());
    }

    @Test
    void everyExceptionAndGroundTruthsEndpoints() {
        Cli.Result r = Cli.run(FULL);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        Golden.assertMatches(Golden.testResource("golden/rcp/full.json"), r.out());
    }

    /** With the values of the filled-in copy of AWS's published RCP, gtvpc writes exactly that RCP. */
    @Test
    void theGuidancesValuesGiveTheGuidancesPolicy() throws IOException {
        Cli.Result r = Cli.run("rcp", "generate", "--org-id", "o-gtvpc00001", "--cidr", "203.0.113.0/24",
                "--service-account", "127311923021,222233334444", "--vpce-account", "444455556666,777788889999",
                "--exclude-tags", "--only-tagged");
        assertThat(r.exit()).isZero();
        Path published = Golden.testResource("corpus/rcp/data-perimeter-network-perimeter-vpceorgid-rcp-filled.json");
        assertThat(policy(r.out())).isEqualTo(policy(Files.readString(published)));
    }

    static Stream<Arguments> generated() {
        return Stream.of(Arguments.of((Object) new String[] {"rcp", "generate", "--org-id", "o-a1b2c3d4e5"}),
                Arguments.of((Object) FULL),
                Arguments.of((Object) new String[] {"rcp", "generate", "--org-id", "o-a1b2c3d4e5", "--ground-truth", "ap-northeast-1",
                    "--actions", "s3:*"}),
                Arguments.of((Object) new String[] {"rcp", "generate", "--org-id", "o-a1b2c3d4e5", "--cidr", "198.51.100.0/24,192.0.2.0/24"}));
    }

    @ParameterizedTest
    @MethodSource("generated")
    void everyGeneratedRcpLintsCleanAsAnRcp(String[] args, @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Cli.Result r = Cli.run(args);
        assertThat(r.exit()).isZero();
        Path file = dir.resolve("rcp.json");
        Files.writeString(file, r.out());
        Cli.Result lint = Cli.run("policy", "lint", "--policy-type", "rcp", file.toString());
        assertThat(lint.out()).endsWith("1 file: no findings\n");
        assertThat(lint.exit()).isZero();
    }

    @Test
    void badInputIsOneLineExitTwo() {
        for (List<String> extra : List.of(List.of("--org-id", "org-1"), List.of("--org-id", "o-a1b2c3d4e5", "--cidr", "10.0.0.0/33"),
                List.of("--org-id", "o-a1b2c3d4e5", "--vpce-account", "1234"),
                List.of("--org-id", "o-a1b2c3d4e5", "--service-account", "x"),
                List.of("--org-id", "o-a1b2c3d4e5", "--ground-truth", "us-east-9"),
                List.of("--org-id", "o-a1b2c3d4e5", "--actions", "GetObject"),
                List.of("--org-id", "o-a1b2c3d4e5", "--sid", "not a sid"),
                List.of("--org-id", "o-a1b2c3d4e5", "--cidr", "0.0.0.0/0"))) {
            String[] args = Stream.concat(Stream.of("rcp", "generate"), extra.stream()).toArray(String[]::new);
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).as(String.join(" ", extra)).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines()).as(String.join(" ", extra)).hasSize(1);
            assertThat(r.err()).startsWith("gtvpc: ").doesNotContain("\tat ");
        }
    }

    private static Policy policy(String text) {
        return PolicyReader.read(text, "rcp.json").policy();
    }
}
