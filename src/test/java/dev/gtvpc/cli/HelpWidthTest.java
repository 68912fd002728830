package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/** Examples in --help (and so in the man page) are never broken mid-command, whatever the width. */
class HelpWidthTest {
    static final int[] WIDTHS = {55, 80, 100, 160}; // picocli refuses less than 55

    @TestFactory
    Stream<DynamicTest> everyExampleLineIsPrintedWholeAtEveryWidth() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int width : WIDTHS) {
            CommandLine root = ExitCodes.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            root.setUsageHelpAutoWidth(false);
            root.setUsageHelpWidth(width);
            List<CommandLine> all = new ArrayList<>(List.of(root));
            for (int i = 0; i < all.size(); i++) {
                all.addAll(all.get(i).getSubcommands().values());
            }
            for (CommandLine c : all) {
                tests.add(DynamicTest.dynamicTest(c.getCommandSpec().qualifiedName() + " at " + width, () -> {
                    String help = "\n" + c.getUsageMessage(CommandLine.Help.Ansi.OFF);
                    for (String line : c.getCommandSpec().usageMessage().footer()) {
                        if (line.startsWith(" ")) {
                            assertThat(help).contains("\n" + line + "\n");
                        }
                    }
                }));
            }
        }
        return tests.stream();
    }

    /** Found in a walk-through: the description broke at the ends of its source lines ("…inside your / VPC, / while…"). */
    @Test
    void theTopLevelDescriptionIsOneParagraphFilledToEveryWidth() {
        for (int width : WIDTHS) {
            CommandLine root = ExitCodes.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            root.setUsageHelpAutoWidth(false);
            root.setUsageHelpWidth(width);
            List<String> lines = List.of(root.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n"));
            int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("S3 bucket policies")).findFirst().orElseThrow());
            int last = lines.indexOf(lines.stream().filter(l -> l.endsWith("roll them back (AWS).")).findFirst().orElseThrow());
            for (int i = first; i < last; i++) {
                String nextWord = lines.get(i + 1).split(" ")[0];
                // picocli leaves the last column free
                assertThat(lines.get(i).length() + 1 + nextWord.length()).as("width %d: '%s' could take '%s'", width, lines.get(i), nextWord)
                        .isGreaterThanOrEqualTo(width);
            }
        }
    }

    @Test
    void proseIsWrappedAtSpacesToTheWidthAndRunsOfLinesBecomeParagraphs() {
        String out = HelpFooters.verbatimOrWrapped(new String[] {"A Deny covers only the actions it names:", "so it says.",
            "  gtvpc policy generate --region us-east-1 --bucket my-labeling-data --vpc vpc-0abc1234def567890", ""}, 20);
        assertThat(out).isEqualTo("A Deny covers only\nthe actions it\nnames: so it says.\n"
                + "  gtvpc policy generate --region us-east-1 --bucket my-labeling-data --vpc vpc-0abc1234def567890\n\n");
    }
}
