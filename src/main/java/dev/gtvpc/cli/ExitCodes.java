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
        return commandLine(out, err, null, CommandTree.path(args)).execute(args);
    }

    /** Runs {@code args} with another environment, terminal and clock (tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err, RunContext context) {
        return commandLine(out, err, context, CommandTree.path(args)).execute(args);
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
        return cl;
    }

    private static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        StringBuilder line = new StringBuilder("gtvpc: ");
        Optional<String> unknown = e instanceof CommandLine.MissingParameterException ? unknownOption(cmd, args) : Optional.empty();
        if (unknown.isPresent()) {
            // picocli reports a missing required option before a mistyped one; the typo is the real problem
            line.append(unknown.get());
        } else {
            line.append(oneLine(e.getMessage()));
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
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
        Redactor redactor = Redactor.of(root(cmd).getCommand() instanceof GtvpcCommand g && g.context != null
                ? g.context.environment() : System.getenv());
        int code;
        if (e instanceof GtvpcException g) {
            err.println(redactor.redact("gtvpc: " + oneLine(g.getMessage())));
            code = g.exitCode().code();
        } else {
            err.println(redactor.redact("gtvpc: internal error: " + oneLine(String.valueOf(e)) + " — this is a bug in gtvpc;"
                    + " run again with --verbose and report the output"));
            code = INTERNAL_ERROR;
        }
        if (verbose(cmd)) {
            err.print(redactor.redact(stackTrace(e)));
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
