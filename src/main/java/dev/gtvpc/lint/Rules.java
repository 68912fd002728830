package dev.gtvpc.lint;

import dev.gtvpc.policy.io.ReadProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every lint rule, in the order --list-rules shows them and findings at one location are sorted: by
 * group, then by each rule's declared rank. The rules are the classes the build-time index names
 * ({@link RuleIndex}, written at {@code process-classes}): a new rule is its class and its case file,
 * and no list here or elsewhere names it.
 */
public final class Rules {
    /** The index, beside this class in the jar. */
    static final String INDEX = "rules.index";
    static final Comparator<Rule> ORDER = Comparator.comparing((Rule r) -> r.info().group()).thenComparingInt(r -> r.info().rank());

    public static final List<Rule> ALL = load();
    private static final Map<String, Integer> POSITION = positions();

    private Rules() {
    }

    public static Optional<Rule> find(String id) {
        Integer at = POSITION.get(id);
        return at == null ? Optional.empty() : Optional.of(ALL.get(at));
    }

    public static List<String> ids() {
        return ALL.stream().map(Rule::id).toList();
    }

    static ReadProblemRule forKind(ReadProblem.Kind kind) {
        return (ReadProblemRule) find(kind.id()).orElseThrow(() -> new IllegalStateException("no rule reports the reader's " + kind.id()));
    }

    /** The rule's place in {@link #ALL}; an unknown id sorts last. */
    static int order(String id) {
        return POSITION.getOrDefault(id, Integer.MAX_VALUE);
    }

    private static List<Rule> load() {
        InputStream in = Rules.class.getResourceAsStream(INDEX);
        if (in == null) {
            throw new IllegalStateException("the lint rule index " + INDEX + " is missing beside " + Rules.class.getName()
                    + ": it is written at build time (mvn process-classes)");
        }
        List<Rule> rules = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rules.add(RuleIndex.instantiate(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rules.sort(ORDER);
        return List.copyOf(rules);
    }

    private static Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            positions.put(ALL.get(i).id(), i);
        }
        return Map.copyOf(positions);
    }
}
