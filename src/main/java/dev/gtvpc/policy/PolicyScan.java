package dev.gtvpc.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything one or more policies name, read once: each statement with its JSON pointer, each
 * condition key under each operator with its values, the keys policy variables read, the principals,
 * actions and resources. Lint, the request space, verify, apply and the evaluator's notes ask this
 * instead of walking {@code Statement → Condition → ConditionBlock → ConditionEntry} themselves, so a
 * rule about what counts as "the policy tests this key" (policy variables included, {@code Null}'s
 * true/false excluded from a key's values) is written once.
 *
 * <p>Keys are compared without case, as IAM compares them.
 */
public final class PolicyScan {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    /** A statement with its index in its policy, its JSON pointer and which of the scanned policies holds it. */
    public record StatementAt(int index, Statement statement, String pointer, int policy) {
        public String label() {
            return statement.label(index);
        }
    }

    /** One condition key under one operator, with its pointer and its statement. */
    public record EntryAt(StatementAt statement, ConditionBlock block, ConditionEntry entry, String pointer) {
        /** The pointer of the {@code i}-th value (the key's own pointer when the value is a bare scalar). */
        public String valuePointer(int i) {
            return entry.values().scalar() ? pointer : JsonPointer.child(pointer, i);
        }

        public String key() {
            return entry.key();
        }

        public String lowerKey() {
            return lower(entry.key());
        }

        public List<String> values() {
            return entry.values().texts();
        }

        /** Under {@code Null} the values say whether the key is absent; they are not values of the key. */
        public boolean nullOperator() {
            return block.operator().type().filter(OperatorType.NULL::equals).isPresent();
        }
    }

    /** One value of a condition key, with where it was written. */
    public record ValueAt(EntryAt entry, String value, String pointer) {
    }

    private final List<Policy> policies;
    private final List<StatementAt> statements;
    private final List<EntryAt> entries;
    private final Map<String, List<EntryAt>> entriesByKey;
    private final Set<String> testedKeys;
    private final boolean usesPolicyVariables;

    private PolicyScan(List<Policy> policies) {
        this.policies = List.copyOf(policies);
        List<StatementAt> st = new ArrayList<>();
        List<EntryAt> en = new ArrayList<>();
        Map<String, List<EntryAt>> byKey = new LinkedHashMap<>();
        Set<String> tested = new LinkedHashSet<>();
        boolean variables = false;
        for (int p = 0; p < this.policies.size(); p++) {
            Policy policy = this.policies.get(p);
            for (int i = 0; i < policy.statements().size(); i++) {
                String pointer = policy.statementIsObject() ? "/Statement" : JsonPointer.child("/Statement", i);
                StatementAt s = new StatementAt(i, policy.statements().get(i), pointer, p);
                st.add(s);
                if (s.statement().condition().isPresent()) {
                    for (ConditionBlock block : s.statement().condition().get().blocks()) {
                        String opPointer = JsonPointer.child(pointer + "/Condition", block.operator().text());
                        for (ConditionEntry entry : block.entries()) {
                            EntryAt e = new EntryAt(s, block, entry, JsonPointer.child(opPointer, entry.key()));
                            en.add(e);
                            byKey.computeIfAbsent(e.lowerKey(), k -> new ArrayList<>()).add(e);
                            tested.add(e.lowerKey());
                            for (String v : entry.values().texts()) {
                                variables |= variableKeys(v, tested);
                            }
                        }
                    }
                }
                if (s.statement().resource().isPresent()) {
                    for (String r : s.statement().resource().get().resources().items()) {
                        variables |= variableKeys(r, tested);
                    }
                }
            }
        }
        this.statements = List.copyOf(st);
        this.entries = List.copyOf(en);
        byKey.replaceAll((k, v) -> List.copyOf(v));
        this.entriesByKey = Collections.unmodifiableMap(byKey);
        this.testedKeys = Collections.unmodifiableSet(tested);
        this.usesPolicyVariables = variables;
    }

    public static PolicyScan of(Policy policy) {
        return new PolicyScan(List.of(policy));
    }

    public static PolicyScan of(List<Policy> policies) {
        return new PolicyScan(policies);
    }

    public List<Policy> policies() {
        return policies;
    }

    /** Every statement of every scanned policy, in order. */
    public List<StatementAt> statements() {
        return statements;
    }

    /** Every condition entry of every statement, in order. */
    public List<EntryAt> conditionEntries() {
        return entries;
    }

    /** The condition entries of one statement. */
    public List<EntryAt> conditionEntries(StatementAt s) {
        return entries.stream().filter(e -> e.statement() == s).toList();
    }

    /** Every entry of the key {@code key} (any case), under any operator. */
    public List<EntryAt> entriesOf(String key) {
        return entriesByKey.getOrDefault(lower(key), List.of());
    }

    /** Every value written for {@code key} (any case), except under {@code Null}, with where it was written. */
    public List<ValueAt> valuesOf(String key) {
        List<ValueAt> list = new ArrayList<>();
        for (EntryAt e : entriesOf(key)) {
            if (!e.nullOperator()) {
                List<String> texts = e.values();
                for (int i = 0; i < texts.size(); i++) {
                    list.add(new ValueAt(e, texts.get(i), e.valuePointer(i)));
                }
            }
        }
        return list;
    }

    /** Every value written for {@code key} under any operator but {@code Null}, patterns included, each once, in order. */
    public List<String> values(String key) {
        Set<String> out = new LinkedHashSet<>();
        valuesOf(key).forEach(v -> out.add(v.value()));
        return List.copyOf(out);
    }

    /** The values of {@code key} that name one value: no wildcard, no policy variable; each once, in order. */
    public List<String> literals(String key) {
        return values(key).stream().filter(v -> !Wildcards.hasWildcard(v) && !v.contains("${")).toList();
    }

    /**
     * The keys whose value can change a decision, in lower case: every condition key, and every key a
     * policy variable ({@code ${aws:username}}) reads in a condition value or a Resource.
     */
    public Set<String> testedKeys() {
        return testedKeys;
    }

    /** Whether a policy tests {@code key} (any case) in a condition or a policy variable. */
    public boolean tests(String key) {
        return testedKeys.contains(lower(key));
    }

    /** True when a condition value or a Resource holds {@code ${…}}: a key's value then matters inside other values too. */
    public boolean usesPolicyVariables() {
        return usesPolicyVariables;
    }

    /** The IDs the Principal and NotPrincipal elements give for {@code type}, each once, in order. */
    public List<String> principalIds(PrincipalType type) {
        Set<String> out = new LinkedHashSet<>();
        for (StatementAt s : statements) {
            s.statement().principal().ifPresent(p -> p.entries().stream().filter(e -> e.type() == type)
                    .forEach(e -> out.addAll(e.ids().items())));
        }
        return List.copyOf(out);
    }

    /** The Action and NotAction patterns, each once, in order. */
    public List<String> actionPatterns() {
        Set<String> out = new LinkedHashSet<>();
        statements.forEach(s -> s.statement().action().ifPresent(a -> out.addAll(a.actions().items())));
        return List.copyOf(out);
    }

    /** The Resource and NotResource patterns, each once, in order. */
    public List<String> resourcePatterns() {
        Set<String> out = new LinkedHashSet<>();
        statements.forEach(s -> s.statement().resource().ifPresent(r -> out.addAll(r.resources().items())));
        return List.copyOf(out);
    }

    /** Adds the keys {@code value}'s policy variables read ({@code ${key}} or {@code ${key, 'default'}}); true if it has any. */
    private static boolean variableKeys(String value, Set<String> keys) {
        Matcher m = VARIABLE.matcher(value);
        boolean any = false;
        while (m.find()) {
            String inner = m.group(1);
            int comma = inner.indexOf(',');
            keys.add(lower((comma < 0 ? inner : inner.substring(0, comma)).trim()));
            any = true;
        }
        return any || value.contains("${");
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
