package dev.gtvpc.verify;

import dev.gtvpc.eval.PolicyValues;
import dev.gtvpc.groundtruth.S3ActionCatalog;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.PrincipalType;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The requests that can reach the bucket, as equivalence classes per dimension; see the package
 * documentation for why one representative per class decides every concrete request, and where the
 * classes are only sampled ({@link #samplingNotes()}).
 */
public final class RequestSpace {
    static final String FRESH_VPCE = "vpce-0fffffffffffffff0";
    static final String FRESH_VPC = "vpc-0fffffffffffffff0";
    static final String FRESH_KEY = "gtvpc-verify/object";
    static final String OTHER_BUCKET = "gtvpc-verify-other-bucket";
    static final String UNLISTED_ACTION = "s3:GtvpcVerifyUnlistedAction";
    private static final int MAX_OTHER_CONTEXTS = 256;
    private static final Set<String> ORIGIN_AND_PRINCIPAL_KEYS = Set.of("aws:sourcevpce", "aws:sourcevpc", "aws:principalarn",
            "aws:principalaccount", "aws:username");

    /** One action standing for every action that matches the same patterns, with the resource it acts on. */
    public record ActionClass(String action, boolean onObjects) {
    }

    private final List<Policy> policies;
    private final VerifyInputs inputs;
    private final List<String> endpoints;
    private final List<String> vpcs;
    private final List<Caller> callers;
    private final List<ActionClass> actions;
    private final List<String> objectKeys;
    private final List<Map<String, List<String>>> otherContexts;
    private final List<String> samplingNotes = new ArrayList<>();

    private RequestSpace(List<Policy> policies, VerifyInputs inputs, S3ActionCatalog catalog) {
        this.policies = List.copyOf(policies);
        this.inputs = inputs;
        this.endpoints = named("aws:sourcevpce", inputs.vpces(), List.of(inputs.groundTruthEndpoint()));
        this.vpcs = named("aws:sourcevpc", inputs.vpcs(), List.of());
        this.callers = buildCallers();
        this.actions = actionClasses(catalog);
        this.objectKeys = objectKeys();
        this.otherContexts = buildOtherContexts();
    }

    public static RequestSpace of(List<Policy> policies, VerifyInputs inputs, S3ActionCatalog catalog) {
        return new RequestSpace(policies, inputs, catalog);
    }

    public VerifyInputs inputs() {
        return inputs;
    }

    public List<String> samplingNotes() {
        return List.copyOf(samplingNotes);
    }

    public List<Caller> callers() {
        return callers;
    }

    public List<ActionClass> actions() {
        return actions;
    }

    public List<Map<String, List<String>>> otherContexts() {
        return otherContexts;
    }

    /** One endpoint per class of the endpoints the policies or the inputs name, and a fresh one. */
    public List<String> endpointClasses() {
        return representatives("aws:sourcevpce", endpoints);
    }

    /** One VPC per class of the VPCs the policies or the inputs name, and a fresh one. */
    public List<String> vpcClasses() {
        return representatives("aws:sourcevpc", vpcs);
    }

    /**
     * The internet, and one origin per class of (endpoint, VPC) pairs — values that match the same
     * policy literals are one class — leaving out the endpoints and VPCs in {@code excluded}.
     */
    public List<Origin> origins(Set<String> excluded) {
        List<String> e = representatives("aws:sourcevpce", endpoints.stream().filter(v -> !excluded.contains(v)).toList());
        List<String> v = representatives("aws:sourcevpc", vpcs.stream().filter(x -> !excluded.contains(x)).toList());
        List<Origin> origins = new ArrayList<>();
        origins.add(Origin.INTERNET);
        for (String vpce : e) {
            for (String vpc : v) {
                origins.add(Origin.via(vpce, vpc));
            }
        }
        return origins;
    }

    /** The resources an action of this class can name in the bucket: the bucket, or each class of object keys. */
    public List<String> resources(ActionClass a) {
        if (!a.onObjects()) {
            return List.of(inputs.bucketArn());
        }
        return objectKeys.stream().map(k -> inputs.bucketArn() + "/" + k).toList();
    }

    /** Resources outside the bucket, for equivalence: another bucket, or an object in it. */
    public String otherBucketResource(ActionClass a) {
        return "arn:" + inputs.partition() + ":s3:::" + OTHER_BUCKET + (a.onObjects() ? "/" + FRESH_KEY : "");
    }

    public Optional<ActionClass> actionClassOf(String action) {
        return actions.stream().filter(a -> a.action().equalsIgnoreCase(action)).findFirst();
    }

    // ---- the classes ----

    /** Literal values the policies give a key (under any operator), the inputs' values, extras, and a fresh value. */
    private List<String> named(String key, List<String> fromInputs, List<String> extras) {
        Set<String> values = new LinkedHashSet<>();
        for (ConditionEntry e : entries()) {
            if (e.key().toLowerCase(Locale.ROOT).equals(key)) {
                for (String v : e.values().texts()) {
                    values.add(Wildcards.hasWildcard(v) ? witness(v) : v);
                }
            }
        }
        values.addAll(fromInputs);
        values.addAll(extras);
        values.add(key.equals("aws:sourcevpce") ? FRESH_VPCE : FRESH_VPC);
        return List.copyOf(values);
    }

    /**
     * One value per class: values are alike when every policy value of the key compares the same
     * with them (equal, equal ignoring case, matching as a pattern), so every String operator
     * decides them alike.
     */
    private List<String> representatives(String key, List<String> values) {
        Map<String, String> bySignature = new LinkedHashMap<>();
        List<EntryValues> entries = entriesOf(key);
        for (String v : values) {
            bySignature.putIfAbsent(signature(entries, v), v);
        }
        return List.copyOf(bySignature.values());
    }

    /**
     * The value that stands for {@code value} of {@code key}: the first of {@code candidates} with the
     * same signature, so that any property holds for both or for neither.
     */
    public String representative(String key, String value, List<String> candidates) {
        String lowerKey = key.toLowerCase(Locale.ROOT);
        List<EntryValues> entries = entriesOf(lowerKey);
        // the candidates are the same list for every value of a key (the inputs' VPCs or endpoints): index them once
        Map<String, String> firstBySignature = representativeCache.computeIfAbsent(lowerKey, k -> {
            Map<String, String> map = new java.util.HashMap<>();
            for (String c : candidates) {
                map.putIfAbsent(signature(entries, c), c);
            }
            return map;
        });
        return firstBySignature.getOrDefault(signature(entries, value), value);
    }

    private final Map<String, Map<String, String>> representativeCache = new java.util.HashMap<>();
    private final Map<String, List<EntryValues>> entryCache = new java.util.HashMap<>();

    /** The values of one condition entry of a key, indexed for the three comparisons String operators make. */
    private record EntryValues(Set<String> exact, Set<String> lower, List<String> patterns) {
        static EntryValues of(List<String> values) {
            Set<String> exact = new java.util.HashSet<>(values);
            Set<String> lower = new java.util.HashSet<>();
            List<String> patterns = new ArrayList<>();
            for (String v : values) {
                lower.add(v.toLowerCase(Locale.ROOT));
                if (Wildcards.hasWildcard(v)) {
                    patterns.add(v);
                }
            }
            return new EntryValues(exact, lower, patterns);
        }
    }

    private List<EntryValues> entriesOf(String lowerKey) {
        return entryCache.computeIfAbsent(lowerKey, k -> {
            List<EntryValues> list = new ArrayList<>();
            for (ConditionEntry e : entries()) {
                if (e.key().toLowerCase(Locale.ROOT).equals(k)) {
                    list.add(EntryValues.of(e.values().texts()));
                }
            }
            return List.copyOf(list);
        });
    }

    /**
     * How a value fares against each condition entry of its key: equal to one of its values, equal
     * ignoring case, matched by one of its patterns. Values are ORed within an entry, so nothing else
     * about the value can change a decision: values with one signature are one class.
     */
    private static String signature(List<EntryValues> entries, String v) {
        StringBuilder sig = new StringBuilder(entries.size() * 3);
        String lower = v.toLowerCase(Locale.ROOT);
        for (EntryValues e : entries) {
            sig.append(e.exact().contains(v) ? '1' : '0').append(e.lower().contains(lower) ? '1' : '0');
            boolean like = e.exact().contains(v);
            for (int i = 0; !like && i < e.patterns().size(); i++) {
                like = Wildcards.matches(e.patterns().get(i), v);
            }
            sig.append(like ? '1' : '0');
        }
        return sig.toString();
    }

    private List<Caller> buildCallers() {
        Set<String> arns = new LinkedHashSet<>();
        Set<String> accounts = new LinkedHashSet<>();
        accounts.add(inputs.bucketAccount());
        for (Statement s : statements()) {
            s.principal().ifPresent(p -> {
                for (PrincipalEntry e : p.entries()) {
                    if (e.type() == PrincipalType.AWS) {
                        for (String id : e.ids().items()) {
                            if (AwsIds.isAccountId(id)) {
                                accounts.add(id);
                            } else if (Arn.parse(id).isPresent()) {
                                arns.add(id);
                            }
                        }
                    }
                }
            });
        }
        for (ConditionEntry e : entries()) {
            if (e.key().equalsIgnoreCase("aws:PrincipalArn")) {
                e.values().texts().forEach(v -> arns.add(Wildcards.hasWildcard(v) ? witness(v) : v));
            }
            if (e.key().equalsIgnoreCase("aws:PrincipalAccount")) {
                e.values().texts().stream().filter(AwsIds::isAccountId).forEach(accounts::add);
            }
        }
        arns.addAll(inputs.roleArns());
        inputs.adminArn().ifPresent(arns::add);
        List<Caller> list = new ArrayList<>();
        for (String arn : arns) {
            Optional<Arn> a = Arn.parse(arn);
            if (a.isEmpty() || !AwsIds.isAccountId(a.get().account())) {
                continue;
            }
            accounts.add(a.get().account());
            if (a.get().resource().equals("root")) {
                continue; // the account's own principals stand for it below
            }
            list.add(Caller.of(arn, arn));
            if (a.get().service().equals("iam") && a.get().resource().startsWith("role/")) {
                list.add(Caller.sessionOf(arn));
            }
        }
        for (String account : accounts) {
            String fresh = "arn:" + inputs.partition() + ":iam::" + account + ":role/gtvpc-verify-fresh";
            list.add(Caller.of(account.equals(inputs.bucketAccount()) ? "a principal of the bucket's account (" + account + ")"
                    : "a principal of account " + account, fresh));
        }
        String other = freshAccount(accounts);
        list.add(Caller.of("a principal of another account (" + other + ")",
                "arn:" + inputs.partition() + ":iam::" + other + ":role/gtvpc-verify-fresh"));
        list.add(Caller.ANONYMOUS);
        return List.copyOf(list);
    }

    private static String freshAccount(Set<String> used) {
        for (long n = 999999999999L; ; n--) {
            String candidate = Long.toString(n);
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * Every S3 action of the catalogue, grouped by which Action/NotAction patterns of the policies
     * match it and by the resource it acts on; one per group, preferring the ones the properties ask
     * about. An action no pattern names (a future one) stands for itself.
     */
    private List<ActionClass> actionClasses(S3ActionCatalog catalog) {
        List<String> patterns = new ArrayList<>();
        for (Statement s : statements()) {
            s.action().map(ActionBlock::actions).ifPresent(v -> patterns.addAll(v.items()));
        }
        List<String> preferred = new ArrayList<>(dev.gtvpc.groundtruth.ActionSelection.GROUND_TRUTH_ACTIONS);
        preferred.addAll(List.of("s3:DeleteObject", "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"));
        preferred.addAll(inputs.actions());
        // keyed by name: a list's contains() here was quadratic in the catalogue's 200-odd actions
        Map<String, S3ActionCatalog.Action> ordered = new LinkedHashMap<>();
        for (String p : preferred) {
            catalog.find(p).ifPresent(a -> ordered.putIfAbsent(a.name(), a));
        }
        for (S3ActionCatalog.Action a : catalog.actions()) {
            ordered.putIfAbsent(a.name(), a);
        }
        Map<String, ActionClass> bySignature = new LinkedHashMap<>();
        for (S3ActionCatalog.Action a : ordered.values()) {
            if (!a.onObjects() && !a.onBucket()) {
                continue; // no resource a bucket policy names: a bucket policy cannot decide it
            }
            StringBuilder sig = new StringBuilder(a.onObjects() ? "o" : "b");
            for (String p : patterns) {
                sig.append(Wildcards.matchesIgnoreCase(p, a.qualifiedName()) ? '1' : '0');
            }
            bySignature.putIfAbsent(sig.toString(), new ActionClass(a.qualifiedName(), a.onObjects()));
        }
        List<ActionClass> list = new ArrayList<>(bySignature.values());
        list.add(new ActionClass(UNLISTED_ACTION, true));
        return List.copyOf(list);
    }

    /** A fresh key, and a witness for each object pattern the policies name in the bucket. */
    private List<String> objectKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(FRESH_KEY);
        String prefix = inputs.bucketArn() + "/";
        for (Statement s : statements()) {
            s.resource().ifPresent(r -> {
                for (String pattern : r.resources().items()) {
                    if (pattern.startsWith(prefix) && !pattern.equals(prefix + "*")) {
                        keys.add(witness(pattern.substring(prefix.length())));
                    }
                }
            });
        }
        if (keys.size() > 2) {
            samplingNotes.add("object keys: one witness per Resource pattern in the bucket; keys that match several patterns"
                    + " at once are covered only where a witness does");
        }
        return List.copyOf(keys);
    }

    /**
     * Every other condition key: absent, each value its conditions name (or a witness for a
     * pattern), a fresh value, and the boundaries around numbers, dates and CIDR ranges. The product
     * over keys is enumerated up to a limit, beyond which it is sampled (and said so).
     */
    private List<Map<String, List<String>>> buildOtherContexts() {
        Map<String, Set<String>> valuesByKey = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        for (Statement s : statements()) {
            if (s.condition().isEmpty()) {
                continue;
            }
            for (ConditionBlock block : s.condition().get().blocks()) {
                Optional<OperatorType> type = block.operator().type();
                for (ConditionEntry e : block.entries()) {
                    String key = e.key().toLowerCase(Locale.ROOT);
                    if (ORIGIN_AND_PRINCIPAL_KEYS.contains(key)) {
                        continue;
                    }
                    spelling.putIfAbsent(key, e.key());
                    Set<String> values = valuesByKey.computeIfAbsent(key, k -> new LinkedHashSet<>());
                    if (block.operator().qualifier() != SetQualifier.NONE) {
                        samplingNotes.add(e.key() + ": multivalued requests are sampled (single values, not every set of them)");
                    }
                    for (String v : e.values().texts()) {
                        values.addAll(classValues(type.orElse(OperatorType.STRING_EQUALS), v, e.key()));
                    }
                    values.add("gtvpc-verify-fresh");
                }
            }
        }
        if (usesPolicyVariables()) {
            samplingNotes.add("policy variables (${…}) are resolved only from the values listed here, not from every value a key"
                    + " can take");
        }
        List<Map<String, List<String>>> contexts = new ArrayList<>();
        contexts.add(Map.of());
        List<String> keys = new ArrayList<>(valuesByKey.keySet());
        long product = 1;
        for (String k : keys) {
            product = Math.min(Long.MAX_VALUE / 4, product * (valuesByKey.get(k).size() + 1));
        }
        if (product <= MAX_OTHER_CONTEXTS) {
            contexts = new ArrayList<>();
            enumerate(keys, 0, new LinkedHashMap<>(), valuesByKey, spelling, contexts);
            return List.copyOf(contexts);
        }
        samplingNotes.add("other condition keys " + keys.stream().map(spelling::get).toList() + ": " + product
                + " combinations, sampled: each value of each key alone, then " + MAX_OTHER_CONTEXTS + " random combinations");
        for (String k : keys) {
            for (String v : valuesByKey.get(k)) {
                contexts.add(Map.of(spelling.get(k), List.of(v)));
            }
        }
        Random random = new Random(20261125L);
        for (int i = 0; i < MAX_OTHER_CONTEXTS; i++) {
            Map<String, List<String>> c = new LinkedHashMap<>();
            for (String k : keys) {
                List<String> vs = new ArrayList<>(valuesByKey.get(k));
                int pick = random.nextInt(vs.size() + 1);
                if (pick < vs.size()) {
                    c.put(spelling.get(k), List.of(vs.get(pick)));
                }
            }
            contexts.add(c);
        }
        return List.copyOf(contexts);
    }

    private static void enumerate(List<String> keys, int i, Map<String, List<String>> current, Map<String, Set<String>> values,
            Map<String, String> spelling, List<Map<String, List<String>>> out) {
        if (i == keys.size()) {
            out.add(Map.copyOf(current));
            return;
        }
        String key = keys.get(i);
        enumerate(keys, i + 1, current, values, spelling, out); // absent
        for (String v : values.get(key)) {
            current.put(spelling.get(key), List.of(v));
            enumerate(keys, i + 1, current, values, spelling, out);
            current.remove(spelling.get(key));
        }
    }

    /** The values that stand for the classes a policy value cuts: itself, and its neighbours for ordered types. */
    private List<String> classValues(OperatorType type, String v, String key) {
        List<String> out = new ArrayList<>();
        switch (type.family()) {
            case NUMERIC -> {
                out.add(v);
                try {
                    java.math.BigDecimal d = new java.math.BigDecimal(v.startsWith("+") ? v.substring(1) : v);
                    out.add(d.subtract(java.math.BigDecimal.valueOf(0.5)).toPlainString());
                    out.add(d.add(java.math.BigDecimal.valueOf(0.5)).toPlainString());
                } catch (NumberFormatException e) {
                    // an unreadable policy value: lint reports it; the value itself is enough here
                }
            }
            case DATE -> {
                out.add(v);
                PolicyValues.date(v).ifPresent(t -> {
                    out.add(t.minusSeconds(1).toString());
                    out.add(t.plusSeconds(1).toString());
                });
            }
            case BOOLEAN, NULL -> {
                out.add("true");
                out.add("false");
            }
            case IP_ADDRESS -> out.addAll(Cidrs.boundaries(v));
            default -> {
                if (Wildcards.hasWildcard(v)) {
                    out.add(witness(v));
                    samplingNotes.add(key + ": pattern " + v + " is covered by one witness value");
                } else {
                    out.add(v);
                    if (type == OperatorType.STRING_EQUALS_IGNORE_CASE || type == OperatorType.STRING_NOT_EQUALS_IGNORE_CASE) {
                        out.add(v.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return out;
    }

    /** True when a policy value holds ${…}: a key's value then also matters inside other values. */
    public boolean usesPolicyVariables() {
        boolean inConditions = entries().stream().anyMatch(e -> e.values().texts().stream().anyMatch(v -> v.contains("${")));
        boolean inResources = statements().stream().anyMatch(s -> s.resource().map(r -> r.resources().items().stream()
                .anyMatch(v -> v.contains("${"))).orElse(false));
        return inConditions || inResources;
    }

    /** A string a wildcard pattern matches: * becomes "x", ? becomes "y". */
    static String witness(String pattern) {
        return pattern.replace("*", "x").replace("?", "y");
    }

    private List<Statement> statements() {
        List<Statement> all = new ArrayList<>();
        policies.forEach(p -> all.addAll(p.statements()));
        return all;
    }

    private List<ConditionEntry> entries() {
        List<ConditionEntry> all = new ArrayList<>();
        for (Statement s : statements()) {
            s.condition().ifPresent(c -> c.blocks().forEach(b -> all.addAll(b.entries())));
        }
        return all;
    }
}
