package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Where {@code .gtvpc.yaml} ({@link ConfigFile}) meets the options, in one place for every command:
 * each command with an option the file can set gets {@code --config FILE} and {@code --print-config},
 * and the file's values reach the options as picocli's defaults, so an option given on the command line
 * always wins, a required option ({@code generate --region}) is satisfied by the file, and each command
 * checks a value from the file exactly as it checks one typed. A value from the file that a command
 * refuses is reported at the file's line, not as an option the user never typed.
 *
 * <p>The file is read once a run, when a command first needs it; a file that cannot be read is held
 * back until the command runs, so {@code --help} works beside a broken file.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    static final String CONFIG = "--config";
    static final String PRINT = "--print-config";

    private final Supplier<Path> workingDirectory;
    /** null until read; empty when no file is found. */
    private Optional<ConfigFile> config;
    private GtvpcException problem;
    /** The options the file filled, to say where a value came from. */
    private final Map<OptionSpec, ConfigFile.Key> filled = new IdentityHashMap<>();

    private ConfigDefaults(Supplier<Path> workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Adds the two options to every command of {@code cl} a file can configure, and the file's values as their defaults. */
    static void install(CommandLine cl, Supplier<Path> workingDirectory) {
        addOptions(cl);
        cl.setDefaultValueProvider(new ConfigDefaults(workingDirectory));
    }

    private static void addOptions(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        if (keys(spec).size() > 0 && spec.findOption(CONFIG) == null) {
            // a Path, so completion offers file names
            spec.addOption(OptionSpec.builder(CONFIG).paramLabel("FILE").type(Path.class)
                    .description("Read FILE instead of " + ConfigFile.NAME + ", which is looked for in the working directory and"
                            + " its parents up to the top of the git repository. Options given here win over the file.")
                    .build());
            // a help option to picocli: it answers without the arguments the command needs to run
            spec.addOption(OptionSpec.builder(PRINT).arity("0").type(boolean.class).help(true)
                    .description("Print the settings this run would use (from the command line, the configuration file, or the"
                            + " defaults), each with where it came from, and exit.")
                    .build());
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            addOptions(sub);
        }
    }

    /** The keys that fill an option of {@code spec}: top-level keys wherever the option is, a section's in its command only. */
    static List<ConfigFile.Key> keys(CommandSpec spec) {
        // the option names gathered once: picocli's findOption copies every option's names for each name asked
        Set<String> names = new HashSet<>();
        for (OptionSpec option : spec.options()) {
            names.addAll(Arrays.asList(option.names()));
        }
        List<ConfigFile.Key> keys = new ArrayList<>();
        for (ConfigFile.Key key : ConfigFile.Key.values()) {
            if (names.contains(key.option()) && inSection(key, spec)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The key that fills {@code option}, if one does. Asked for every option of every run: no list of the command's keys is built. */
    private static Optional<ConfigFile.Key> keyOf(OptionSpec option) {
        String name = option.longestName();
        for (ConfigFile.Key key : ConfigFile.Key.values()) {
            if (key.option().equals(name) && inSection(key, option.command())) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** A top-level key fills its option in every command; a section's key only in the command the section names. */
    private static boolean inSection(ConfigFile.Key key, CommandSpec spec) {
        return key.section == null || spec.qualifiedName(" ").equals("gtvpc policy " + key.section);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.command() == null) {
            return null;
        }
        Optional<ConfigFile.Key> key = keyOf(option);
        if (key.isEmpty()) {
            return null;
        }
        Optional<ConfigFile> file = config(option.command());
        if (file.isEmpty() || !file.get().settings().containsKey(key.get())) {
            return null;
        }
        List<String> values = file.get().settings().get(key.get()).values();
        if (key.get().list && option.splitRegex().isEmpty()) {
            // picocli would take a joined list as one value: the strategy sets such a list itself (run)
            return null;
        }
        filled.put(option, key.get());
        if (key.get().isPath()) {
            return file.get().directory().resolve(values.get(0)).normalize().toString();
        }
        return String.join(",", values);
    }

    /** The file of this run, read once; a problem is kept for {@link #run} to report. */
    private Optional<ConfigFile> config(CommandSpec command) {
        if (config == null) {
            try {
                config = read(command);
            } catch (GtvpcException e) {
                problem = e;
                config = Optional.empty();
            }
        }
        return config;
    }

    private Optional<ConfigFile> read(CommandSpec command) {
        Path cwd = workingDirectory.get().toAbsolutePath().normalize();
        OptionSpec given = command.findOption(CONFIG);
        Path named = given == null ? null : given.getValue();
        if (named != null) {
            return Optional.of(ConfigFile.read(cwd.resolve(named), named.toString()));
        }
        Optional<Path> found = ConfigFile.find(cwd);
        // no lambda here or in run: this class implements a picocli interface, and the start-up archive keeps no lambda of such a class
        return found.isPresent() ? Optional.of(ConfigFile.read(found.get(), cwd.relativize(found.get()).toString())) : Optional.empty();
    }

    /** Where the value of {@code option} came from. */
    Inside.Origin origin(OptionSpec option) {
        ParseResult parsed = option.command().commandLine().getParseResult();
        if (parsed != null && parsed.hasMatchedOption(option)) {
            return Inside.Origin.COMMAND_LINE;
        }
        return filled.containsKey(option) ? Inside.Origin.CONFIG_FILE : Inside.Origin.DEFAULT;
    }

    /** The directory relative values of {@code option} are taken from: the file's, when the file gave them. */
    Path base(OptionSpec option) {
        return filled.containsKey(option) ? config.orElseThrow().directory() : workingDirectory.get().toAbsolutePath().normalize();
    }

    /** The provider of {@code spec}'s run. */
    static ConfigDefaults of(CommandSpec spec) {
        return (ConfigDefaults) spec.commandLine().getDefaultValueProvider();
    }

    /** A usage error of a run whose file could not be read: the file's problem comes first (it may be why an option is missing). */
    static Optional<String> problem(CommandLine cl) {
        return cl.getDefaultValueProvider() instanceof ConfigDefaults d && d.problem != null
                ? Optional.of(ErrorLine.oneLine(d.problem.getMessage())) : Optional.empty();
    }

    /**
     * The execution step: the file read (and its problem reported) before the command runs,
     * {@code --print-config} answered, and a command's refusal of a value from the file pointed at its line.
     */
    static int run(ParseResult parseResult, CommandLine.IExecutionStrategy next) {
        ParseResult last = parseResult;
        boolean help = last.isUsageHelpRequested() || last.isVersionHelpRequested();
        while (last.subcommand() != null) {
            last = last.subcommand();
            help |= last.isUsageHelpRequested() || last.isVersionHelpRequested();
        }
        CommandSpec spec = last.commandSpec();
        if (help || spec.findOption(CONFIG) == null || !(spec.commandLine().getDefaultValueProvider() instanceof ConfigDefaults defaults)) {
            return next.execute(parseResult);
        }
        Optional<ConfigFile> file = defaults.config(spec);
        if (defaults.problem != null) {
            throw new CommandLine.ExecutionException(spec.commandLine(), defaults.problem.getMessage(), defaults.problem);
        }
        if (file.isPresent()) {
            defaults.setLists(spec, file.get(), last);
        }
        if (last.hasMatchedOption(PRINT)) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(ConfigPrinter.print(spec, file, defaults));
            out.flush();
            return ExitCode.OK.code();
        }
        try {
            return next.execute(parseResult);
        } catch (CommandLine.ExecutionException e) {
            throw defaults.pointAtFile(e, spec, file);
        }
    }

    /** Lists picocli cannot take as one default (no split): set here, unless the command line gave them. */
    private void setLists(CommandSpec spec, ConfigFile file, ParseResult parsed) {
        for (ConfigFile.Key key : keys(spec)) {
            OptionSpec option = spec.findOption(key.option());
            if (key.list && option.splitRegex().isEmpty() && !parsed.hasMatchedOption(option) && file.settings().containsKey(key)) {
                option.setValue(new ArrayList<>(file.settings().get(key).values()));
                filled.put(option, key);
            }
        }
    }

    /** {@code --region: 'x' is not …} for a region the file gave becomes {@code .gtvpc.yaml:2: region: 'x' is not …}. */
    private CommandLine.ExecutionException pointAtFile(CommandLine.ExecutionException e, CommandSpec spec, Optional<ConfigFile> file) {
        if (file.isEmpty() || !(e.getCause() instanceof GtvpcException g) || g.exitCode() != ExitCode.BAD_INPUT) {
            return e;
        }
        String message = String.valueOf(g.getMessage());
        for (Map.Entry<OptionSpec, ConfigFile.Key> f : filled.entrySet()) {
            String prefix = f.getValue().option() + ": ";
            if (f.getKey().command() == spec && message.startsWith(prefix)) {
                String moved = file.get().at(f.getValue()) + ": " + f.getValue().path() + ": " + message.substring(prefix.length());
                return new CommandLine.ExecutionException(spec.commandLine(), moved, new GtvpcException(g.exitCode(), moved, g));
            }
        }
        return e;
    }
}
