package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gtvpc.testing.Cli;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The shared options (Inside, Formats): a value says where it came from (ConfigDefaults), a command words an option
 * its own way without declaring it again, and a format family checks its value in one place.
 */
class OptionGroupsTest {
    @Command(name = "probe")
    static final class Probe implements OptionWording.Worded {
        @Mixin
        Inside.OptionalRegion region;

        @Mixin
        Inside.Vpces vpces;

        @Mixin
        Formats.Report.Option format;

        @Override
        public Map<String, String> wording() {
            return Map.of("--region", "The region this probe is about.");
        }
    }

    @Test
    void aValueSaysWhetherTheCommandLineGaveIt() {
        Probe probe = new Probe();
        CommandLine line = new CommandLine(probe);
        ConfigDefaults.install(line, () -> java.nio.file.Path.of(""));
        line.parseArgs("--region", "eu-west-1");
        ConfigDefaults defaults = ConfigDefaults.of(line.getCommandSpec());
        assertThat(defaults.origin(line.getCommandSpec().findOption("--region"))).isEqualTo(Inside.Origin.COMMAND_LINE);
        assertThat(probe.region.given()).contains("eu-west-1");
        assertThat(defaults.origin(line.getCommandSpec().findOption("--vpce"))).isEqualTo(Inside.Origin.DEFAULT);
        assertThat(probe.vpces.ids).isEmpty();
    }

    @Test
    void aCommandsWordingReplacesTheSharedDescriptionOnlyWhereItIsGiven() {
        CommandLine line = new CommandLine(new Probe());
        OptionWording.install(line);
        String help = line.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(help).contains("--region=REGION   The region this probe is about.")
                .contains("Your VPC endpoint: it must get in (repeatable).")
                .contains("--format=FORMAT   text (default), json or markdown.");
    }

    @Command(name = "typo")
    static final class WordsAnOptionItDoesNotHave implements OptionWording.Worded {
        @Mixin
        Inside.OptionalRegion region;

        @Override
        public Map<String, String> wording() {
            return Map.of("--regoin", "A typo.");
        }
    }

    @Test
    void wordingAnOptionTheCommandDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> OptionWording.install(new CommandLine(new WordsAnOptionItDoesNotHave())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("--regoin");
    }

    @Test
    void everyFormatFamilyRefusesAnUnknownFormatInOneWordingNamingItsOwn() {
        for (List<String> run : List.of(
                List.of("regions", "list"),
                List.of("policy", "verify", "policies/aws-doc/current/example-1.json", "--region", "us-east-1"),
                List.of("policy", "lint", "policies/aws-doc/current/example-1.json"),
                List.of("audit", "--policies", "src/test/resources/audit/dir"))) {
            List<String> args = new java.util.ArrayList<>(run);
            args.addAll(List.of("--format", "jsn"));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).matches("gtvpc: --format: 'jsn' is not one of text, json[a-z, ]* \\(did you mean json\\?\\)\n");
        }
    }
}
