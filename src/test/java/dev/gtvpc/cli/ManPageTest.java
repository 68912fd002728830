package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gtvpc.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docs/man/gtvpc.1 is what the commands say; regenerate it with -Dgolden.update=true. */
class ManPageTest {
    private static final Path PAGE = Golden.root().resolve("docs/man/gtvpc.1");

    @Test
    void theCommittedPageIsTheGeneratedOne() {
        String page = ManPage.render();
        Golden.assertMatches(PAGE, page);
        assertThat(page).as("the description is a paragraph man fills to the reader's width")
                .contains(".SH DESCRIPTION\n.PP\nS3 bucket policies that keep SageMaker Ground Truth labeling data inside your VPC, while");
        assertThat(page).contains(".SS \"gtvpc policy generate\"", ".SS \"gtvpc completion\"", ".SS \"gtvpc jobs in\\-progress\"");
    }

    @Test
    void groffRendersItWithoutWarnings() throws Exception {
        assumeThat(Path.of("/usr/bin/groff")).as("groff installed").exists();
        Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", PAGE.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEmpty();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.size(PAGE)).isGreaterThan(10_000);
    }
}
