package dev.gtvpc.verify;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.PolicyValues;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.groundtruth.ActionSelection;
import dev.gtvpc.groundtruth.S3ActionCatalog;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Proves or refutes the properties of a VPC-only bucket policy over the request space.
 *
 * <ul>
 * <li>{@code gt-can-access}: the region's Ground Truth endpoint, from a VPC that is not the user's, as
 *     any principal of the bucket's account, is not denied the five actions Ground Truth needs;</li>
 * <li>{@code vpc-can-access} / {@code vpce-can-access}: each named VPC (through any endpoint) and each
 *     named endpoint (from any VPC) is not denied the protected actions;</li>
 * <li>{@code role-can-access}: each named role, and its sessions, from anywhere, is not denied them;</li>
 * <li>{@code outside-denied}: every other origin and principal is explicitly denied each protected action;</li>
 * <li>{@code owner-can-manage}: the administrator keeps Get/Put/DeleteBucketPolicy from anywhere;</li>
 * <li>{@code equivalent-to}: two policies decide every request alike.</li>
 * </ul>
 * Requests are tried simplest first (no other condition key, the internet first), so the first
 * counterexample is a minimal one.
 */
public final class Verifier {
    public static final List<String> POLICY_ACTIONS = List.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");

    private final Policy policy;
    private final VerifyInputs in;
    private final RequestSpace space;
    private final S3ActionCatalog catalog;

    private Verifier(Policy policy, VerifyInputs in, RequestSpace space, S3ActionCatalog catalog) {
        this.policy = policy;
        this.in = in;
        this.space = space;
        this.catalog = catalog;
    }

    public static VerificationReport verify(Policy policy, VerifyInputs in, Optional<Policy> equivalentTo) {
        return verify(policy, in, equivalentTo, false);
    }

    /** With {@code matrix}, the report also holds the access matrix (it costs a few evaluations per row). */
    public static VerificationReport verify(Policy policy, VerifyInputs in, Optional<Policy> equivalentTo, boolean matrix) {
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        List<Policy> policies = new ArrayList<>();
        policies.add(policy);
        equivalentTo.ifPresent(policies::add);
        Verifier v = new Verifier(policy, in, RequestSpace.of(policies, in, catalog), catalog);
        List<PropertyResult> results = new ArrayList<>();
        List<RequestSpace.ActionClass> protectedActions = v.protectedActions();
        results.add(v.groundTruthCanAccess());
        // Values every policy literal compares alike with decide every request alike, so one proof per class
        // serves them all; a refuted one is checked again for its own counterexample.
        Map<String, PropertyResult> provedByClass = new LinkedHashMap<>();
        for (String vpc : in.vpcs()) {
            String rep = v.space.representative("aws:SourceVpc", vpc, in.vpcs());
            results.add(v.shared(provedByClass, "vpc " + rep, vpc,
                    subject -> v.canAccess("vpc-can-access", subject, v.viaVpc(subject), v.bucketAccountCallers(), protectedActions)));
        }
        for (String vpce : in.vpces()) {
            String rep = v.space.representative("aws:SourceVpce", vpce, in.vpces());
            results.add(v.shared(provedByClass, "vpce " + rep, vpce,
                    subject -> v.canAccess("vpce-can-access", subject, v.viaEndpoint(subject), v.bucketAccountCallers(), protectedActions)));
        }
        for (String role : in.roleArns()) {
            results.add(v.canAccess("role-can-access", role, v.space.origins(Set.of()), v.callersOf(role), protectedActions));
        }
        results.add(v.outsideDenied(protectedActions));
        in.adminArn().ifPresent(admin -> results.add(v.canAccess("owner-can-manage", admin, v.space.origins(Set.of()),
                v.callersOf(admin), POLICY_ACTIONS.stream().map(v::actionClass).toList())));
        equivalentTo.ifPresent(other -> results.add(v.equivalentTo(other)));
        return new VerificationReport(results, v.space.samplingNotes(), matrix ? v.matrix(protectedActions) : null);
    }

    /** The access matrix alone, without proving the properties: over --actions, else what the Deny covers. */
    public static AccessMatrix accessMatrix(Policy policy, VerifyInputs in) {
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        Verifier v = new Verifier(policy, in, RequestSpace.of(List.of(policy), in, catalog), catalog);
        return v.matrix(v.protectedActions());
    }

    /** The equivalent-to property alone: whether the two policies decide every request alike. */
    public static PropertyResult equivalence(Policy policy, Policy other, VerifyInputs in) {
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        Verifier v = new Verifier(policy, in, RequestSpace.of(List.of(policy, other), in, catalog), catalog);
        return v.equivalentTo(other);
    }

    /**
     * Whether the caller of an apply keeps s3:GetBucketPolicy, s3:PutBucketPolicy and
     * s3:DeleteBucketPolicy on the bucket from where it works: the internet, or through
     * {@code callerVpce} from any VPC. gtvpc cannot see the caller's address, so unless
     * {@code callerIp} names it, this must hold for every address class the policy distinguishes: a
     * policy that keeps the caller in only from some addresses is a lock-out risk. Requests through an
     * endpoint carry no aws:SourceIp (AWS sets aws:VpcSourceIp instead).
     *
     * @param callerArn the caller's own ARN (a session's, for a role: aws:PrincipalArn is then its role's)
     */
    public static PropertyResult callerKeepsPolicyAccess(Policy policy, VerifyInputs in, String callerArn, Optional<String> callerVpce,
            Optional<String> callerIp) {
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        Verifier v = new Verifier(policy, in, RequestSpace.of(List.of(policy), in, catalog), catalog);
        Caller caller = Caller.of(callerArn, callerArn);
        List<Origin> origins = callerVpce.map(e -> v.viaEndpoint(e)).orElse(List.of(Origin.INTERNET));
        String ipKey = callerVpce.isPresent() ? "aws:VpcSourceIp" : "aws:SourceIp";
        Set<Map<String, List<String>>> contexts = new LinkedHashSet<>();
        List<Map<String, List<String>>> overTls = v.overTls();
        boolean policyTestsAddresses = overTls.stream().anyMatch(c -> c.keySet().stream().anyMatch("aws:SourceIp"::equalsIgnoreCase));
        for (Map<String, List<String>> c : overTls) {
            Map<String, List<String>> adjusted = new LinkedHashMap<>();
            c.forEach((k, val) -> {
                boolean sourceIp = k.equalsIgnoreCase("aws:SourceIp");
                if (!(sourceIp && callerVpce.isPresent()) && !(k.equalsIgnoreCase(ipKey) && callerIp.isPresent())) {
                    adjusted.put(k, val);
                }
            });
            callerIp.ifPresent(ip -> adjusted.put(ipKey, List.of(ip)));
            // a request from the internet always has an address: the key-absent and not-an-address classes are not callers
            boolean internetWithoutAddress = callerVpce.isEmpty() && callerIp.isEmpty() && policyTestsAddresses
                    && adjusted.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("aws:SourceIp")
                            && PolicyValues.address(adjusted.get(k).get(0)));
            if (!internetWithoutAddress) {
                contexts.add(adjusted);
            }
        }
        String where = callerVpce.map(e -> "through " + e).orElse("from the internet") + callerIp.map(ip -> " at " + ip).orElse("");
        return v.check("caller-keeps-policy-access", callerArn + " " + where, origins, List.of(caller),
                POLICY_ACTIONS.stream().map(v::actionClass).toList(), d -> d != Decision.EXPLICIT_DENY, List.copyOf(contexts));
    }

    /**
     * The result for {@code subject}: proved when its class's representative was (the class's first
     * member, checked once); otherwise checked on its own, so a counterexample names the subject.
     */
    private PropertyResult shared(Map<String, PropertyResult> provedByClass, String classKey, String subject,
            java.util.function.Function<String, PropertyResult> check) {
        PropertyResult first = space.usesPolicyVariables() ? null : provedByClass.get(classKey);
        if (first == null) {
            PropertyResult own = check.apply(subject);
            if (own.status() == PropertyResult.Status.PROVED) {
                provedByClass.put(classKey, own);
            }
            return own;
        }
        return new PropertyResult(first.property(), subject + " (as " + first.subject() + ", same class)", first.status(), 0,
                Optional.empty());
    }

    /** --actions, or every action class the policy's Deny statements cover. */
    private List<RequestSpace.ActionClass> protectedActions() {
        if (!in.actions().isEmpty()) {
            return in.actions().stream().map(this::actionClass).toList();
        }
        Set<RequestSpace.ActionClass> covered = new LinkedHashSet<>();
        for (Statement s : policy.statements()) {
            if (s.effect().filter(Effect.DENY::equals).isEmpty() || s.action().isEmpty()) {
                continue;
            }
            ActionBlock a = s.action().get();
            for (RequestSpace.ActionClass c : space.actions()) {
                boolean named = a.actions().items().stream().anyMatch(p -> Wildcards.matchesIgnoreCase(p, c.action()));
                if (named != a.negated() && !c.action().equals(RequestSpace.UNLISTED_ACTION)) {
                    covered.add(c);
                }
            }
        }
        return List.copyOf(covered);
    }

    private RequestSpace.ActionClass actionClass(String action) {
        return catalog.find(action).map(a -> new RequestSpace.ActionClass(a.qualifiedName(), a.onObjects()))
                .orElse(new RequestSpace.ActionClass(action, true));
    }

    private PropertyResult groundTruthCanAccess() {
        List<RequestSpace.ActionClass> actions = ActionSelection.GROUND_TRUTH_ACTIONS.stream().map(this::actionClass).toList();
        return check("gt-can-access", in.groundTruthEndpoint() + " (" + in.region() + ")",
                List.of(Origin.via(in.groundTruthEndpoint(), RequestSpace.FRESH_VPC)), bucketAccountCallers(), actions,
                d -> d != Decision.EXPLICIT_DENY, overTls());
    }

    private PropertyResult canAccess(String property, String subject, List<Origin> origins, List<Caller> callers,
            List<RequestSpace.ActionClass> actions) {
        return check(property, subject, origins, callers, actions, d -> d != Decision.EXPLICIT_DENY, overTls());
    }

    /**
     * The other contexts a legitimate caller's request can have: over TLS. A Deny on insecure transport
     * is good practice, not a lock-out, so the access properties assume aws:SecureTransport true, as
     * every AWS SDK and Ground Truth itself send it.
     */
    private List<Map<String, List<String>>> overTls() {
        return space.otherContexts().stream().filter(c -> c.entrySet().stream().noneMatch(e ->
                e.getKey().equalsIgnoreCase("aws:SecureTransport") && !e.getValue().equals(List.of("true")))).toList();
    }

    private PropertyResult outsideDenied(List<RequestSpace.ActionClass> actions) {
        Set<String> inside = new HashSet<>(in.vpcs());
        inside.addAll(in.vpces());
        inside.add(in.groundTruthEndpoint());
        Set<String> exempt = new HashSet<>(in.roleArns());
        in.adminArn().ifPresent(exempt::add);
        List<Caller> outsiders = space.callers().stream()
                .filter(c -> c.principalArn().map(a -> !exempt.contains(a)).orElse(true)).toList();
        return check("outside-denied", "every other origin and principal", space.origins(inside), outsiders, actions,
                d -> d == Decision.EXPLICIT_DENY, space.otherContexts());
    }

    private PropertyResult equivalentTo(Policy other) {
        long count = 0;
        for (Map<String, List<String>> extra : space.otherContexts()) {
            for (Origin origin : space.origins(Set.of())) {
                for (Caller caller : space.callers()) {
                    for (RequestSpace.ActionClass action : space.actions()) {
                        List<String> resources = new ArrayList<>(space.resources(action));
                        resources.add(space.otherBucketResource(action));
                        for (String resource : resources) {
                            Request r = request(action.action(), resource, origin, caller, extra);
                            count++;
                            EvaluationResult a = Evaluator.evaluate(policy, r);
                            EvaluationResult b = Evaluator.evaluate(other, r);
                            if (!a.decision().equals(b.decision())) {
                                Counterexample ce = new Counterexample(r, origin, caller, a.decision(),
                                        labels(a), List.of("the other policy decides " + b.decision().map(Enum::name).orElse("nothing")
                                                + labels(b).stream().map(l -> " by " + l).reduce("", String::concat)));
                                return new PropertyResult("equivalent-to", "the other policy", PropertyResult.Status.REFUTED, count,
                                        Optional.of(ce));
                            }
                        }
                    }
                }
            }
        }
        return new PropertyResult("equivalent-to", "the other policy", PropertyResult.Status.PROVED, count, Optional.empty());
    }

    private PropertyResult check(String property, String subject, List<Origin> origins, List<Caller> callers,
            List<RequestSpace.ActionClass> actions, Predicate<Decision> ok, List<Map<String, List<String>>> contexts) {
        long count = 0;
        for (Map<String, List<String>> extra : contexts) {
            for (Origin origin : origins) {
                for (Caller caller : callers) {
                    for (RequestSpace.ActionClass action : actions) {
                        for (String resource : space.resources(action)) {
                            Request r = request(action.action(), resource, origin, caller, extra);
                            count++;
                            EvaluationResult result = Evaluator.evaluate(policy, r);
                            if (result.decision().isEmpty() || !ok.test(result.decision().get())) {
                                PropertyResult.Status status = result.decision().isEmpty()
                                        ? PropertyResult.Status.UNDECIDED : PropertyResult.Status.REFUTED;
                                return new PropertyResult(property, subject, status, count, Optional.of(new Counterexample(
                                        r, origin, caller, result.decision(), labels(result), result.errors())));
                            }
                        }
                    }
                }
            }
        }
        return new PropertyResult(property, subject, PropertyResult.Status.PROVED, count, Optional.empty());
    }

    private static List<String> labels(EvaluationResult result) {
        List<StatementTrace> deciding = result.deciding();
        return deciding.stream().map(StatementTrace::label).toList();
    }

    private Request request(String action, String resource, Origin origin, Caller caller, Map<String, List<String>> extra) {
        Map<String, List<String>> context = new LinkedHashMap<>(origin.context());
        context.putAll(caller.context());
        context.putAll(extra);
        return new Request(action, resource, caller.principal(), Optional.of(in.bucketAccount()), ContextKeys.of(context));
    }

    /** Every signed principal of the bucket's account the space holds (Ground Truth's execution role is one of them). */
    private List<Caller> bucketAccountCallers() {
        return space.callers().stream().filter(c -> !c.anonymous()
                && c.principal().account().filter(in.bucketAccount()::equals).isPresent()).toList();
    }

    private List<Caller> callersOf(String arn) {
        return space.callers().stream().filter(c -> c.principalArn().filter(arn::equals).isPresent()).toList();
    }

    /** The VPC, through every class of endpoint. */
    private List<Origin> viaVpc(String vpc) {
        return space.endpointClasses().stream().map(e -> Origin.via(e, vpc)).toList();
    }

    /** The endpoint, from every class of VPC. */
    private List<Origin> viaEndpoint(String vpce) {
        return space.vpcClasses().stream().map(v -> Origin.via(vpce, v)).toList();
    }

    private Map<String, Integer> classCounts(String key, List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String v : values) {
            counts.merge(space.representative(key, v, values), 1, Integer::sum);
        }
        return counts;
    }

    private static String alike(int count) {
        return count == 1 ? "" : " (+" + (count - 1) + " alike)";
    }

    /** role/NAME for a named principal, "bucket account" and "other account" for the fresh ones. */
    private static String shortLabel(Caller c) {
        if (c.label().startsWith("a principal of the bucket's account")) {
            return "bucket account";
        }
        if (c.label().startsWith("a principal of another account")) {
            return "other account";
        }
        return c.principalArn().map(a -> a.split(":", 6)[5]).orElse(c.label());
    }

    @SuppressWarnings("unchecked")
    private AccessMatrix matrix(List<RequestSpace.ActionClass> actions) {
        List<Origin> origins = new ArrayList<>();
        List<String> originLabels = new ArrayList<>();
        origins.add(Origin.INTERNET);
        originLabels.add("internet");
        // one row per class: a thousand endpoints in one exemption list are one row, not a thousand
        for (Map.Entry<String, Integer> vpc : classCounts("aws:SourceVpc", in.vpcs()).entrySet()) {
            origins.add(Origin.via(RequestSpace.FRESH_VPCE, vpc.getKey()));
            originLabels.add("VPC " + vpc.getKey() + alike(vpc.getValue()));
        }
        for (Map.Entry<String, Integer> vpce : classCounts("aws:SourceVpce", in.vpces()).entrySet()) {
            origins.add(Origin.via(vpce.getKey(), RequestSpace.FRESH_VPC));
            originLabels.add("endpoint " + vpce.getKey() + alike(vpce.getValue()));
        }
        origins.add(Origin.via(in.groundTruthEndpoint(), RequestSpace.FRESH_VPC));
        originLabels.add("Ground Truth " + in.groundTruthEndpoint());
        origins.add(Origin.via(RequestSpace.FRESH_VPCE, RequestSpace.FRESH_VPC));
        originLabels.add("another endpoint and VPC");
        List<Caller> callers = new ArrayList<>();
        for (String role : in.roleArns()) {
            callers.addAll(callersOf(role).stream().limit(1).toList());
        }
        in.adminArn().ifPresent(a -> callers.addAll(callersOf(a).stream().limit(1).toList()));
        space.callers().stream().filter(c -> c.label().startsWith("a principal of the bucket's account")).findFirst().ifPresent(callers::add);
        space.callers().stream().filter(c -> c.label().startsWith("a principal of another account")).findFirst().ifPresent(callers::add);
        callers.add(Caller.ANONYMOUS);
        List<RequestSpace.ActionClass> shown = new ArrayList<>(actions);
        Optional<Decision>[][][] cells = new Optional[origins.size()][callers.size()][shown.size()];
        for (int o = 0; o < origins.size(); o++) {
            for (int c = 0; c < callers.size(); c++) {
                for (int a = 0; a < shown.size(); a++) {
                    RequestSpace.ActionClass action = shown.get(a);
                    String resource = space.resources(action).get(0);
                    cells[o][c][a] = Evaluator.evaluate(policy, request(action.action(), resource, origins.get(o), callers.get(c), Map.of()))
                            .decision();
                }
            }
        }
        return new AccessMatrix(shown.stream().map(RequestSpace.ActionClass::action).toList(), originLabels,
                callers.stream().map(Verifier::shortLabel).toList(), cells);
    }
}
