package dev.gtvpc.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Builds gtvpc's command line: the commands a run needs ({@link CommandTree}), help at the terminal's
 * width with verbatim examples ({@link HelpFooters}) and the shared options' wording per command
 * ({@link OptionWording}), and the handlers that turn every failure into one stderr line and a code
 * ({@link ExitCodes}).
 */
final class CommandLines {
    private CommandLines() {
    }

    /** Every command, for what describes them all: completion scripts, the man page. */
    static CommandLine all(PrintWriter out, PrintWriter err) {
        return build(out, err, null, List.of(CommandTree.ROOT));
    }

    /** The commands on {@code path}, for one run with {@code context} (null: the process's, made when first asked for). */
    static CommandLine build(PrintWriter out, PrintWriter err, RunContext context, List<CommandTree.Node> path) {
        GtvpcCommand root = new GtvpcCommand();
        root.context = context;
        CommandLine cl = new CommandLine(root);
        // before the settings below: picocli copies them to the subcommands present when they are set
        CommandTree.addSubcommands(cl, path);
        // a test's run context says where the run is; the process's is not built for this (offline runs never build it)
        ConfigDefaults.install(cl, () -> context != null ? context.workingDirectory() : java.nio.file.Path.of(""));
        cl.setOut(out);
        // the terminal's width when picocli can learn it, 80 columns otherwise (a pipe, a file, CI logs)
        cl.setUsageHelpWidth(80);
        cl.setUsageHelpAutoWidth(true);
        HelpFooters.install(cl);
        Hooks hooks = new Hooks();
        // the wording is needed only for help: a run that prints none does not build it
        cl.setHelpFactory(hooks);
        cl.setErr(err);
        cl.setParameterExceptionHandler(hooks);
        cl.setExecutionExceptionHandler(hooks);
        cl.setExecutionStrategy(hooks);
        return cl;
    }

    /**
     * gtvpc's hooks into picocli, as a class rather than lambdas: the start-up archive cannot keep a
     * lambda of one of picocli's interfaces (Java 5 bytecode), and making one while the archive is
     * written leaves that interface, and every picocli class that implements it, out of the archive.
     */
    private static final class Hooks implements CommandLine.IHelpFactory, CommandLine.IParameterExceptionHandler,
            CommandLine.IExecutionExceptionHandler, CommandLine.IExecutionStrategy {
        @Override
        public CommandLine.Help create(CommandLine.Model.CommandSpec spec, CommandLine.Help.ColorScheme colors) {
            return OptionWording.help(spec, colors);
        }

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            return ExitCodes.onUsageError(e, args);
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
            return ExitCodes.onFailure(e, cmd, parseResult);
        }

        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            refuseEmptyItems(parseResult);
            return ConfigDefaults.run(parseResult, new CommandLine.RunLast());
        }
    }

    /**
     * A comma-separated option with an empty item ({@code --vpce vpce-1,}, {@code --bucket a,,b}) is a
     * list the user did not finish typing; picocli would drop the empty item silently. Refused for
     * every option that splits, as {@code --actions} already did.
     */
    private static void refuseEmptyItems(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            for (CommandLine.Model.OptionSpec option : pr.matchedOptions()) {
                if (option.splitRegex().isEmpty()) {
                    continue;
                }
                for (String raw : option.originalStringValues()) {
                    if (raw.isEmpty() || raw.startsWith(",") || raw.endsWith(",") || raw.contains(",,")) {
                        throw new CommandLine.ParameterException(pr.commandSpec().commandLine(), option.longestName()
                                + ": '" + raw + "' has an empty item; separate the values with single commas");
                    }
                }
            }
        }
    }
}
