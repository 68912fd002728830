package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
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
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

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
        // aliases would let one value stand for several keys: a configuration file has no need of them
        LoadSettings settings = LoadSettings.builder().setLabel(shown).setAllowDuplicateKeys(true).setMaxAliasesForCollections(0)
                .setCodePointLimit(1024 * 1024).build();
        Optional<Node> root;
        try {
            root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text.startsWith("\uFEFF") ? text.substring(1) : text)))
                    .getSingleNode();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String at = m == null ? "" : ":" + (m.getLine() + 1);
            throw GtvpcException.badInput(shown + at + ": not YAML: " + ErrorLine.oneLine(e.getProblem() == null ? e.getMessage() : e.getProblem()));
        } catch (YamlEngineException e) {
            throw GtvpcException.badInput(shown + ": not YAML: " + ErrorLine.oneLine(e.getMessage()));
        }
        Map<Key, Setting> found = new LinkedHashMap<>();
        if (root.isEmpty() || isNull(root.get())) {
            return found;
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            throw GtvpcException.badInput(shown + ":" + line(root.get()) + ": the file must be a mapping of keys to values"
                    + " (region: us-east-1, …); the keys are " + String.join(", ", Key.names(null)));
        }
        section(mapping, null, shown, found);
        return found;
    }

    private static void section(MappingNode mapping, String section, String shown, Map<Key, Setting> found) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int line = line(keyNode);
            String name = keyNode instanceof ScalarNode s ? s.getValue() : "";
            String where = shown + ":" + line + ": " + (section == null ? "" : section + ".");
            if (!(keyNode instanceof ScalarNode) || name.isEmpty()) {
                throw GtvpcException.badInput(shown + ":" + line + ": a key must be a name such as region");
            }
            Integer first = seen.putIfAbsent(name, line);
            if (first != null) {
                throw GtvpcException.badInput(where + name + ": given twice (first at line " + first + "); keep one");
            }
            if (section == null && name.equals("lint")) {
                if (isNull(tuple.getValueNode())) {
                    continue;
                }
                if (!(tuple.getValueNode() instanceof MappingNode lint)) {
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
            found.put(key.get(), new Setting(values(key.get(), tuple.getValueNode(), where + name), line));
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

    private static List<String> values(Key key, Node node, String where) {
        if (isNull(node)) {
            throw GtvpcException.badInput(where + ": has no value; give one or delete the line");
        }
        if (node instanceof ScalarNode s) {
            return List.of(scalar(s, where));
        }
        if (node instanceof SequenceNode seq && key.list) {
            List<String> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s) || isNull(item)) {
                    throw GtvpcException.badInput(where + ": each item must be one value (line " + line(item) + ")");
                }
                items.add(scalar(s, where));
            }
            return items;
        }
        throw GtvpcException.badInput(where + ": takes " + (key.list ? "a value or a list of values" : "one value, not "
                + (node instanceof SequenceNode ? "a list" : "a mapping")));
    }

    private static String scalar(ScalarNode s, String where) {
        if (s.getValue().isBlank()) {
            throw GtvpcException.badInput(where + ": an empty value (line " + line(s) + "); give one or delete it");
        }
        return s.getValue();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().getValue().endsWith(":null") && s.getScalarStyle() == ScalarStyle.PLAIN;
    }

    private static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }
}
