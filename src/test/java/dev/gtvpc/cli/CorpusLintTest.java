package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code policy lint} on the corpus of public policies nobody here wrote (src/test/resources/corpus,
 * origins and licences in its SOURCES.md), each folder with its --policy-type. The output is golden;
 * golden/lint/corpus-JUDGEMENT.md says why each kind of finding in it is right, judged against the
 * AWS pages. A change of output is a change of judgement: review it as one.
 */
class CorpusLintTest {
    @ParameterizedTest(name = "{0} as --policy-type {1}")
    @CsvSource({"bucket, bucket", "endpoint, vpc-endpoint", "identity, identity", "scp, scp", "rcp, rcp"})
    void theCorpusDrawsOnlyFindingsJudgedTrue(String folder, String type) throws IOException {
        Path dir = Golden.testResource("corpus/" + folder);
        List<String> args = new ArrayList<>(List.of("policy", "lint", "--policy-type", type, "--fail-on", "never"));
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> Golden.root().relativize(p).toString()).forEach(args::add);
        }
        assertThat(args.size()).as("policies in corpus/" + folder).isGreaterThan(6);
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        Golden.assertMatches(Golden.testResource("golden/lint/corpus-" + folder + ".txt"), r.out());
    }
}
