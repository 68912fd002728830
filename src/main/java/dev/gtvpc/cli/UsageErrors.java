package dev.gtvpc.cli;

import dev.gtvpc.util.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's usage errors in gtvpc's one form, {@code OPTION: what is wrong; what to do}: the option,
 * argument or command first, as every error of gtvpc's own begins, then the remedy and where the
 * command's help is. Only the wording lives here; printing it is {@link ErrorLine}'s job.
 */
final class UsageErrors {
    private static final Pattern INVALID_VALUE =
            Pattern.compile("Invalid value for (?:option '([^']+)'|positional parameter at index \\d+ \\(([^)]+)\\)): (.*)", Pattern.DOTALL);
    private static final Pattern EXCLUSIVE = Pattern.compile("(?:Error: )?(.+?) are mutually exclusive.*", Pattern.DOTALL);
    private static final Pattern MISSING_VALUE = Pattern.compile("Missing required parameter for option '([^']+)' \\(([^)]+)\\).*", Pattern.DOTALL);
    private static final Pattern GIVEN_TWICE = Pattern.compile("option '([^']+)' \\(([^)]+)\\) should be specified only once.*", Pattern.DOTALL);

    private UsageErrors() {
    }

    /** The message (without the leading {@code gtvpc: }) for {@code e}, raised by {@code cmd} on {@code args}. */
    static String describe(CommandLine.ParameterException e, CommandLine cmd, String[] args) {
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
            Optional<String> described = missing(missing, cmd, args, help, see);
            if (described.isPresent()) {
                return described.get();
            }
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            return unmatched(u, cmd, help, see);
        }
        if (e instanceof CommandLine.OverwrittenOptionException) {
            Matcher twice = GIVEN_TWICE.matcher(String.valueOf(e.getMessage()));
            if (twice.matches()) {
                return twice.group(1) + ": given more than once; give it once" + see;
            }
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            Matcher exclusive = EXCLUSIVE.matcher(String.valueOf(e.getMessage()));
            if (exclusive.matches()) {
                return exclusive.group(1) + ": mutually exclusive; give only one" + see;
            }
        }
        Matcher invalid = INVALID_VALUE.matcher(String.valueOf(e.getMessage()));
        if (invalid.matches()) {
            String name = invalid.group(1) != null ? invalid.group(1) : invalid.group(2);
            return name + ": " + ErrorLine.oneLine(invalid.group(3)) + "; see " + help;
        }
        String message = ErrorLine.oneLine(e.getMessage());
        ArgSpec arg = e.getArgSpec();
        return (arg != null && !message.contains(name(arg)) ? name(arg) + ": " : "") + message + "; see " + help;
    }

    private static Optional<String> missing(CommandLine.MissingParameterException missing, CommandLine cmd, String[] args, String help,
            String see) {
        Optional<String> unknown = unknownOption(cmd, args);
        if (unknown.isPresent()) {
            // picocli reports a missing required option before a mistyped one; the typo is the real problem
            return Optional.of(unknown.get().endsWith("?") ? unknown.get() + see : unknown.get() + "see " + help + " for the options");
        }
        Matcher value = MISSING_VALUE.matcher(String.valueOf(missing.getMessage()));
        if (value.matches()) {
            return Optional.of(value.group(1) + ": needs a value; add it, as in " + value.group(1) + " " + value.group(2) + see);
        }
        List<ArgSpec> specs = missing.getMissing();
        if (specs != null && !specs.isEmpty()) {
            List<String> names = specs.stream().map(UsageErrors::name).toList();
            List<String> forms = specs.stream().map(a -> a.isOption() ? ((OptionSpec) a).longestName() + " " + a.paramLabel() : a.paramLabel())
                    .toList();
            boolean options = specs.stream().allMatch(ArgSpec::isOption);
            return Optional.of(String.join(", ", names) + ": required; " + (options ? "add " : "name ") + String.join(" ", forms) + see);
        }
        return Optional.empty();
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException u, CommandLine cmd, String help, String see) {
        List<String> unmatched = u.getUnmatched();
        List<String> suggestions = u.getSuggestions();
        String didYouMean = suggestions.isEmpty() ? "" : "did you mean " + suggestions.get(0) + "? ";
        // picocli's first suggestion is its closest; the others are often far off
        for (String arg : unmatched) {
            if (arg.startsWith("-") && arg.length() > 1) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (name.equals("-v") && cmd.getCommandSpec().findOption("-V") != null) {
                    // -v is --version to some tools and --verbose to others: name both
                    return "-v: unknown option; -V prints the version, --verbose adds the stack trace to an error" + see;
                }
                // picocli suggests by prefix; a transposition (--fromat) is a typo it misses
                Optional<String> closest = Suggestions.closest(name, cmd.getCommandSpec().options().stream()
                        .flatMap(o -> Arrays.stream(o.names())).filter(n -> n.startsWith("--")).toList());
                String suggestion = closest.isPresent() && name.startsWith("--") ? "did you mean " + closest.get() + "?" : didYouMean.strip();
                return name + ": unknown option; " + (suggestion.isEmpty() ? "see " + help + " for the options" : suggestion + see);
            }
        }
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        if (!cmd.getSubcommands().isEmpty()) {
            return first + ": unknown command; " + commandMeant(cmd, first).orElse(didYouMean.isEmpty() ? "give one of "
                    + String.join(", ", cmd.getSubcommands().keySet()) : didYouMean.strip()) + see;
        }
        CommandSpec spec = cmd.getCommandSpec();
        return first + ": unexpected argument; " + spec.qualifiedName() + " takes "
                + (spec.positionalParameters().isEmpty() ? "no arguments, only options"
                : "only " + String.join(" ", spec.positionalParameters().stream().map(PositionalParamSpec::paramLabel).toList())) + see;
    }

    /**
     * What a user meant by an unknown command {@code typed}: a command one level down ({@code gtvpc lint}:
     * policy lint), or an option of this command written as a word ({@code gtvpc version}: --version).
     */
    private static Optional<String> commandMeant(CommandLine cmd, String typed) {
        List<String> below = new ArrayList<>();
        for (CommandLine sub : cmd.getSubcommands().values()) {
            if (sub.getSubcommands().containsKey(typed)) {
                below.add(sub.getCommandName() + " " + typed);
            }
        }
        if (!below.isEmpty()) {
            String choices = below.size() == 1 ? below.get(0)
                    : String.join(", ", below.subList(0, below.size() - 1)) + " or " + below.get(below.size() - 1);
            return Optional.of("did you mean " + choices + "?");
        }
        OptionSpec option = typed.matches("[a-z-]{2,}") ? cmd.getCommandSpec().findOption("--" + typed) : null;
        return option == null ? Optional.empty() : Optional.of("did you mean " + option.longestName() + "?");
    }

    private static String name(ArgSpec arg) {
        return arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
    }

    /** The first {@code --option} in {@code args} that {@code cmd} does not have, with a suggestion. */
    private static Optional<String> unknownOption(CommandLine cmd, String[] args) {
        CommandSpec spec = cmd.getCommandSpec();
        // a negatable option is also known by its negated name (--no-ground-truth), which names() does not list
        List<String> names = spec.options().stream().flatMap(o -> Stream.concat(Arrays.stream(o.names()),
                o.negatable() ? Arrays.stream(o.names()).map(n -> spec.negatableOptionTransformer().makeNegative(n, spec)) : Stream.empty()))
                .toList();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (spec.findOption(name) == null && !names.contains(name)) {
                    return Optional.of(name + ": unknown option" + Suggestions.closest(name, names)
                            .map(s -> "; did you mean " + s + "?").orElse("; "));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code --output} is the AWS CLI's name for the output <em>format</em>; gtvpc spells that
     * {@code --format} and a file {@code -o}. It used to be an alias of {@code -o}, so {@code --output json}
     * quietly wrote a file named {@code json}; now it is refused everywhere, pointing at both.
     */
    private static Optional<String> awsCliOutput(CommandLine cmd, String[] args) {
        CommandSpec spec = cmd.getCommandSpec();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            if ((arg.equals("--output") || arg.startsWith("--output=")) && spec.findOption("--output") == null) {
                List<String> instead = new ArrayList<>();
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
}
