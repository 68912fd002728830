package dev.gtvpc.lint;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule declares about itself, in its own file: everything the registry, --list-rules, SARIF,
 * --disable and the linters know of it. The order rules are listed in, and findings at one place are
 * sorted in, is the group's, then the rank within the group (unique in the group; a build-time check
 * says so), never the order files happen to be found in.
 *
 * @param id          kebab-case and stable: users disable rules and CI systems track findings by it
 * @param severity    the default severity of its findings
 * @param group       its group in --list-rules and SARIF's tags
 * @param rank        its place in the group
 * @param summary     one sentence: what the rule flags
 * @param helpUri     the AWS page the rule rests on
 * @param policyTypes the policy types it runs for (a rule that makes no sense for a type does not run on it)
 * @param needs       what it reads beyond the policy
 * @param judges      what its findings judge, where a value is not a real one
 * @param severityByType the severity in the policy types where the service treats the defect otherwise
 *                    than the default says (a missing Version: refused for a managed identity policy,
 *                    accepted for an inline one)
 */
public record RuleInfo(String id, Severity severity, RuleGroup group, int rank, String summary, String helpUri,
        Set<PolicyKind> policyTypes, Set<Need> needs, Set<Judges> judges, Map<PolicyKind, Severity> severityByType) {
    public RuleInfo {
        if (!kebabCase(id)) {
            throw new IllegalArgumentException("rule id '" + id + "' is not kebab-case");
        }
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(group, "group");
        if (rank <= 0) {
            throw new IllegalArgumentException(id + ": rank " + rank + " is not positive");
        }
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(helpUri, "helpUri");
        if (policyTypes.isEmpty()) {
            throw new IllegalArgumentException(id + " runs for no policy type");
        }
        policyTypes = frozen(policyTypes, PolicyKind.class);
        needs = frozen(needs, Need.class);
        judges = frozen(judges, Judges.class);
        severityByType = severityByType.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(severityByType));
    }

    public RuleInfo(String id, Severity severity, RuleGroup group, int rank, String summary, String helpUri,
            Set<PolicyKind> policyTypes, Set<Need> needs, Set<Judges> judges) {
        this(id, severity, group, rank, summary, helpUri, policyTypes, needs, judges, Map.of());
    }

    /** A rule that runs for every policy type, needs nothing but the policy, and judges no value. */
    public static RuleInfo of(String id, Severity severity, RuleGroup group, int rank, String summary, String helpUri) {
        return new RuleInfo(id, severity, group, rank, summary, helpUri, EnumSet.allOf(PolicyKind.class), Set.of(), Set.of());
    }

    /** The same rule, running only for these policy types. */
    public RuleInfo onlyFor(PolicyKind first, PolicyKind... more) {
        return new RuleInfo(id, severity, group, rank, summary, helpUri, EnumSet.of(first, more), needs, judges, severityByType);
    }

    /** The same rule, running for every policy type but these. */
    public RuleInfo notFor(PolicyKind first, PolicyKind... more) {
        return new RuleInfo(id, severity, group, rank, summary, helpUri, EnumSet.complementOf(EnumSet.of(first, more)), needs, judges,
                severityByType);
    }

    /** The same rule, needing these too. */
    public RuleInfo needing(Need... more) {
        Set<Need> all = EnumSet.noneOf(Need.class);
        all.addAll(needs);
        all.addAll(Arrays.asList(more));
        return new RuleInfo(id, severity, group, rank, summary, helpUri, policyTypes, all, judges, severityByType);
    }

    /** The same rule, judging these too. */
    public RuleInfo judging(Judges... more) {
        Set<Judges> all = EnumSet.noneOf(Judges.class);
        all.addAll(judges);
        all.addAll(Arrays.asList(more));
        return new RuleInfo(id, severity, group, rank, summary, helpUri, policyTypes, needs, all, severityByType);
    }

    /** The same rule, with findings of {@code level} in these policy types (what their service does with the defect). */
    public RuleInfo severityIn(Severity level, PolicyKind first, PolicyKind... more) {
        Map<PolicyKind, Severity> all = new EnumMap<>(PolicyKind.class);
        all.putAll(severityByType);
        for (PolicyKind k : EnumSet.of(first, more)) {
            all.put(k, level);
        }
        return new RuleInfo(id, severity, group, rank, summary, helpUri, policyTypes, needs, judges, all);
    }

    /** The severity of this rule's findings in a policy of type {@code kind}. */
    public Severity severityFor(PolicyKind kind) {
        return severityByType.getOrDefault(kind, severity);
    }

    // enum sets, not Set.copyOf: every rule is declared at start-up, and a hash set copied per rule shows in it
    private static <E extends Enum<E>> Set<E> frozen(Set<E> set, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(set);
        return Collections.unmodifiableSet(copy);
    }

    // a loop, not a regular expression: every rule is declared at start-up, and a pattern compiled per rule shows in it
    private static boolean kebabCase(String id) {
        boolean dash = true;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean isDash = c == '-';
            if (!isDash && !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') || isDash && dash) {
                return false;
            }
            dash = isDash;
        }
        return !dash;
    }

    public boolean runsFor(PolicyKind kind) {
        return policyTypes.contains(kind);
    }
}
