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
        // the terminal's width when picocli can learn it, 80 columns otherwise (a pipe, a file, CI logs)
        cl.setUsageHelpWidth(80);
        cl.setUsageHelpAutoWidth(true);
        verbatimExamples(cl);
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

    /**
     * The footers (examples, presets, exit codes) of every command in the tree, rendered so that an
     * indented line — an example command, a table row — is printed as written, never wrapped at a
     * hyphen or a space in the middle of a command a user will copy; unindented prose is wrapped at
     * the help width. The man page is made from the same renderer.
     */
    static void verbatimExamples(CommandLine cl) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, ExitCodes::footer);
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING, ExitCodes::footerHeading);
        for (CommandLine sub : cl.getSubcommands().values()) {
            verbatimExamples(sub);
        }
    }

    private static String footer(CommandLine.Help help) {
        return verbatimOrWrapped(help.commandSpec().usageMessage().footer(), help.commandSpec().usageMessage().width());
    }

    private static String footerHeading(CommandLine.Help help) {
        return verbatimOrWrapped(new String[] {help.commandSpec().usageMessage().footerHeading()},
                help.commandSpec().usageMessage().width());
    }

    /** Indented lines as written; runs of unindented lines joined into paragraphs and wrapped at spaces only. */
    static String verbatimOrWrapped(String[] lines, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            String text = line.replace("%n", "\n");
            String[] parts = text.split("\n", -1);
            for (int i = 0; i < parts.length; i++) {
                String l = parts[i];
                boolean last = i == parts.length - 1;
                if (l.isEmpty() || l.startsWith(" ")) {
                    flush(paragraph, width, out);
                    if (!(last && l.isEmpty() && parts.length > 1)) {
                        out.append(l).append('\n');
                    }
                } else {
                    paragraph.append(paragraph.length() == 0 ? "" : " ").append(l);
                    if (parts.length > 1 && !last) {
                        flush(paragraph, width, out);
                    }
                }
            }
        }
        flush(paragraph, width, out);
        return out.toString();
    }

    private static void flush(StringBuilder paragraph, int width, StringBuilder out) {
        if (paragraph.length() > 0) {
            wrap(paragraph.toString(), width, out);
            paragraph.setLength(0);
        }
    }

    private static void wrap(String prose, int width, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (String word : prose.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        out.append(line).append('\n');
    }

    /**
     * picocli's usage errors in gtvpc's one form, {@code gtvpc: OPTION: what is wrong; what to do}: the
     * option, argument or command first, as every error of gtvpc's own begins, then the remedy and
     * where the command's help is.
     */
    private static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("gtvpc: " + usageError(e, cmd, args));
        if (verbose(cmd)) {
            err.print(stackTrace(e));
        }
        err.flush();
        return ExitCode.BAD_INPUT.code();
    }

    private static final java.util.regex.Pattern INVALID_VALUE =
            java.util.regex.Pattern.compile("Invalid value for (?:option '([^']+)'|positional parameter at index \\d+ \\(([^)]+)\\)): (.*)", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern EXCLUSIVE =
            java.util.regex.Pattern.compile("(?:Error: )?(.+?) are mutually exclusive.*", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern MISSING_VALUE =
            java.util.regex.Pattern.compile("Missing required parameter for option '([^']+)' \\(([^)]+)\\).*", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern GIVEN_TWICE =
            java.util.regex.Pattern.compile("option '([^']+)' \\(([^)]+)\\) should be specified only once.*", java.util.regex.Pattern.DOTALL);

    static String usageError(CommandLine.ParameterException e, CommandLine cmd, String[] args) {
        String help = "'" + cmd.getCommandSpec().qualifiedName() + " --help'";
        String see = " (see " + help + ")";
        Optional<String> awsCliOutput = awsCliOutput(cmd, args);
        if (awsCliOutput.isPresent()) {
            return awsCliOutput.get() + see;
        }
        if (String.valueOf(e.getMessage()).startsWith("Missing required subcommand")) {
            return "COMMAND: missing; give one of " + String.join(", ", cmd.getSubcommands().keySet()) + see;
        }
        if (e instanceof CommandLine.MissingParameterException missing) {
            Optional<String> unknown = unknownOption(cmd, args);
            if (unknown.isPresent()) {
                // picocli reports a missing required option before a mistyped one; the typo is the real problem
                return unknown.get().endsWith("?") ? unknown.get() + see : unknown.get() + "see " + help + " for the options";
            }
            String message = String.valueOf(e.getMessage());
            java.util.regex.Matcher value = MISSING_VALUE.matcher(message);
            if (value.matches()) {
                return value.group(1) + ": needs a value; add it, as in " + value.group(1) + " " + value.group(2) + see;
            }
            List<CommandLine.Model.ArgSpec> specs = missing.getMissing();
            if (specs != null && !specs.isEmpty()) {
                List<String> names = specs.stream().map(ExitCodes::name).toList();
                List<String> forms = specs.stream().map(a -> a.isOption()
                        ? ((CommandLine.Model.OptionSpec) a).longestName() + " " + a.paramLabel() : a.paramLabel()).toList();
                boolean options = specs.stream().allMatch(CommandLine.Model.ArgSpec::isOption);
                return String.join(", ", names) + ": required; " + (options ? "add " : "name ") + String.join(" ", forms) + see;
            }
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            List<String> suggestions = u.getSuggestions();
            String didYouMean = suggestions.isEmpty() ? "" : "did you mean " + suggestions.get(0) + "? ";
            // picocli's first suggestion is its closest; the others are often far off
            for (String arg : unmatched) {
                if (arg.startsWith("-") && arg.length() > 1) {
                    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                    return name + ": unknown option; " + (didYouMean.isEmpty() ? "see " + help + " for the options" : didYouMean.strip() + see);
                }
            }
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            if (!cmd.getSubcommands().isEmpty()) {
                return first + ": unknown command; " + (didYouMean.isEmpty() ? "give one of "
                        + String.join(", ", cmd.getSubcommands().keySet()) : didYouMean.strip()) + see;
            }
            return first + ": unexpected argument; " + cmd.getCommandSpec().qualifiedName() + " takes "
                    + (cmd.getCommandSpec().positionalParameters().isEmpty() ? "no arguments, only options"
                    : "only " + String.join(" ", cmd.getCommandSpec().positionalParameters().stream()
                            .map(CommandLine.Model.PositionalParamSpec::paramLabel).toList())) + see;
        }
        if (e instanceof CommandLine.OverwrittenOptionException) {
            java.util.regex.Matcher twice = GIVEN_TWICE.matcher(String.valueOf(e.getMessage()));
            if (twice.matches()) {
                return twice.group(1) + ": given more than once; give it once" + see;
            }
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            java.util.regex.Matcher exclusive = EXCLUSIVE.matcher(String.valueOf(e.getMessage()));
            if (exclusive.matches()) {
                return exclusive.group(1) + ": mutually exclusive; give only one" + see;
            }
        }
        java.util.regex.Matcher invalid = INVALID_VALUE.matcher(String.valueOf(e.getMessage()));
        if (invalid.matches()) {
            String name = invalid.group(1) != null ? invalid.group(1) : invalid.group(2);
            return name + ": " + oneLine(invalid.group(3)) + "; see " + help;
        }
        String message = oneLine(e.getMessage());
        CommandLine.Model.ArgSpec arg = e.getArgSpec();
        return (arg != null && !message.contains(name(arg)) ? name(arg) + ": " : "") + message + "; see " + help;
    }

    private static String name(CommandLine.Model.ArgSpec arg) {
        return arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
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
                    return Optional.of(name + ": unknown option" + Suggestions.closest(name, names)
                            .map(s -> "; did you mean " + s + "?").orElse("; "));
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
