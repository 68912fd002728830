package dev.gtvpc.lint;

import dev.gtvpc.policy.io.ReadProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every lint rule, in the order --list-rules shows them and findings at one location are sorted: by
 * group, then by each rule's declared rank. The rules are those the build lists: for each package
 * under {@code dev.gtvpc.lint.rules}, scripts/RuleList.java writes a class that makes its rules, and
 * {@link RulePackages} names those classes (both generated at generate-sources). A new rule is its
 * class and its case file; no list here or elsewhere names it, and start-up neither scans the class
 * path nor makes each rule by reflection.
 */
public final class Rules {
    // one lambda, not Comparator.comparing(...).thenComparingInt(...): each combinator spins a class at start-up
    static final Comparator<Rule> ORDER = (a, b) -> a.group() != b.group() ? a.group().compareTo(b.group())
            : Integer.compare(a.info().rank(), b.info().rank());

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
        List<Rule> rules = new ArrayList<>();
        for (String list : RulePackages.LISTS) {
            rules.addAll(rulesOf(list));
        }
        rules.sort(ORDER);
        for (int i = 1; i < rules.size(); i++) {
            if (ORDER.compare(rules.get(i - 1), rules.get(i)) == 0) {
                throw new IllegalStateException(rules.get(i - 1).id() + " and " + rules.get(i).id() + " both declare rank "
                        + rules.get(i).info().rank() + " in group " + rules.get(i).group().id() + ": their order would be chance");
            }
        }
        return List.copyOf(rules);
    }

    // one class per rules package, named by a generated list: lint itself depends on no rules package
    @SuppressWarnings("unchecked")
    private static List<Rule> rulesOf(String listClass) {
        try {
            return ((Supplier<List<Rule>>) Class.forName(listClass).getDeclaredConstructor().newInstance()).get();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the build's list of lint rules " + listClass + " cannot be made: " + e, e);
        }
    }

    private static Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            if (positions.put(ALL.get(i).id(), i) != null) {
                throw new IllegalStateException("two lint rules declare the id " + ALL.get(i).id());
            }
        }
        return Map.copyOf(positions);
    }
}
