package dev.gtvpc.verify;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Unknowns;
import dev.gtvpc.space.RequestSpace;
import dev.gtvpc.space.UnknownClasses;
import dev.gtvpc.space.UnknownClasses.ValueClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verify, three-valued over the values a policy's source leaves unknown ({@link Unknowns}): each unknown
 * ranges over the classes of values that matter where it is used ({@link UnknownClasses}: each value
 * the requests or the policies compare it with there, and any other value); every property is proved
 * or refuted for each combination of classes, each time over the whole request space of the policy
 * with those values in. A property proved in every case is PROVED for every value of the unknowns,
 * refuted in every case REFUTED for every value, and otherwise DEPENDS, with the condition on the
 * unknowns under which it holds. Up to {@value #MAX_CASES} combinations are all tried; beyond that each
 * unknown's classes are tried with the others as any other value, and the report says it was sampled.
 */
public final class OverUnknowns {
    static final int MAX_CASES = 64;

    /**
     * One unknown's class in one case: the value that names it (empty: any other value), what it is
     * ({@code --vpce}), and the value put in the policy for it (for any other value, one nobody names).
     */
    public record Choice(String unknown, Optional<String> value, String label, String standIn) {
        public String describe() {
            return Unknowns.token(unknown) + " is " + valueText();
        }

        /** The value with what it is, or "any other value". */
        public String valueText() {
            return value.map(v -> v + (label.isEmpty() ? "" : " (" + label + ")")).orElse("any other value");
        }
    }

    /** One combination of classes, and the property's status with the unknowns taking them. */
    public record Case(List<Choice> choices, PropertyResult.Status status) {
        public Case {
            choices = List.copyOf(choices);
        }
    }

    /**
     * How a property fared over the unknowns: every case tried, whether those were all the combinations
     * of classes, and (for DEPENDS) the condition on the unknowns under which it holds.
     */
    public record Outcomes(List<String> unknowns, List<Case> cases, boolean allCombinations, Optional<String> condition) {
        public Outcomes {
            unknowns = List.copyOf(unknowns);
            cases = List.copyOf(cases);
        }
    }

    private OverUnknowns() {
    }

    /** As {@link Verifier#verify(Policy, VerifyInputs, Optional, boolean)}, three-valued when the policies hold unknowns. */
    public static VerificationReport verify(Policy policy, VerifyInputs in, Optional<Policy> equivalentTo, boolean matrix) {
        List<Policy> policies = new ArrayList<>();
        policies.add(policy);
        equivalentTo.ifPresent(policies::add);
        if (Unknowns.of(policies).isEmpty()) {
            return Verifier.verify(policy, in, equivalentTo, matrix);
        }
        UnknownClasses classes = UnknownClasses.of(policies, RequestSpace.of(policies, in, S3ActionCatalog.bundled()));
        List<String> names = List.copyOf(classes.classes().keySet());
        List<List<Choice>> choices = new ArrayList<>();
        for (String name : names) {
            choices.add(classes.classes().get(name).stream().map(c -> choice(name, c, in)).toList());
        }
        long product = choices.stream().mapToLong(List::size).reduce(1, Math::multiplyExact);
        boolean all = product <= MAX_CASES;
        List<List<Integer>> picks = all ? everyCombination(choices) : oneAtATime(choices);
        List<List<Choice>> cases = picks.stream().map(p -> pick(choices, p)).toList();
        List<VerificationReport> reports = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Map<String, String> values = new LinkedHashMap<>();
            cases.get(c).forEach(ch -> values.put(ch.unknown(), ch.standIn()));
            reports.add(Verifier.verify(Unknowns.substitute(policy, values), in, equivalentTo.map(o -> Unknowns.substitute(o, values)),
                    matrix && c == 0));
        }
        List<PropertyResult> results = new ArrayList<>();
        for (int i = 0; i < reports.get(0).results().size(); i++) {
            List<PropertyResult> each = new ArrayList<>();
            for (VerificationReport r : reports) {
                each.add(r.results().get(i));
            }
            results.add(combine(names, cases, each, all));
        }
        Set<String> sampling = new LinkedHashSet<>();
        reports.forEach(r -> sampling.addAll(r.samplingNotes()));
        sampling.addAll(classes.notes());
        if (!all) {
            sampling.add(names.size() + " unknowns have " + product + " combinations of classes: each unknown's classes were tried with"
                    + " the others as any other value, not every combination");
        }
        Set<String> notes = new LinkedHashSet<>();
        reports.forEach(r -> notes.addAll(r.notes()));
        notes.add(classesNote(names, choices));
        notes.add(UnknownClasses.TAKEN_AS_TEXT);
        if (matrix) {
            notes.add("the access matrix is for every unknown as any other value");
        }
        return new VerificationReport(results, List.copyOf(sampling), reports.get(0).matrix(), List.copyOf(notes));
    }

    private static String classesNote(List<String> names, List<List<Choice>> choices) {
        List<String> parts = new ArrayList<>();
        for (int u = 0; u < names.size(); u++) {
            parts.add(Unknowns.token(names.get(u)) + ": " + String.join(", ", choices.get(u).stream().map(Choice::valueText).toList()));
        }
        return "values the source leaves unknown range over the classes that matter where they are used: " + String.join("; ", parts);
    }

    private static Choice choice(String name, ValueClass c, VerifyInputs in) {
        return c.other() ? new Choice(name, Optional.empty(), "", c.value())
                : new Choice(name, Optional.of(c.value()), label(c, in), c.value());
    }

    /** What a class is, in the words of the command line: the option that names its value, or where the policy names it. */
    static String label(ValueClass c, VerifyInputs in) {
        String as = c.as();
        if (c.source() == UnknownClasses.Source.UNNAMED) {
            return as.isEmpty() ? "an account nobody names" : "a principal nobody names of " + (as.equals(in.bucketAccount())
                    ? "the bucket's account" : "account " + as);
        }
        String option = in.vpces().contains(as) ? "--vpce" : in.vpcs().contains(as) ? "--vpc" : in.roleArns().contains(as) ? "--role-arn"
                : in.adminArn().filter(as::equals).isPresent() ? "--admin-arn" : in.trustedAccounts().contains(as) ? "--trusted-account"
                : in.cidrs().contains(as) ? "--cidr" : in.orgId().filter(as::equals).isPresent() ? "--org-id"
                : in.orgPaths().contains(as) ? "--org-path" : in.actions().contains(as) ? "--actions" : null;
        if (option != null) {
            return option;
        }
        for (VerifyInputs.TrustedEndpoint t : in.serviceEndpoints()) {
            if (t.endpoint().equals(as)) {
                return t.service() + "'s endpoint";
            }
        }
        if (as.equals(in.bucketArn()) || as.equals(in.bucket())) {
            return "the bucket";
        }
        if (as.equals(in.bucketAccount())) {
            return "the bucket's account";
        }
        String where = c.source() == UnknownClasses.Source.POLICY ? "named in the policy" : "a value requests carry there";
        return as.equals(c.value()) ? where : "making it " + as + ", " + where;
    }

    private static PropertyResult combine(List<String> names, List<List<Choice>> cases, List<PropertyResult> each, boolean all) {
        List<Case> outcomes = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            outcomes.add(new Case(cases.get(c), each.get(c).status()));
        }
        PropertyResult first = each.get(0);
        long requests = each.stream().mapToLong(PropertyResult::requests).sum();
        // a subject shared with another subject's class in one case reads "X (as Y, same class)": X alone is the subject
        String subject = each.stream().map(PropertyResult::subject).min(Comparator.comparingInt(String::length)).orElseThrow();
        Set<PropertyResult.Status> statuses = new LinkedHashSet<>();
        each.forEach(r -> statuses.add(r.status()));
        PropertyResult.Status status = statuses.size() == 1 ? first.status()
                : statuses.contains(PropertyResult.Status.UNDECIDED) ? PropertyResult.Status.UNDECIDED : PropertyResult.Status.DEPENDS;
        // the first case (every unknown as any other value) that has a counterexample, for a failing status
        int shown = 0;
        for (int c = each.size() - 1; c >= 0; c--) {
            if (each.get(c).counterexample().isPresent() && each.get(c).status() != PropertyResult.Status.PROVED) {
                shown = c;
            }
        }
        PropertyResult witness = each.get(shown);
        List<String> reason = new ArrayList<>();
        Optional<String> condition = Optional.empty();
        if (statuses.size() == 1) {
            first.reason().ifPresent(reason::add);
            reason.add((all ? "whatever the value of " : "for each class tried of ")
                    + String.join(", ", names.stream().map(Unknowns::token).toList()));
        } else {
            condition = Optional.of(condition(names, outcomes, all));
            reason.add(condition.get());
        }
        if (witness.counterexample().isPresent()) {
            List<String> named = cases.get(shown).stream().filter(c -> c.value().isPresent()).map(Choice::describe).toList();
            reason.add("the counterexample is for " + (named.isEmpty() ? "every unknown as any other value"
                    : String.join(" and ", named)));
        }
        return new PropertyResult(first.property(), subject, status, requests, witness.counterexample(),
                Optional.of(String.join("; ", reason)), Optional.of(new Outcomes(names, outcomes, all, condition)));
    }

    /**
     * Under which classes the property holds, naming only the unknowns it turns on: "holds iff
     * {{unknown:Ref V}} is vpce-1 (--vpce)", "... is none of ...", or a disjunction of combinations.
     */
    static String condition(List<String> names, List<Case> cases, boolean all) {
        List<Integer> relevant = new ArrayList<>();
        for (int u = 0; u < names.size(); u++) {
            if (turnsOn(u, cases, all)) {
                relevant.add(u);
            }
        }
        Map<PropertyResult.Status, Set<List<Choice>>> byStatus = new LinkedHashMap<>();
        for (Case c : cases) {
            byStatus.computeIfAbsent(c.status(), s -> new LinkedHashSet<>()).add(relevant.stream().map(c.choices()::get).toList());
        }
        List<String> parts = new ArrayList<>();
        Set<List<Choice>> holds = byStatus.getOrDefault(PropertyResult.Status.PROVED, Set.of());
        if (relevant.size() == 1 && holds.stream().anyMatch(p -> p.get(0).value().isEmpty())) {
            List<Choice> fails = new ArrayList<>();
            byStatus.forEach((s, set) -> {
                if (s != PropertyResult.Status.PROVED) {
                    set.forEach(p -> fails.add(p.get(0)));
                }
            });
            parts.add("holds iff " + Unknowns.token(names.get(relevant.get(0))) + " is none of "
                    + String.join(", ", fails.stream().map(Choice::valueText).toList()));
        } else {
            parts.add(holds.isEmpty() ? "holds for none of them" : "holds iff " + describe(holds));
        }
        byStatus.forEach((s, set) -> {
            if (s != PropertyResult.Status.PROVED && s != PropertyResult.Status.REFUTED) {
                parts.add(s + " when " + describe(set));
            }
        });
        return String.join("; ", parts) + (all ? "" : " (of the combinations tried)");
    }

    private static String describe(Set<List<Choice>> combinations) {
        List<String> out = new ArrayList<>();
        for (List<Choice> combination : combinations) {
            String and = String.join(" and ", combination.stream().map(Choice::describe).toList());
            out.add(combinations.size() > 1 && combination.size() > 1 ? "(" + and + ")" : and);
        }
        if (combinations.stream().allMatch(c -> c.size() == 1) && combinations.size() > 1) {
            String token = out.get(0).substring(0, out.get(0).indexOf(" is ") + 4);
            return token + String.join(" or ", out.stream().map(s -> s.substring(token.length())).toList());
        }
        return String.join(" or ", out);
    }

    /** Whether changing unknown {@code u} alone changes the property's status in some case. */
    private static boolean turnsOn(int u, List<Case> cases, boolean all) {
        Map<List<Choice>, PropertyResult.Status> seen = new LinkedHashMap<>();
        for (Case c : cases) {
            if (!all && c != cases.get(0) && c.choices().get(u).equals(cases.get(0).choices().get(u))) {
                continue; // sampled: only the cases that vary u from the first tell about u
            }
            List<Choice> others = new ArrayList<>(c.choices());
            others.remove(u);
            PropertyResult.Status before = seen.putIfAbsent(others, c.status());
            if (before != null && before != c.status()) {
                return true;
            }
        }
        return false;
    }

    private static List<Choice> pick(List<List<Choice>> choices, List<Integer> indexes) {
        List<Choice> out = new ArrayList<>();
        for (int u = 0; u < choices.size(); u++) {
            out.add(choices.get(u).get(indexes.get(u)));
        }
        return out;
    }

    /** The class each unknown takes first: any other value, so the first case is the policy as its source leaves it. */
    private static List<Integer> baseline(List<List<Choice>> choices) {
        List<Integer> base = new ArrayList<>();
        for (List<Choice> c : choices) {
            int other = 0;
            for (int i = 0; i < c.size(); i++) {
                if (c.get(i).value().isEmpty()) {
                    other = i;
                }
            }
            base.add(other);
        }
        return base;
    }

    private static List<List<Integer>> everyCombination(List<List<Choice>> choices) {
        List<List<Integer>> out = new ArrayList<>();
        out.add(List.of());
        for (List<Choice> c : choices) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> prefix : out) {
                for (int i = 0; i < c.size(); i++) {
                    List<Integer> p = new ArrayList<>(prefix);
                    p.add(i);
                    next.add(p);
                }
            }
            out = next;
        }
        List<Integer> base = baseline(choices);
        out.remove(base);
        out.add(0, base);
        return out;
    }

    private static List<List<Integer>> oneAtATime(List<List<Choice>> choices) {
        List<Integer> base = baseline(choices);
        List<List<Integer>> out = new ArrayList<>();
        out.add(base);
        for (int u = 0; u < choices.size(); u++) {
            for (int i = 0; i < choices.get(u).size(); i++) {
                if (i != base.get(u)) {
                    List<Integer> p = new ArrayList<>(base);
                    p.set(u, i);
                    out.add(p);
                }
            }
        }
        return out;
    }
}
