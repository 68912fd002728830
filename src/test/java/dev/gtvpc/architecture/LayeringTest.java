package dev.gtvpc.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DESIGN.md's layering, checked on the sources: dependencies point inward, the model imports no
 * library, and Jackson is used in exactly one package.
 */
class LayeringTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    @ParameterizedTest(name = "{0} does not import {1}")
    @CsvSource({
        "policy, com.fasterxml|picocli|software.amazon|dev.gtvpc.policy.io|dev.gtvpc.eval|dev.gtvpc.groundtruth|dev.gtvpc.render|dev.gtvpc.cli",
        "policy/io, picocli|software.amazon|dev.gtvpc.eval|dev.gtvpc.groundtruth|dev.gtvpc.render|dev.gtvpc.cli",
        "catalogue, com.fasterxml|picocli|software.amazon|dev.gtvpc.eval|dev.gtvpc.verify|dev.gtvpc.lint|dev.gtvpc.groundtruth|dev.gtvpc.render|dev.gtvpc.cli",
        "eval, com.fasterxml|picocli|software.amazon|dev.gtvpc.groundtruth|dev.gtvpc.render|dev.gtvpc.cli",
        "groundtruth, com.fasterxml|picocli|software.amazon|dev.gtvpc.render|dev.gtvpc.cli",
        "render, com.fasterxml|picocli|software.amazon|dev.gtvpc.cli",
        "verify, com.fasterxml|picocli|software.amazon|dev.gtvpc.lint|dev.gtvpc.apply|dev.gtvpc.aws|dev.gtvpc.render|dev.gtvpc.cli",
        "lint, com.fasterxml|picocli|software.amazon|dev.gtvpc.apply|dev.gtvpc.aws|dev.gtvpc.render|dev.gtvpc.cli",
        "apply, com.fasterxml|picocli|software.amazon|dev.gtvpc.lint|dev.gtvpc.preflight|dev.gtvpc.render|dev.gtvpc.cli",
        "aws, com.fasterxml|picocli|dev.gtvpc.policy|dev.gtvpc.eval|dev.gtvpc.verify|dev.gtvpc.lint|dev.gtvpc.groundtruth|dev.gtvpc.apply"
                + "|dev.gtvpc.preflight|dev.gtvpc.render|dev.gtvpc.cli",
        "input, com.fasterxml|picocli|software.amazon|dev.gtvpc.verify|dev.gtvpc.apply|dev.gtvpc.aws|dev.gtvpc.render|dev.gtvpc.cli",
        "audit, com.fasterxml|picocli|software.amazon|dev.gtvpc.render|dev.gtvpc.cli|dev.gtvpc.apply|dev.gtvpc.preflight",
        "preflight, com.fasterxml|picocli|software.amazon|dev.gtvpc.render|dev.gtvpc.cli",
        "util, com.fasterxml|picocli|software.amazon|dev.gtvpc.policy|dev.gtvpc.eval|dev.gtvpc.cli"})
    void dependenciesPointInward(String pkg, String forbidden) throws IOException {
        Path dir = Golden.root().resolve("src/main/java/dev/gtvpc").resolve(pkg);
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    for (String prefix : forbidden.split("\\|")) {
                        if (m.group(1).startsWith(prefix + ".") || m.group(1).equals(prefix)) {
                            violations.add(dir.relativize(file) + " imports " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
