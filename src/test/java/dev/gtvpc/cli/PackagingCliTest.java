package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What ships besides the commands: the version line and the completion scripts. */
class PackagingCliTest {
    /** The commit changes with every commit; what is checked is that there is one, and the line's form. */
    private static String normalized(String versionOutput) {
        return versionOutput.replaceAll("\\(commit ([0-9a-f]{7,40}(-dirty)?|unknown)\\)", "(commit COMMIT)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "policy --version", "policy generate --version", "completion --version"})
    void versionNamesTheBuildAndItsCommit(String command) {
        Cli.Result r = Cli.run(command.split(" "));
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).matches("gtvpc \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown)\\)\\n");
        Golden.assertMatches(Golden.testResource("golden/packaging/version.txt"), normalized(r.out()));
    }

    @Test
    void withoutBuildInfoTheVersionSaysSo() {
        assertThat(VersionProvider.line("no-such-build-info.properties")).isEqualTo("gtvpc (development build, commit unknown)");
    }

    @Test
    void bashCompletionCoversEveryCommand() {
        Cli.Result r = Cli.run("completion", "bash");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        Golden.assertMatches(Golden.testResource("golden/packaging/completion.bash"), r.out());
        // made from the whole tree, although the run itself built only `completion`
        assertThat(r.out()).contains("policy regions endpoint-policy iam-policy rcp job jobs audit preflight completion",
                "generate lint verify simulate test get apply rollback", "(\"strict\" \"legacy\" \"aws-doc\")", "(\"bash\" \"zsh\")");
    }

    @Test
    void zshCompletionIsTheSameScriptForZshsBashEmulation() {
        String bash = Cli.run("completion", "bash").out();
        Cli.Result zsh = Cli.run("completion", "zsh");
        assertThat(zsh.exit()).isZero();
        assertThat(zsh.out()).startsWith("# gtvpc completion for zsh").endsWith(bash).contains("bashcompinit");
    }

    @Test
    void anotherShellIsBadInput() {
        Cli.Result r = Cli.run("completion", "fish");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gtvpc: SHELL: 'fish' is not one of bash, zsh\n");
    }

    @Test
    void commandTreeNamesMatchTheCommandsOwnNames() {
        check(CommandTree.ROOT);
    }

    private static void check(CommandTree.Node node) {
        CommandLine.Command c = node.type().getAnnotation(CommandLine.Command.class);
        assertThat(c).as(node.type().getName()).isNotNull();
        assertThat(c.name()).isEqualTo(node.name());
        assertThat(c.subcommands()).as("%s: subcommands belong in CommandTree", node.name()).isEmpty();
        node.children().forEach(PackagingCliTest::check);
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy generate", "policy lint", "regions show", "jobs in-progress", "completion"})
    void aLeafBuiltAloneHelpsAsInTheWholeTree(String command) {
        assertThat(CommandTree.path(command.split(" "))).hasSize(command.split(" ").length + 1);
        CommandLine whole = ExitCodes.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (String name : command.split(" ")) {
            whole = whole.getSubcommands().get(name);
        }
        Cli.Result alone = Cli.run((command + " --help").split(" "));
        assertThat(alone.exit()).isZero();
        assertThat(alone.out()).isEqualTo(whole.getUsageMessage(CommandLine.Help.Ansi.OFF));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "policy", "--verbose policy generate", "policy generat", "regions --format json list", "policy help"})
    void anythingButALeafByNameGetsTheWholeTree(String command) {
        String[] args = command.isEmpty() ? new String[0] : command.split(" ");
        assertThat(CommandTree.path(args)).containsExactly(CommandTree.ROOT);
    }
}
