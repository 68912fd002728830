package dev.gtvpc.space;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Unknowns;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values an unknown of the policies ({@link Unknowns}) can take, as classes: a value matters only
 * through what the requests of the space compare it with where it is used. So for each place an
 * unknown is written (a condition key, a Principal, a Resource, an Action), the classes are each value
 * the requests carry there or the policies write there (their patterns by one witness), as far as the
 * text around the unknown lets the whole equal it ({@code arn:aws:s3:::{{unknown:Ref B}}/*} against
 * {@code arn:aws:s3:::labels/*} gives {@code labels}), and {@link ValueClass#other() any other value},
 * which the token itself stands for, as it equals no literal. Values gtvpc invents for "one nobody
 * names" ({@link Witnesses}) are not classes of their own: they are what "any other value" is.
 *
 * <p>What this does not cover, and says in {@link #notes()}: a value compared by order (numbers,
 * dates, addresses), which is tried at the values the requests carry and not between them; and an
 * unknown whose value would itself be a pattern ({@code *}): every class is taken as literal text.
 */
public final class UnknownClasses {
    /**
     * Where a class's value comes from: the perimeter names it, a policy does, only the requests carry it; a
     * principal nobody names, of a named account or of none; any other value.
     */
    public enum Source { PERIMETER, POLICY, REQUEST, UNNAMED, OTHER }

    /**
     * One class of values of an unknown: {@code value} stands for it; {@code as} is the value the unknown's
     * place then equals (the bucket's ARN for a bucket name), which says what the class is, or for
     * {@link Source#UNNAMED}, a principal nobody names, the account it is in (empty: an account nobody names).
     */
    public record ValueClass(String value, String as, Source source) {
        public boolean other() {
            return source == Source.OTHER;
        }
    }

    /** What every class assumes of an unknown's value. */
    public static final String TAKEN_AS_TEXT = "an unknown's value is taken as literal text: a value that is itself a pattern (* or ?)"
            + " was not tried";

    private final Map<String, List<ValueClass>> classes;
    private final List<String> notes;

    private UnknownClasses(Map<String, List<ValueClass>> classes, List<String> notes) {
        this.classes = classes;
        this.notes = List.copyOf(notes);
    }

    /** Each unknown the policies hold, in order, with its classes: named values first, any other value last. */
    public Map<String, List<ValueClass>> classes() {
        return classes;
    }

    /** Where the classes only sample the values (see the class documentation); {@link #TAKEN_AS_TEXT} besides. */
    public List<String> notes() {
        return notes;
    }

    /** @param space the space of {@code policies} with their unknowns as they are */
    public static UnknownClasses of(List<Policy> policies, RequestSpace space) {
        PolicyScan scan = PolicyScan.of(policies);
        Perimeter perimeter = space.perimeter();
        Witnesses witnesses = Witnesses.avoiding(Callers.namedAccounts(scan, perimeter));
        Set<String> perimeterValues = perimeterValues(perimeter);
        Set<String> policyValues = new LinkedHashSet<>();
        policyValues.addAll(scan.resourcePatterns());
        policyValues.addAll(scan.actionPatterns());
        scan.statements().forEach(s -> s.statement().principal()
                .ifPresent(p -> p.entries().forEach(e -> policyValues.addAll(e.ids().items()))));
        scan.conditionEntries().forEach(e -> policyValues.addAll(e.values()));

        Map<String, Map<String, ValueClass>> found = new LinkedHashMap<>();
        Set<String> notes = new LinkedHashSet<>();
        Map<String, Boolean> withOther = new LinkedHashMap<>();
        Map<String, String> otherValue = new LinkedHashMap<>();
        Set<String> named = Callers.namedAccounts(scan, perimeter);
        String freshAccount = freshAccount(named, witnesses);
        String freshArn = "arn:" + perimeter.partition() + ":iam::" + freshAccount + ":role/" + FRESH_PART;
        for (Place place : places(scan)) {
            List<String> names = Unknowns.names(place.value());
            names.forEach(n -> found.computeIfAbsent(n, k -> new LinkedHashMap<>()));
            boolean whole = names.size() == 1 && place.value().equals(Unknowns.token(names.get(0)));
            Shape shape = place.shape();
            if (shape != Shape.TEXT) {
                // the token has no shape: an ARN operator, a Principal or the space would read it as malformed, or as no
                // account or organization at all, not as "another one"
                String stand = !whole ? FRESH_PART : switch (shape) {
                    case ACCOUNT -> freshAccount;
                    case ORGANIZATION -> FRESH_ORG;
                    default -> freshArn;
                };
                // an unknown written in several places takes the most demanding shape: an ARN is also text
                names.forEach(n -> otherValue.merge(n, stand, (a, b) -> STAND_IN_ORDER.indexOf(kindOfStandIn(a, freshArn, freshAccount))
                        <= STAND_IN_ORDER.indexOf(kindOfStandIn(b, freshArn, freshAccount)) ? a : b));
            }
            if (whole && (shape == Shape.PRINCIPAL || shape == Shape.PRINCIPAL_ARN)) {
                // a principal nobody names is a member of the account it is in: each account the space knows is a class
                Map<String, ValueClass> own = found.get(names.get(0));
                for (String account : named) {
                    String arn = "arn:" + perimeter.partition() + ":iam::" + account + ":role/" + FRESH_PART;
                    own.putIfAbsent(arn, new ValueClass(arn, account, Source.UNNAMED));
                }
                if (shape == Shape.PRINCIPAL) {
                    own.putIfAbsent(freshAccount, new ValueClass(freshAccount, "", Source.UNNAMED));
                }
            }
            boolean ordered = place.family().filter(f -> f == OperatorType.Family.NUMERIC || f == OperatorType.Family.DATE
                    || f == OperatorType.Family.IP_ADDRESS).isPresent();
            names.forEach(n -> withOther.merge(n, !ordered, Boolean::logicalOr));
            if (ordered) {
                notes.add(Unknowns.token(names.get(0)) + " is compared by order (" + place.what() + "): tried at the values the"
                        + " requests carry there, not between them");
            }
            Pattern written = Unknowns.shape(place.value());
            for (String compared : comparedWith(place, scan, space, perimeterValues)) {
                if (Unknowns.in(compared) || invented(compared, witnesses)) {
                    continue;
                }
                Matcher m = written.matcher(compared);
                if (!m.matches()) {
                    continue;
                }
                Source source = place.family().filter(f -> f == OperatorType.Family.BOOLEAN || f == OperatorType.Family.NULL)
                        .isPresent() ? Source.REQUEST : perimeterValues.contains(compared) ? Source.PERIMETER
                        : policyValues.contains(compared) ? Source.POLICY : Source.REQUEST;
                for (int i = 0; i < names.size(); i++) {
                    String value = m.group(i + 1);
                    if (!Wildcards.hasWildcard(value)) {
                        found.get(names.get(i)).merge(value, new ValueClass(value, compared, source),
                                (a, b) -> a.source().compareTo(b.source()) <= 0 ? a : b);
                    }
                }
            }
        }
        Map<String, List<ValueClass>> classes = new LinkedHashMap<>();
        found.forEach((name, values) -> {
            List<ValueClass> list = new ArrayList<>(values.values());
            list.sort(Comparator.comparing(ValueClass::source));
            if (withOther.getOrDefault(name, true) || list.isEmpty()) {
                String other = otherValue.getOrDefault(name, Unknowns.token(name));
                list.add(new ValueClass(other, other, Source.OTHER));
            }
            classes.put(name, List.copyOf(list));
        });
        return new UnknownClasses(Collections.unmodifiableMap(classes), List.copyOf(notes));
    }

    /** A place an unknown is written: its text, what it is ({@code aws:SourceVpce}, Resource…), and the operator's family there. */
    private record Place(String value, Kind kind, String what, Optional<OperatorType.Family> family) {
        Shape shape() {
            if (kind == Kind.PRINCIPAL) {
                return Shape.PRINCIPAL;
            }
            if (kind != Kind.CONDITION) {
                return Shape.TEXT;
            }
            String key = what.substring(what.indexOf(' ') + 1).toLowerCase(Locale.ROOT);
            if (key.equals("aws:principalarn")) {
                return Shape.PRINCIPAL_ARN;
            }
            if (ACCOUNT_KEYS.contains(key)) {
                return Shape.ACCOUNT;
            }
            if (ORGANIZATION_KEYS.contains(key)) {
                return Shape.ORGANIZATION;
            }
            return family.filter(OperatorType.Family.ARN::equals).isPresent() ? Shape.ARN : Shape.TEXT;
        }
    }

    /** What a value must look like at a place for the space and the evaluator to read it as one of its kind. */
    private enum Shape { TEXT, ARN, PRINCIPAL, PRINCIPAL_ARN, ACCOUNT, ORGANIZATION }

    private static final Set<String> ACCOUNT_KEYS = Set.of("aws:principalaccount", "aws:resourceaccount", "aws:vpceaccount",
            "aws:sourceaccount");
    private static final Set<String> ORGANIZATION_KEYS = Set.of("aws:principalorgid", "aws:resourceorgid", "aws:vpceorgid",
            "aws:sourceorgid");

    /** Which stand-in for "any other value" wins when an unknown is written in places of several shapes: the first. */
    private static final List<String> STAND_IN_ORDER = List.of("arn", "account", "organization", "part");

    private static String kindOfStandIn(String v, String freshArn, String freshAccount) {
        return v.equals(freshArn) ? "arn" : v.equals(freshAccount) ? "account" : v.equals(FRESH_ORG) ? "organization" : "part";
    }

    /** Any other value of an unknown written inside a larger value: one segment's worth of text. */
    static final String FRESH_PART = "gtvpc-unknown";
    /** Any other organization: one nobody names, of a valid ID's shape. */
    static final String FRESH_ORG = "o-gtvpcunknown0";

    /** An account nobody names: neither the policies nor the perimeter, nor the accounts the space invents. */
    private static String freshAccount(Set<String> named, Witnesses witnesses) {
        long n = 999999999990L;
        Set<String> taken = new LinkedHashSet<>(named);
        taken.add(witnesses.outsider());
        taken.add(witnesses.awsOwner());
        while (taken.contains(Long.toString(n))) {
            n--;
        }
        return Long.toString(n);
    }

    private enum Kind { CONDITION, PRINCIPAL, RESOURCE, ACTION }

    private static List<Place> places(PolicyScan scan) {
        List<Place> places = new ArrayList<>();
        for (PolicyScan.StatementAt s : scan.statements()) {
            s.statement().principal().ifPresent(p -> p.entries().forEach(e -> e.ids().items().stream().filter(Unknowns::in)
                    .forEach(v -> places.add(new Place(v, Kind.PRINCIPAL, p.elementName(), Optional.empty())))));
            s.statement().resource().ifPresent(r -> r.resources().items().stream().filter(Unknowns::in)
                    .forEach(v -> places.add(new Place(v, Kind.RESOURCE, r.elementName(), Optional.empty()))));
            s.statement().action().ifPresent(a -> a.actions().items().stream().filter(Unknowns::in)
                    .forEach(v -> places.add(new Place(v, Kind.ACTION, a.elementName(), Optional.empty()))));
        }
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            ConditionBlock block = e.block();
            e.values().stream().filter(Unknowns::in).forEach(v -> places.add(new Place(v, Kind.CONDITION,
                    block.operator().text() + " " + e.key(), block.operator().type().map(OperatorType::family))));
        }
        return places;
    }

    /** What the requests of the space, and the policies, compare a value written at {@code place} with. */
    private static Set<String> comparedWith(Place place, PolicyScan scan, RequestSpace space, Set<String> perimeterValues) {
        Set<String> values = new LinkedHashSet<>();
        switch (place.kind()) {
            case CONDITION -> {
                String key = place.what().substring(place.what().indexOf(' ') + 1);
                if (place.family().filter(f -> f == OperatorType.Family.BOOLEAN || f == OperatorType.Family.NULL).isPresent()) {
                    return new LinkedHashSet<>(List.of("true", "false")); // in order: Set.of would vary the output by run
                }
                for (Origin o : space.origins()) {
                    values.addAll(valuesOf(o.context(), key));
                }
                for (Caller c : space.callers()) {
                    values.addAll(valuesOf(c.context(), key));
                }
                for (Map<String, List<String>> extra : space.otherContexts()) {
                    values.addAll(valuesOf(extra, key));
                }
                ContextKeys base = space.request("s3:GetObject", space.resourceOf("s3:GetObject"), space.normalInternet(),
                        space.principalOf(space.perimeter().bucketAccount()), Map.of()).context();
                base.get(key).ifPresent(e -> values.addAll(e.values()));
                scan.values(key).forEach(v -> addWritten(values, v));
                // the space keeps one value per class of the policies' comparisons, so a perimeter value no policy
                // compares (the user's endpoint, when the policy names only an unknown) stands behind another of its
                // kind: it is a class of the unknown all the same
                Set<String> kinds = new LinkedHashSet<>();
                values.stream().filter(v -> !Unknowns.in(v)).forEach(v -> kinds.add(kind(v)));
                kinds.remove("text");
                perimeterValues.stream().filter(v -> kinds.contains(kind(v))).forEach(values::add);
            }
            case PRINCIPAL -> {
                for (Caller c : space.callers()) {
                    RequestPrincipal p = c.principal();
                    if (!c.anonymous()) {
                        values.add(p.id());
                        c.principalArn().ifPresent(values::add);
                        p.account().ifPresent(values::add);
                    }
                }
                scan.statements().forEach(s -> s.statement().principal().ifPresent(p -> p.entries()
                        .forEach(e -> e.ids().items().stream().filter(v -> !Wildcards.hasWildcard(v)).forEach(values::add))));
            }
            case RESOURCE -> {
                values.add(space.perimeter().bucketArn());
                for (ActionClass a : space.actions()) {
                    values.addAll(space.resources(a));
                }
                scan.resourcePatterns().forEach(v -> addWritten(values, v));
                for (String v : List.copyOf(values)) {
                    Arn.parse(v).flatMap(Arn::s3Bucket).ifPresent(b -> values.add("arn:" + Arn.parse(v).get().partition() + ":s3:::" + b));
                }
            }
            case ACTION -> {
                space.actions().forEach(a -> values.add(a.action()));
                scan.actionPatterns().forEach(v -> addWritten(values, v));
            }
            default -> throw new IllegalStateException(place.kind().name());
        }
        return values;
    }

    /**
     * A value a policy writes: as written (an unknown beside it may make a pattern equal to it) and, for a
     * pattern, as one string a request could carry that it matches.
     */
    private static void addWritten(Set<String> values, String v) {
        values.add(v);
        if (Wildcards.hasWildcard(v)) {
            values.add(Witnesses.witness(v));
        }
    }

    private static List<String> valuesOf(Map<String, List<String>> context, String key) {
        List<String> out = new ArrayList<>();
        context.forEach((k, v) -> {
            if (k.equalsIgnoreCase(key)) {
                out.addAll(v);
            }
        });
        return out;
    }

    /** What kind of value {@code v} is, by its look: an account ID, an address, or its prefix ({@code vpce-}, {@code arn:}). */
    private static String kind(String v) {
        if (v.matches("\\d{12}")) {
            return "account";
        }
        if (v.matches("[0-9.]+(/\\d+)?") || v.matches("[0-9a-fA-F:]+(/\\d+)?") && v.contains(":")) {
            return "address";
        }
        int end = 0;
        while (end < v.length() && end < 6 && v.charAt(end) != '-' && v.charAt(end) != ':') {
            end++;
        }
        return end < v.length() && end < 6 ? v.substring(0, end + 1) : "text";
    }

    /** A value the space invented for "one nobody names": the class of any other value already stands for it. */
    private static boolean invented(String value, Witnesses witnesses) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.contains("gtvpc") || lower.contains("0fffffffffffffff0") || value.contains(witnesses.outsider())
                || value.contains(witnesses.awsOwner());
    }

    private static Set<String> perimeterValues(Perimeter p) {
        Set<String> values = new LinkedHashSet<>(List.of(p.bucket(), p.bucketArn(), p.bucketAccount()));
        p.orgId().ifPresent(values::add);
        values.addAll(p.orgPaths());
        p.serviceEndpoints().forEach(t -> values.add(t.endpoint()));
        values.addAll(p.vpcs());
        values.addAll(p.vpces());
        values.addAll(p.cidrs());
        values.addAll(p.roleArns());
        p.adminArn().ifPresent(values::add);
        values.addAll(p.trustedAccounts());
        values.addAll(p.actions());
        return values;
    }
}
