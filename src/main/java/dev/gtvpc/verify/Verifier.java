package dev.gtvpc.verify;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestNotes;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
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
 * Proves or refutes the properties of a perimeter bucket policy over the request space.
 *
 * <ul>
 * <li>one property per trusted service endpoint ({@code gt-can-access} for Ground Truth's): the endpoint,
 *     from a VPC that is not the user's, as any principal of the bucket's account, is not denied its actions;</li>
 * <li>{@code vpc-can-access} / {@code vpce-can-access}: each named VPC (through any endpoint) and each
 *     named endpoint (from any VPC) is not denied the protected actions;</li>
 * <li>{@code cidr-can-access}: each address range, over the internet, is not denied them;</li>
 * <li>{@code role-can-access}: each named role, and its sessions, from anywhere, is not denied them;</li>
 * <li>{@code account-can-access}: each trusted account's principals, from anywhere, are not denied them;</li>
 * <li>{@code aws-service-can-access} (asked for): AWS services acting on their own, service-linked roles and
 *     calls an AWS service forwards for the organization's principals are not denied them;</li>
 * <li>{@code outside-denied}: every other origin and principal is explicitly denied each protected action;</li>
 * <li>{@code owner-can-manage}: the administrator keeps Get/Put/DeleteBucketPolicy from anywhere;</li>
 * <li>{@code equivalent-to}: two policies decide every request alike.</li>
 * </ul>
 * A property that checked no request, or an access property whose requests no statement reaches (by
 * principal, action and resource: the policy is about other buckets, actions or principals), is VACUOUS,
 * never PROVED: there was nothing to prove. {@code owner-can-manage} is the exception to the second rule:
 * a policy silent on the policy actions is exactly one that keeps the administrator in. When the bucket account's
 * organization is not given and a policy tests the organization keys, every property is checked with
 * the bucket's account in the policy's organization and in none; where the two differ it DEPENDS on it.
 * Requests are tried simplest first (no other condition key, the internet first), so the first
 * counterexample is a minimal one.
 */
public final class Verifier {
    public static final List<String> POLICY_ACTIONS = List.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");
    private static final Set<String> SHOWN_KEYS = Set.of("aws:principalarn", "aws:principalaccount", "aws:username");

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
        List<Policy> policies = new ArrayList<>();
        policies.add(policy);
        equivalentTo.ifPresent(policies::add);
        Optional<String> assumedOrg = in.orgId().isPresent() ? Optional.empty() : organizationTested(policies);
        if (assumedOrg.isEmpty()) {
            return verifyIn(policy, in, equivalentTo, matrix, policies);
        }
        VerificationReport inside = verifyIn(policy, in.withOrganization(assumedOrg, orgPathsFor(policies, assumedOrg.get())),
                equivalentTo, matrix, policies);
        VerificationReport outside = verifyIn(policy, in, equivalentTo, false, policies);
        List<PropertyResult> results = new ArrayList<>();
        for (int i = 0; i < inside.results().size(); i++) {
            PropertyResult a = inside.results().get(i);
            PropertyResult b = outside.results().get(i);
            if (a.status() == b.status()) {
                results.add(a);
                continue;
            }
            PropertyResult refuted = a.status() == PropertyResult.Status.PROVED ? b : a;
            results.add(new PropertyResult(a.property(), a.subject(), PropertyResult.Status.DEPENDS, a.requests() + b.requests(),
                    refuted.counterexample(), Optional.of(a.status() + " if the bucket's account is in organization " + assumedOrg.get()
                            + " (the policy's), " + b.status() + " if it is in none; give --org-id to say which")));
        }
        List<String> notes = new ArrayList<>(inside.samplingNotes());
        return new VerificationReport(results, notes, inside.matrix(), List.of("the bucket account's organization was not given"
                + " and the policy tests it: each property was checked with the bucket's account in " + assumedOrg.get()
                + " and in no organization"));
    }

    private static VerificationReport verifyIn(Policy policy, VerifyInputs in, Optional<Policy> equivalentTo, boolean matrix,
            List<Policy> policies) {
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        Verifier v = new Verifier(policy, in, RequestSpace.of(policies, in, catalog), catalog);
        List<PropertyResult> results = new ArrayList<>();
        List<RequestSpace.ActionClass> protectedActions = v.protectedActions();
        for (VerifyInputs.TrustedEndpoint t : in.serviceEndpoints()) {
            results.add(v.trustedEndpointCanAccess(t));
        }
        // Values every policy literal compares alike with decide every request alike, so one proof per class
        // serves them all; a refuted one is checked again for its own counterexample.
        Map<String, PropertyResult> provedByClass = new LinkedHashMap<>();
        for (String vpc : in.vpcs()) {
            String rep = v.space.representative("aws:SourceVpc", vpc, in.vpcs());
            results.add(v.shared(provedByClass, "vpc " + rep, vpc,
                    subject -> v.canAccess("vpc-can-access", subject, v.viaVpc(subject), v.memberPrincipals(), protectedActions)));
        }
        for (String vpce : in.vpces()) {
            String rep = v.space.representative("aws:SourceVpce", vpce, in.vpces());
            results.add(v.shared(provedByClass, "vpce " + rep, vpce,
                    subject -> v.canAccess("vpce-can-access", subject, v.viaEndpoint(subject), v.memberPrincipals(), protectedActions)));
        }
        for (String cidr : in.cidrs()) {
            results.add(v.canAccess("cidr-can-access", cidr + " over the internet", v.space.internetOrigins(cidr, false),
                    v.memberPrincipals(), protectedActions));
        }
        for (String role : in.roleArns()) {
            results.add(v.canAccess("role-can-access", role, v.space.origins(), v.callersOf(role), protectedActions));
        }
        for (String account : in.trustedAccounts()) {
            results.add(v.canAccess("account-can-access", account + " from anywhere", v.space.origins(), v.principalsOf(account),
                    protectedActions));
        }
        if (in.awsServiceAccess()) {
            results.add(v.canAccess("aws-service-can-access", "AWS services, service-linked roles, and calls through AWS services",
                    v.space.origins(), v.awsServiceCallers(), protectedActions));
        }
        results.add(v.outsideDenied(protectedActions));
        // a policy that says nothing of the policy actions keeps the administrator in: that is the point, not vacuous
        in.adminArn().ifPresent(admin -> results.add(v.check("owner-can-manage", admin, v.space.origins(), v.callersOf(admin),
                POLICY_ACTIONS.stream().map(v::actionClass).toList(), d -> d != Decision.EXPLICIT_DENY, v.overTls(), false)));
        equivalentTo.ifPresent(other -> results.add(v.equivalentTo(other)));
        return new VerificationReport(results, v.space.samplingNotes(), matrix ? v.matrix(protectedActions) : null, List.of());
    }

    private static final List<String> ORGANIZATION_KEYS = List.of("aws:PrincipalOrgID", "aws:ResourceOrgID", "aws:PrincipalOrgPaths",
            "aws:ResourceOrgPaths");

    /** The first organization ID a policy's organization keys name, when one does: the organization to assume. */
    private static Optional<String> organizationTested(List<Policy> policies) {
        PolicyScan scan = PolicyScan.of(policies);
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            if (ORGANIZATION_KEYS.stream().anyMatch(e.key()::equalsIgnoreCase)) {
                for (String v : e.values()) {
                    String org = v.contains("/") ? v.substring(0, v.indexOf('/')) : v;
                    if (org.matches("o-[a-z0-9]{10,32}")) {
                        return Optional.of(org);
                    }
                }
                return Optional.of("o-gtvpcassumed");
            }
        }
        return Optional.empty();
    }

    /** Organization paths the policies name under {@code org}, as a member's aws:PrincipalOrgPaths (witnesses for patterns). */
    private static List<String> orgPathsFor(List<Policy> policies, String org) {
        PolicyScan scan = PolicyScan.of(policies);
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            if (e.lowerKey().endsWith("orgpaths")) {
                Optional<String> path = e.values().stream().filter(v -> v.startsWith(org + "/")).findFirst();
                if (path.isPresent()) {
                    return List.of(RequestSpace.witness(path.get()));
                }
            }
        }
        return List.of();
    }

    /** The access matrix alone, without proving the properties: over --actions, else what the Deny covers. */
    public static AccessMatrix accessMatrix(Policy policy, VerifyInputs in) {
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        Verifier v = new Verifier(policy, in, RequestSpace.of(List.of(policy), in, catalog), catalog);
        return v.matrix(v.protectedActions());
    }

    /**
     * The access matrices of several policies over one request space, so that they have the same
     * origins, callers and actions in the same order and can be compared cell by cell: each policy's
     * own space would tell apart only the values that policy names, and the shapes would differ.
     */
    public static List<AccessMatrix> accessMatrices(List<Policy> policies, VerifyInputs in) {
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        RequestSpace space = RequestSpace.of(policies, in, catalog);
        List<RequestSpace.ActionClass> actions = new ArrayList<>();
        for (Policy p : policies) {
            for (RequestSpace.ActionClass a : new Verifier(p, in, space, catalog).protectedActions()) {
                if (!actions.contains(a)) {
                    actions.add(a);
                }
            }
        }
        return policies.stream().map(p -> new Verifier(p, in, space, catalog).matrix(actions)).toList();
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
     * endpoint carry no aws:SourceIp (AWS sets aws:VpcSourceIp instead). A policy that says nothing
     * about these actions keeps the caller in: that is PROVED here, not vacuous.
     *
     * @param callerArn the caller's own ARN (a session's, for a role: aws:PrincipalArn is then its role's)
     */
    public static PropertyResult callerKeepsPolicyAccess(Policy policy, VerifyInputs in, String callerArn, Optional<String> callerVpce,
            Optional<String> callerIp) {
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        Verifier v = new Verifier(policy, in, RequestSpace.of(List.of(policy), in, catalog), catalog);
        Caller caller = Caller.of(callerArn, callerArn);
        List<Origin> origins = new ArrayList<>();
        if (callerVpce.isPresent()) {
            for (String vpc : v.space.vpcClasses()) {
                for (Origin o : v.space.endpointOrigins(callerVpce.get(), vpc)) {
                    origins.add(callerIp.isPresent() && v.space.tests("aws:VpcSourceIp")
                            ? v.space.endpointOrigin(callerVpce.get(), vpc, v.in.bucketAccount(), callerIp) : o);
                }
            }
        } else if (callerIp.isPresent() && v.space.tests("aws:SourceIp")) {
            origins.add(Origin.internet(callerIp));
        } else {
            origins.addAll(v.space.internetOrigins(null, false));
        }
        String where = callerVpce.map(e -> "through " + e).orElse("from the internet") + callerIp.map(ip -> " at " + ip).orElse("");
        PropertyResult r = v.check("caller-keeps-policy-access", callerArn + " " + where, List.copyOf(new LinkedHashSet<>(origins)),
                List.of(caller), POLICY_ACTIONS.stream().map(v::actionClass).toList(), d -> d != Decision.EXPLICIT_DENY, v.overTls(), false);
        // STS names the caller by its session ARN, which hides the role's path that aws:PrincipalArn holds
        List<String> notes = RequestNotes.of(policy, new Request(POLICY_ACTIONS.get(0), in.bucketArn(), caller.principal(),
                Optional.of(in.bucketAccount()), ContextKeys.of(caller.context())), true);
        return notes.isEmpty() || r.status() == PropertyResult.Status.PROVED ? r
                : new PropertyResult(r.property(), r.subject(), r.status(), r.requests(), r.counterexample(), Optional.of(notes.get(0)));
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

    /** --actions, or every action class the policy's Deny statements cover; with no Deny, what its Allow statements cover. */
    private List<RequestSpace.ActionClass> protectedActions() {
        if (!in.actions().isEmpty()) {
            return in.actions().stream().map(this::actionClass).toList();
        }
        List<RequestSpace.ActionClass> denied = covered(Effect.DENY);
        return denied.isEmpty() ? covered(Effect.ALLOW) : denied;
    }

    private List<RequestSpace.ActionClass> covered(Effect effect) {
        Set<RequestSpace.ActionClass> covered = new LinkedHashSet<>();
        for (Statement s : policy.statements()) {
            if (s.effect().filter(effect::equals).isEmpty() || s.action().isEmpty()) {
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

    private PropertyResult trustedEndpointCanAccess(VerifyInputs.TrustedEndpoint t) {
        List<RequestSpace.ActionClass> actions = t.actions().stream().map(this::actionClass).toList();
        return check(t.property(), t.label(), space.endpointOrigins(t.endpoint(), RequestSpace.FRESH_VPC), memberPrincipals(), actions,
                d -> d != Decision.EXPLICIT_DENY, overTls(), true);
    }

    private PropertyResult canAccess(String property, String subject, List<Origin> origins, List<Caller> callers,
            List<RequestSpace.ActionClass> actions) {
        return check(property, subject, origins, callers, actions, d -> d != Decision.EXPLICIT_DENY, overTls(), true);
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
        in.serviceEndpoints().forEach(t -> inside.add(t.endpoint()));
        Set<String> exempt = new HashSet<>(in.roleArns());
        in.adminArn().ifPresent(exempt::add);
        List<Caller> services = in.awsServiceAccess() ? awsServiceCallers() : List.of();
        Set<String> trusted = new HashSet<>(in.trustedAccounts());
        List<Caller> outsiders = space.callers().stream()
                .filter(c -> c.principalArn().map(a -> !exempt.contains(a)).orElse(true))
                .filter(c -> !(c.kind() == Caller.Kind.PRINCIPAL && c.principal().account().filter(trusted::contains).isPresent()))
                .filter(c -> !services.contains(c)).toList();
        return check("outside-denied", "every other origin and principal", space.origins(inside, true), outsiders, actions,
                d -> d == Decision.EXPLICIT_DENY, space.otherContexts(), false);
    }

    private PropertyResult equivalentTo(Policy other) {
        long count = 0;
        for (Map<String, List<String>> extra : space.otherContexts()) {
            for (Origin origin : space.origins()) {
                for (Caller caller : space.callers()) {
                    if (!space.possible(caller, origin, extra)) {
                        continue;
                    }
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

    /**
     * @param vacuity whether a property none of whose requests a statement reaches is VACUOUS rather than
     *                PROVED (true for the access properties: the policy then says nothing about them)
     */
    private PropertyResult check(String property, String subject, List<Origin> origins, List<Caller> callers,
            List<RequestSpace.ActionClass> actions, Predicate<Decision> ok, List<Map<String, List<String>>> contexts, boolean vacuity) {
        long count = 0;
        boolean reached = false;
        for (Map<String, List<String>> extra : contexts) {
            for (Origin origin : origins) {
                for (Caller caller : callers) {
                    if (!space.possible(caller, origin, extra)) {
                        continue;
                    }
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
                            reached |= result.statements().stream().anyMatch(StatementTrace::reached);
                        }
                    }
                }
            }
        }
        if (count == 0) {
            return PropertyResult.vacuous(property, subject, actions.isEmpty()
                    ? "no protected action: the policy names no S3 action a bucket policy decides (give --actions)"
                    : "no request of this kind exists");
        }
        if (vacuity && !reached) {
            return PropertyResult.vacuous(property, subject, count, "no statement reaches these requests (none names these"
                    + " principals, actions and this bucket): nothing to prove");
        }
        return new PropertyResult(property, subject, PropertyResult.Status.PROVED, count, Optional.empty());
    }

    private static List<String> labels(EvaluationResult result) {
        List<StatementTrace> deciding = result.deciding();
        return deciding.stream().map(StatementTrace::label).toList();
    }

    private Request request(String action, String resource, Origin origin, Caller caller, Map<String, List<String>> extra) {
        Map<String, List<String>> context = new LinkedHashMap<>(origin.context());
        // keys no policy tests cannot change a decision; leaving them out keeps counterexamples readable
        caller.context().forEach((k, v) -> {
            if (space.tests(k) || SHOWN_KEYS.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                context.put(k, v);
            }
        });
        context.putAll(space.resourceContext());
        context.putAll(extra);
        return new Request(action, resource, caller.principal(), Optional.of(in.bucketAccount()), ContextKeys.of(context));
    }

    /** Every signed IAM principal of the bucket's account the space holds, calling S3 itself (Ground Truth's execution role is one). */
    private List<Caller> memberPrincipals() {
        return space.callers().stream().filter(c -> !c.anonymous() && c.kind() == Caller.Kind.PRINCIPAL
                && c.principal().account().filter(in.bucketAccount()::equals).isPresent()
                && (in.orgId().isEmpty() || c.member())).toList();
    }

    /** AWS service principals, service-linked roles of the bucket's account, and calls forwarded for its principals. */
    private List<Caller> awsServiceCallers() {
        return space.callers().stream().filter(c -> c.kind() == Caller.Kind.SERVICE
                || c.kind() == Caller.Kind.FORWARDED && c.principal().account().filter(in.bucketAccount()::equals).isPresent()
                || c.serviceLinked() && c.principal().account().filter(in.bucketAccount()::equals).isPresent()).toList();
    }

    /** The IAM principals of {@code account} the space holds, calling S3 themselves. */
    private List<Caller> principalsOf(String account) {
        return space.callers().stream().filter(c -> c.kind() == Caller.Kind.PRINCIPAL && !c.anonymous()
                && c.principal().account().filter(account::equals).isPresent()).toList();
    }

    private List<Caller> callersOf(String arn) {
        return space.callers().stream().filter(c -> c.kind() == Caller.Kind.PRINCIPAL && c.principalArn().filter(arn::equals).isPresent())
                .toList();
    }

    /** The VPC, through every class of endpoint. */
    private List<Origin> viaVpc(String vpc) {
        List<Origin> out = new ArrayList<>();
        for (String e : space.endpointClasses()) {
            out.addAll(space.endpointOrigins(e, vpc));
        }
        return out;
    }

    /** The endpoint, from every class of VPC. */
    private List<Origin> viaEndpoint(String vpce) {
        List<Origin> out = new ArrayList<>();
        for (String v : space.vpcClasses()) {
            out.addAll(space.endpointOrigins(vpce, v));
        }
        return out;
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
        origins.add(space.internetOrigins(null, false).get(0));
        originLabels.add("internet");
        // one row per class: a thousand endpoints in one exemption list are one row, not a thousand
        for (Map.Entry<String, Integer> vpc : classCounts("aws:SourceVpc", in.vpcs()).entrySet()) {
            origins.add(space.via(RequestSpace.FRESH_VPCE, vpc.getKey()));
            originLabels.add("VPC " + vpc.getKey() + alike(vpc.getValue()));
        }
        for (Map.Entry<String, Integer> vpce : classCounts("aws:SourceVpce", in.vpces()).entrySet()) {
            origins.add(space.via(vpce.getKey(), RequestSpace.FRESH_VPC));
            originLabels.add("endpoint " + vpce.getKey() + alike(vpce.getValue()));
        }
        for (VerifyInputs.TrustedEndpoint t : in.serviceEndpoints()) {
            origins.add(space.via(t.endpoint(), RequestSpace.FRESH_VPC));
            originLabels.add(t.service() + " " + t.endpoint());
        }
        origins.add(space.via(RequestSpace.FRESH_VPCE, RequestSpace.FRESH_VPC));
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
