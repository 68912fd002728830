package dev.gtvpc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --print-config}: the settings a configuration file can give one command, as this run has
 * them, each with where it came from. The output is itself a configuration file (an unset key is a
 * comment), so it can start one.
 */
final class ConfigPrinter {
    /** A scalar YAML reads back as the same text: no number, no boolean, no indicator first. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._/:@+=-]*");
    private static final int COMMENT_COLUMN = 36;

    private ConfigPrinter() {
    }

    static String print(CommandSpec spec, Optional<ConfigFile> file, ConfigDefaults defaults) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(spec.qualifiedName(" ")).append(": the settings a configuration file can give, as this run has them\n");
        out.append("# configuration file: ").append(file.map(ConfigFile::shown).orElse("none (no " + ConfigFile.NAME
                + " in the working directory or its parents up to the top of the git repository)")).append('\n');
        String section = null;
        for (ConfigFile.Key key : ConfigDefaults.keys(spec)) {
            if (key.section != null && !key.section.equals(section)) {
                section = key.section;
                out.append(section).append(":\n");
            }
            OptionSpec option = spec.findOption(key.option());
            String indent = key.section == null ? "" : "  ";
            Optional<String> value = value(key, option, file, defaults);
            String origin = switch (defaults.origin(option)) {
                case COMMAND_LINE -> "command line";
                case CONFIG_FILE -> file.orElseThrow().at(key);
                case DEFAULT -> value.isPresent() ? "default" : "not set";
            };
            String line = (value.isPresent() ? indent : "# " + indent) + key.name + ":" + value.map(v -> " " + v).orElse("");
            out.append(line).append(" ".repeat(Math.max(1, COMMENT_COLUMN - line.length()))).append("# ").append(origin).append('\n');
        }
        return out.toString();
    }

    /** The value as written where it came from; empty when the option has none. */
    private static Optional<String> value(ConfigFile.Key key, OptionSpec option, Optional<ConfigFile> file, ConfigDefaults defaults) {
        List<String> values = switch (defaults.origin(option)) {
            case COMMAND_LINE -> typed(option);
            case CONFIG_FILE -> file.orElseThrow().settings().get(key).values();
            case DEFAULT -> option.defaultValue() == null ? List.of() : List.of(option.defaultValue());
        };
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (!key.list) {
            return Optional.of(scalar(values.get(0)));
        }
        return Optional.of("[" + String.join(", ", values.stream().map(ConfigPrinter::scalar).toList()) + "]");
    }

    private static List<String> typed(OptionSpec option) {
        List<String> values = new ArrayList<>();
        for (String raw : option.originalStringValues()) {
            values.addAll(option.splitRegex().isEmpty() ? List.of(raw) : List.of(raw.split(option.splitRegex())));
        }
        return values;
    }

    private static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !List.of("true", "false", "null", "yes", "no", "on", "off").contains(value.toLowerCase(java.util.Locale.ROOT))) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
