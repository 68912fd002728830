package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.util.Suggestions;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The one place that turns outcomes into exit codes and errors into a single line on stderr.
 * A stack trace is shown only with {@code --verbose}.
 */
public final class ExitCodes {
    /** An unexpected exception: a bug in gtvpc, not bad input (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }

    /** Builds the command line with gtvpc's handlers, runs {@code args} and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return outputChecked(commandLine(out, err, null, CommandTree.path(args)).execute(args), out, err);
    }

    /** Runs {@code args} with another environment, terminal and clock (tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, RunContext context) {
        return outputChecked(commandLine(out, err, context, CommandTree.path(args)).execute(args), out, err);
    }

    /**
     * A result that could not be written is not a success: a full disk, a closed or broken standard
     * output turns exit 0 or 1 into 2, with one line saying so. (An AWS error or a bug keeps its code.)
     */
    static int outputChecked(int code, PrintWriter out, PrintWriter err) {
        if (!out.checkError()) {
            return code;
        }
        String why = out instanceof StandardOutput s ? s.failure().map(f -> " (" + f + ")").orElse("") : "";
        err.println("gtvpc: standard output: cannot write" + why + "; the output is missing or cut short");
        err.flush();
        return code == ExitCode.OK.code() || code == ExitCode.CHECK_FAILED.code() ? ExitCode.BAD_INPUT.code() : code;
    }

    /** Every command, for what describes them all: completion scripts, the man page. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, null, List.of(CommandTree.ROOT));
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, RunContext context, List<CommandTree.Node> path) {
        GtvpcCommand root = new GtvpcCommand();
        if (context != null) {
            root.context = context;
        }
        CommandLine cl = new CommandLine(root);
        // before the settings below: picocli copies them to the subcommands present when they are set
        CommandTree.addSubcommands(cl, path);
        cl.setOut(out);
        // wide enough that condition keys such as aws:SourceVpce are not broken at their colon
        cl.setUsageHelpWidth(100);
        cl.setErr(err);
        cl.setParameterExceptionHandler(ExitCodes::onParameterError);
        cl.setExecutionExceptionHandler(ExitCodes::onExecutionError);
        cl.setExecutionStrategy(parseResult -> {
            refuseEmptyItems(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cl;
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

    private static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        StringBuilder line = new StringBuilder("gtvpc: ");
        Optional<String> unknown = e instanceof CommandLine.MissingParameterException ? unknownOption(cmd, args) : Optional.empty();
        Optional<String> awsCliOutput = awsCliOutput(cmd, args);
        if (awsCliOutput.isPresent()) {
            line.append(awsCliOutput.get());
        } else if (unknown.isPresent()) {
            // picocli reports a missing required option before a mistyped one; the typo is the real problem
            line.append(unknown.get());
        } else {
            line.append(oneLine(e.getMessage()));
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && awsCliOutput.isEmpty()) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                // picocli's first suggestion is its closest; the others are often far off
                line.append(" (did you mean ").append(suggestions.get(0)).append("?)");
            }
        }
        line.append(" — see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help'");
        err.println(line);
        if (verbose(cmd)) {
            err.print(stackTrace(e));
        }
        err.flush();
        return ExitCode.BAD_INPUT.code();
    }

    /**
     * {@code --output} is the AWS CLI's name for the output <em>format</em>; gtvpc spells that
     * {@code --format} and a file {@code -o}. It used to be an alias of {@code -o}, so {@code --output json}
     * quietly wrote a file named {@code json}; now it is refused everywhere, pointing at both.
     */
    private static Optional<String> awsCliOutput(CommandLine cmd, String[] args) {
        CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if ((arg.equals("--output") || arg.startsWith("--output=")) && spec.findOption("--output") == null) {
                List<String> instead = new java.util.ArrayList<>();
                if (spec.findOption("--format") != null) {
                    instead.add("--format FORMAT for the output format");
                }
                if (spec.findOption("-o") != null) {
                    instead.add("-o FILE to write a file");
                }
                return Optional.of("--output: not an option of gtvpc (the AWS CLI's --output is an output format)"
                        + (instead.isEmpty() ? "; this command writes text to standard output" : "; use " + String.join(", or ", instead)));
            }
        }
        return Optional.empty();
    }

    /** The first {@code --option} in {@code args} that {@code cmd} does not have, with a suggestion. */
    private static Optional<String> unknownOption(CommandLine cmd, String[] args) {
        CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
        List<String> names = spec.options().stream().flatMap(o -> Arrays.stream(o.names())).toList();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (spec.findOption(name) == null) {
                    return Optional.of("Unknown option: '" + name + "'" + Suggestions.didYouMean(name, names));
                }
            }
        }
        return Optional.empty();
    }

    private static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof GtvpcException g) {
            err.println("gtvpc: " + oneLine(g.getMessage()));
            code = g.exitCode().code();
        } else {
            err.println("gtvpc: internal error: " + oneLine(String.valueOf(e)) + " — this is a bug in gtvpc;"
                    + " run again with --verbose and report the output");
            code = INTERNAL_ERROR;
        }
        if (verbose(cmd)) {
            err.print(stackTrace(e));
        }
        err.flush();
        return code;
    }

    private static boolean verbose(CommandLine cmd) {
        for (CommandLine c = cmd; c != null; c = c.getParent()) {
            CommandLine.ParseResult pr = c.getParseResult();
            if (pr != null && pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        Object top = root(cmd).getCommand();
        return top instanceof GtvpcCommand g && g.verbose;
    }

    private static CommandLine root(CommandLine cmd) {
        CommandLine c = cmd;
        while (c.getParent() != null) {
            c = c.getParent();
        }
        return c;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The exception chain, one frame a line, for --verbose. */
    static String stackTrace(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            out.append(c == t ? "" : "Caused by: ").append(c).append('\n');
            for (StackTraceElement frame : c.getStackTrace()) {
                out.append("\tat ").append(frame).append('\n');
            }
        }
        return out.toString();
    }
}
