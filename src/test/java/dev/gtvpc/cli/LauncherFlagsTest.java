package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JVM flags the launchers pass (read from src/dist/bin/gtvpc, whose functions ./gtvpc uses too)
 * start gtvpc, also with an archive the JVM cannot use (another build's, a damaged one): it must run
 * without it, and print nothing about it on stdout (the command's output) or stderr.
 */
class LauncherFlagsTest {
    private static final String LAUNCHER = Golden.read(Golden.root().resolve("src/dist/bin/gtvpc"));

    private static List<String> array(String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(LAUNCHER);
        assertThat(m.find()).as("the launcher has %s", regex).isTrue();
        return List.of(m.group(1).split(" "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "garbage", "empty"})
    void theFlagsRunGtvpcWithAnArchiveTheJvmCannotUse(String archive, @TempDir Path dir) throws Exception {
        Path jsa = dir.resolve("gtvpc.jsa");
        if (archive.equals("garbage")) {
            Files.write(jsa, new byte[64 * 1024]);
        } else if (archive.equals("empty")) {
            Files.createFile(jsa);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(array("^ *flags=\\((.*)\\)$"));
        for (String f : array("^ *flags\\+=\\((-Xshare:auto .*)\\)$")) {
            cmd.add(f.replace("\"$lib/gtvpc.jsa\"", jsa.toString()));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.gtvpc.cli.Main", "--version"));
        assertThat(cmd).contains("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + jsa);
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(err).isEmpty();
        assertThat(out).startsWith("gtvpc ").doesNotContain("cds", "shared", "archive");
        assertThat(p.exitValue()).isZero();
    }
}
