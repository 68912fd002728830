package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.input.Yaml;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.util.Suggestions;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .gtvpc.yaml}: the settings a project keeps beside its policies so every run need not repeat
 * them. Each key is the long name of an option ({@code region} is {@code --region}); keys that only
 * {@code policy lint} takes sit under {@code lint:}, so an option another command spells the same
 * with other values ({@code audit --fail-on}) is never filled by mistake. Values are kept as the text
 * written (an account ID stays {@code 012345678901}, never a number), each with its line, so every
 * error and {@code --print-config} can say where a value came from.
 *
 * <p>Found ({@link #find}) in the working directory or the nearest parent that has one, the search
 * stopping at the top of the git repository (a directory holding {@code .git}) or the filesystem root.
 */
record ConfigFile(String shown, Path directory, Map<Key, Setting> settings) {
    static final String NAME = ".gtvpc.yaml";

    /** A key the file may hold: where it sits, the option it fills, whether it takes a list. */
    enum Key {
        REGION(null, "region", false),
        VPC(null, "vpc", true),
        VPCE(null, "vpce", true),
        ROLE_ARN(null, "role-arn", true),
        ORG_ID(null, "org-id", false),
        BUCKET_ACCOUNT(null, "bucket-account", false),
        FAIL_ON("lint", "fail-on", false),
        DISABLE("lint", "disable", true),
        BASELINE("lint", "baseline", false),
        EXCLUDE("lint", "exclude", true);

        /** The section (a command's name) a key sits under; null: the top level, for every command with the option. */
        final String section;
        final String name;
        final boolean list;

        Key(String section, String name, boolean list) {
            this.section = section;
            this.name = name;
            this.list = list;
        }

        String option() {
            return "--" + name;
        }

        /** How the key is spelt in messages: {@code lint.fail-on}. */
        String path() {
            return section == null ? name : section + "." + name;
        }

        /** A path given relative to the file's directory. */
        boolean isPath() {
            return this == BASELINE || this == EXCLUDE;
        }

        static Optional<Key> of(String section, String name) {
            return Arrays.stream(values()).filter(k -> java.util.Objects.equals(k.section, section) && k.name.equals(name)).findFirst();
        }

        static List<String> names(String section) {
            List<String> names = new ArrayList<>(Arrays.stream(values()).filter(k -> java.util.Objects.equals(k.section, section))
                    .map(k -> k.name).toList());
            if (section == null) {
                names.add("lint");
            }
            return names;
        }
    }

    /** A key's values as written, and the line of the key. */
    record Setting(List<String> values, int line) {
        Setting {
            values = List.copyOf(values);
        }
    }

    ConfigFile {
        settings = Map.copyOf(settings);
    }

    /** {@code FILE:LINE} of a key, for messages and {@code --print-config}. */
    String at(Key key) {
        return shown + ":" + settings.get(key).line();
    }

    /** The nearest {@value #NAME} from {@code start} up, not above a git repository's top or the root. */
    static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(NAME);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Reads {@code file}, shown in messages as {@code shown}; every problem is bad input naming the file and line. */
    static ConfigFile read(Path file, String shown) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw GtvpcException.badInput("--config: no such file: " + shown);
        } catch (CharacterCodingException e) {
            throw GtvpcException.badInput(shown + ": not UTF-8 text");
        } catch (IOException e) {
            throw GtvpcException.badInput("--config: cannot read " + shown + ": " + e.getMessage());
        }
        Path directory = file.toAbsolutePath().normalize().getParent();
        return new ConfigFile(shown, directory, parse(text, shown));
    }

    private static Map<Key, Setting> parse(String text, String shown) {
        Optional<Json.Value> root = Yaml.document(text.startsWith("\uFEFF") ? text.substring(1) : text, shown);
        Map<Key, Setting> found = new LinkedHashMap<>();
        if (root.isEmpty() || root.get() instanceof Json.Null) {
            return found;
        }
        if (!(root.get() instanceof Json.Obj mapping)) {
            throw GtvpcException.badInput(shown + ":" + line(root.get()) + ": the file must be a mapping of keys to values"
                    + " (region: us-east-1, …); the keys are " + String.join(", ", Key.names(null)));
        }
        section(mapping, null, shown, found);
        return found;
    }

    private static void section(Json.Obj mapping, String section, String shown, Map<Key, Setting> found) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Json.Member member : mapping.members()) {
            int line = member.nameLocation().line();
            String name = member.name();
            String where = shown + ":" + line + ": " + (section == null ? "" : section + ".");
            Integer first = seen.putIfAbsent(name, line);
            if (first != null) {
                throw GtvpcException.badInput(where + name + ": given twice (first at line " + first + "); keep one");
            }
            if (section == null && name.equals("lint")) {
                if (member.value() instanceof Json.Null) {
                    continue;
                }
                if (!(member.value() instanceof Json.Obj lint)) {
                    throw GtvpcException.badInput(where + "lint: holds policy lint's keys (" + String.join(", ", Key.names("lint"))
                            + "), one a line below it");
                }
                section(lint, "lint", shown, found);
                continue;
            }
            Optional<Key> key = Key.of(section, name);
            if (key.isEmpty()) {
                throw GtvpcException.badInput(unknown(shown + ":" + line + ": ", section, name));
            }
            found.put(key.get(), new Setting(values(key.get(), member.value(), where + name), line));
        }
    }

    private static String unknown(String where, String section, String name) {
        List<String> here = Key.names(section);
        String elsewhere = section == null
                ? Key.of("lint", name).map(k -> "; it is policy lint's: put it under lint:").orElse("")
                : Key.of(null, name).map(k -> "; it applies to every command: put it at the top level").orElse("");
        String keys = "; the keys " + (section == null ? "" : "under " + section + " ") + "are " + String.join(", ", here);
        return where + "unknown key '" + (section == null ? "" : section + ".") + name + "'" + (elsewhere.isEmpty() ? Suggestions.didYouMean(name, here) + keys : elsewhere);
    }

    private static List<String> values(Key key, Json.Value value, String where) {
        if (value instanceof Json.Null) {
            throw GtvpcException.badInput(where + ": has no value; give one or delete the line");
        }
        if (value instanceof Json.Arr list && key.list) {
            List<String> items = new ArrayList<>();
            for (Json.Value item : list.items()) {
                items.add(scalar(item, where).orElseThrow(() -> GtvpcException.badInput(where + ": each item must be one value (line "
                        + line(item) + ")")));
            }
            return items;
        }
        Optional<String> one = scalar(value, where);
        if (one.isPresent()) {
            return List.of(one.get());
        }
        throw GtvpcException.badInput(where + ": takes " + (key.list ? "a value or a list of values" : "one value, not "
                + (value instanceof Json.Arr ? "a list" : "a mapping")));
    }

    /** A scalar's text as written (a number or boolean too); empty for a list, a mapping or no value. */
    private static Optional<String> scalar(Json.Value value, String where) {
        String text = value instanceof Json.Str s ? s.value() : value instanceof Json.Num n ? n.text()
                : value instanceof Json.Bool b ? Boolean.toString(b.value()) : null;
        if (text != null && text.isBlank()) {
            throw GtvpcException.badInput(where + ": an empty value (line " + line(value) + "); give one or delete it");
        }
        return Optional.ofNullable(text);
    }

    private static int line(Json.Value value) {
        return value.location().line();
    }
}
