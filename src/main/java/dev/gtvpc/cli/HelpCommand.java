package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gtvpc help [COMMAND...]}: the help of any command, as {@code git help} and {@code go help} give
 * it; {@code gtvpc help policy generate} prints what {@code gtvpc policy generate --help} prints.
 * picocli's own HelpCommand takes one word, so a two-word command would be out of its reach.
 */
@Command(name = "help", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print the help of a command: 'gtvpc help policy generate' is 'gtvpc policy generate --help'.")
public final class HelpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, e.g. policy generate (none: gtvpc's own help).")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine at = spec.root().commandLine();
        List<String> path = new ArrayList<>();
        for (String word : words) {
            CommandLine sub = at.getSubcommands().get(word);
            if (sub == null) {
                throw GtvpcException.badInput("COMMAND: '" + String.join(" ", path) + (path.isEmpty() ? "" : " ") + word + "' is not a command; "
                        + (at.getSubcommands().isEmpty() ? "'gtvpc " + String.join(" ", path) + "' has none below it"
                        : "give one of " + String.join(", ", at.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList())));
            }
            path.add(word);
            at = sub;
        }
        at.usage(spec.commandLine().getOut());
        return 0;
    }
}
