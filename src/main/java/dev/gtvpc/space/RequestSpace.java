package dev.gtvpc.space;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Request;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The requests that can reach a bucket, as equivalence classes per dimension, for a list of policies
 * (whatever their kinds) and a {@link Perimeter}; see the package documentation for why one
 * representative per class decides every concrete request, and where the classes are only sampled
 * ({@link #samplingNotes()}).
 *
 * <p>It is the one place requests are invented. Verify enumerates its classes; lint, which puts a few
 * requests to each policy, asks for named members of them ({@link #normalInternet()},
 * {@link #normalThrough}, {@link #principalOf}, {@link #outsider()}, {@link #anonymous()}), so that lint and
 * verify agree on what "outside" is. Each dimension is built when first asked for: a lint of one policy
 * builds the origins and a few callers, not the action classes or the other keys' product.
 */
public final class RequestSpace {
    /** Keys shown in a request even when no policy tests them: who asked, in the words AWS uses. */
    private static final Set<String> SHOWN_KEYS = Set.of("aws:principalarn", "aws:principalaccount", "aws:username");

    /**
     * What a directory bucket's proof takes for granted: the S3 guide says its Zonal and Regional operations go through
     * gateway endpoints (s3-express-networking.html) but no page lists which global keys s3express requests carry.
     */
    static final String DIRECTORY_BUCKET_ASSUMPTIONS = "directory bucket: its requests are the s3express actions (object reads and"
            + " writes are authorised once, by CreateSession, in each session mode); requests through a VPC endpoint are taken to carry"
            + " aws:SourceVpce, aws:SourceVpc and aws:VpcSourceIp as S3's do, and from the internet aws:SourceIp";

    private final PolicyScan scan;
    private final Perimeter perimeter;
    private final S3ActionCatalog catalog;
    private final ConditionKeyCatalog keys = ConditionKeyCatalog.bundled();
    private final Origins origins;
    private final Callers callers;
    private final Resources resources;
    private final Set<String> memberAccounts;
    private List<ActionClass> actions;
    private OtherContexts otherContexts;

    private RequestSpace(PolicyScan scan, Perimeter perimeter, S3ActionCatalog catalog) {
        this.scan = scan;
        this.perimeter = perimeter;
        // a directory bucket's requests are s3express actions, whatever the S3 catalogue says
        this.catalog = perimeter.directoryBucket() ? S3ActionCatalog.directoryBuckets() : catalog;
        Set<String> named = Callers.namedAccounts(scan, perimeter);
        Set<String> avoid = new HashSet<>(named);
        for (PolicyScan.EntryAt e : scan.entriesOf("aws:VpceAccount")) {
            avoid.addAll(e.values());
        }
        avoid.addAll(perimeter.endpointAccounts());
        perimeter.managementAccount().ifPresent(avoid::add);
        Witnesses witnesses = Witnesses.avoiding(avoid);
        this.memberAccounts = Callers.memberAccounts(perimeter);
        this.origins = new Origins(scan, perimeter, witnesses, new ValueClasses(scan), memberAccounts);
        this.callers = new Callers(scan, perimeter, witnesses, named);
        this.resources = new Resources(scan, perimeter);
    }

    public static RequestSpace of(List<Policy> policies, Perimeter perimeter, S3ActionCatalog catalog) {
        return new RequestSpace(PolicyScan.of(policies), perimeter, catalog);
    }

    /** The space of the policies {@code scan} read (lint has read them already). */
    public static RequestSpace of(PolicyScan scan, Perimeter perimeter, S3ActionCatalog catalog) {
        return new RequestSpace(scan, perimeter, catalog);
    }

    public Perimeter perimeter() {
        return perimeter;
    }

    /** What the space holds only a sample of, in the order the dimensions are listed in the package documentation. */
    public List<String> samplingNotes() {
        List<String> notes = new ArrayList<>(origins.notes());
        notes.addAll(resources.notes());
        notes.addAll(contexts().notes());
        return List.copyOf(notes);
    }

    /** What the space takes for granted that changes what a proof covers (a same-ID VPC of another Region not tried). */
    public List<String> assumptions() {
        List<String> assumed = new ArrayList<>(origins.assumptions());
        if (perimeter.directoryBucket()) {
            assumed.add(DIRECTORY_BUCKET_ASSUMPTIONS);
        }
        return List.copyOf(assumed);
    }

    /** The endpoint and VPC IDs the policies name that no endpoint or VPC can have: left out of the origins, each with why. */
    public List<String> impossibleValues() {
        return List.copyOf(origins.impossible());
    }

    /** Whether a policy tests {@code key} (any case) in a condition or a policy variable: only then does its value matter. */
    public boolean tests(String key) {
        return scan.tests(key);
    }

    /** True when a policy value holds ${…}: a key's value then also matters inside other values. */
    public boolean usesPolicyVariables() {
        return scan.usesPolicyVariables();
    }

    // ---- origins ----

    /** Every origin, none left out. */
    public List<Origin> origins() {
        return origins.all(Set.of(), false);
    }

    /**
     * Every origin class: the internet (one per class of source address), each class of (endpoint, VPC,
     * endpoint owner, address in the VPC), leaving out the endpoints and VPCs in {@code excluded}, and
     * an AWS service's network. Internet addresses inside a perimeter range are left out too when
     * {@code excludeCidrs}.
     */
    public List<Origin> origins(Set<String> excluded, boolean excludeCidrs) {
        return origins.all(excluded, excludeCidrs);
    }

    /** The origins outside the perimeter: every one but its VPCs, endpoints (its services' too) and address ranges. */
    public List<Origin> outsideOrigins() {
        Set<String> inside = new HashSet<>(perimeter.vpcs());
        inside.addAll(perimeter.vpces());
        perimeter.serviceEndpoints().forEach(t -> inside.add(t.endpoint()));
        List<Origin> all = origins.all(inside, true);
        // the network perimeter of aws:VpceOrgID: every endpoint an account of the organization owns is inside, and
        // the endpoints of the third parties aws:VpceAccount trusts, and of the other organizations trusted
        return all.stream().filter(o -> o.owner().filter(w -> w.member() && perimeter.organizationEndpoints()
                || perimeter.endpointAccounts().contains(w.account())
                || w.orgId().filter(perimeter.endpointOrganizations()::contains).isPresent()).isEmpty()).toList();
    }

    /**
     * Through the endpoints an account of the bucket account's organization owns: every class of endpoint,
     * VPC and address whose owner is a member. When no policy tests who owns an endpoint, an endpoint of the
     * organization is any endpoint nobody names, in any VPC.
     */
    public List<Origin> organizationEndpointOrigins() {
        return ownedEndpoints(Origin.EndpointOwner::member);
    }

    /** Through the endpoints {@code account} owns (a third party's), as {@link #organizationEndpointOrigins()}. */
    public List<Origin> endpointOriginsOf(String account) {
        return ownedEndpoints(w -> w.account().equals(account));
    }

    private List<Origin> ownedEndpoints(java.util.function.Predicate<Origin.EndpointOwner> owner) {
        List<Origin> owned = origins().stream().filter(o -> o.owner().filter(owner).isPresent()).toList();
        return owned.isEmpty() && !origins.testsEndpointOwner() ? throughEndpoint(Witnesses.FRESH_VPCE) : owned;
    }

    /**
     * The internet, one origin per class of aws:SourceIp: only addresses inside {@code within} when it is
     * not null; only addresses outside every perimeter range with {@code outsideCidrs}.
     */
    public List<Origin> internetOrigins(String within, boolean outsideCidrs) {
        return origins.internet(within, outsideCidrs);
    }

    /** Through {@code vpce} in {@code vpc}: one origin per class of endpoint owner and of aws:VpcSourceIp. */
    public List<Origin> endpointOrigins(String vpce, String vpc) {
        return origins.throughEndpoint(vpce, vpc);
    }

    /** The VPC, through every class of endpoint. */
    public List<Origin> throughVpc(String vpc) {
        List<Origin> out = new ArrayList<>();
        for (String e : endpointClasses()) {
            out.addAll(endpointOrigins(e, vpc));
        }
        return out;
    }

    /** The endpoint, from every class of VPC. */
    public List<Origin> throughEndpoint(String vpce) {
        List<Origin> out = new ArrayList<>();
        for (String v : vpcClasses()) {
            out.addAll(endpointOrigins(vpce, v));
        }
        return out;
    }

    /** The first class through {@code vpce} in {@code vpc}: a row of the access matrix. */
    public Origin via(String vpce, String vpc) {
        return origins.throughEndpoint(vpce, vpc).get(0);
    }

    /** Through {@code vpce} in {@code vpc}, owned by {@code owner}, from {@code vpcSourceIp} (a request someone really makes). */
    public Origin endpointAt(String vpce, String vpc, String owner, Optional<String> vpcSourceIp) {
        return origins.endpoint(vpce, vpc, owner, vpcSourceIp);
    }

    /** The internet at {@code sourceIp} (a request someone really makes). */
    public Origin internetAt(String sourceIp) {
        return Origin.internet(Optional.of(sourceIp));
    }

    /** The internet at an address no aws:SourceIp range of the policies or the perimeter names: where people work. */
    public Origin normalInternet() {
        return origins.normalInternet();
    }

    /**
     * Through {@code vpce} in {@code vpc} as someone working normally gets there: the endpoint's own owner,
     * an address of the VPC that no range names. With the fresh ones ({@link Witnesses#FRESH_VPCE},
     * {@link Witnesses#FRESH_VPC}), an endpoint and VPC the policies do not name.
     */
    public Origin normalThrough(String vpce, String vpc) {
        return origins.normalThrough(vpce, vpc);
    }

    /**
     * Through an endpoint an AWS service sends its requests through (Ground Truth's), which an AWS account
     * owns, from a VPC that is not the user's: as {@link #normalThrough}, whether or not the perimeter lists it.
     */
    public Origin normalThroughService(String vpce) {
        return origins.normalThroughService(vpce);
    }

    /** One endpoint per class of the endpoints the policies or the perimeter name, and a fresh one. */
    public List<String> endpointClasses() {
        return origins.endpointClasses();
    }

    /** One VPC per class of the VPCs the policies or the perimeter name, and a fresh one. */
    public List<String> vpcClasses() {
        return origins.vpcClasses();
    }

    /**
     * The value that stands for {@code value} of {@code key} (aws:SourceVpc or aws:SourceVpce): the first
     * of {@code candidates} with the same signature, so that any property holds for both or for neither.
     */
    public String representative(String key, String value, List<String> candidates) {
        return origins.representative(key, value, candidates);
    }

    // ---- callers ----

    public List<Caller> callers() {
        return callers.all();
    }

    /** The callers outside the perimeter: all but its roles, administrator, trusted accounts and (when inside) AWS services. */
    public List<Caller> outsideCallers() {
        return callers.outside();
    }

    /** AWS service principals, service-linked roles of the bucket's account, and calls forwarded for its principals. */
    public List<Caller> awsServiceCallers() {
        return callers.awsServices();
    }

    /** A principal of {@code account} no policy names (an administrator of the bucket's account, for one). */
    public Caller principalOf(String account) {
        return callers.principalOf(account);
    }

    /** Whether {@code account} is one the space knows in the bucket account's organization (its SCPs reach its principals). */
    public boolean inOrganization(String account) {
        return memberAccounts.contains(account);
    }

    /** A principal of an account no policy names: a stranger. */
    public Caller outsider() {
        return callers.outsider();
    }

    public Caller anonymous() {
        return Caller.ANONYMOUS;
    }

    /** The caller {@code arn} names: a role works through a session of it (aws:PrincipalArn the role's ARN as written). */
    public Caller sessionOrSelf(String arn) {
        return Caller.sessionOrSelf(arn);
    }

    /** A principal an ARN pattern matches, in {@code account} when the pattern's account is a wildcard. */
    public static String principalWitness(String pattern, String account) {
        return Callers.principalWitness(pattern, account);
    }

    // ---- actions, resources, other keys ----

    public List<ActionClass> actions() {
        if (actions == null) {
            actions = ActionClasses.of(scan, perimeter, catalog);
        }
        return actions;
    }

    /** The class of a named action as the catalogue knows it. */
    public ActionClass actionClass(String action) {
        return ActionClasses.named(action, catalog);
    }

    /** The resources an action of this class can name in the bucket: the bucket, or each class of object keys. */
    public List<String> resources(ActionClass a) {
        return resources.of(a);
    }

    /** What {@code action} names in the bucket when nothing else is asked: the bucket, or an object no policy names. */
    public String resourceOf(String action) {
        return resources.of(actionClass(action)).get(0);
    }

    /** An object of another bucket no policy names (an AWS-owned bucket's, for one). */
    public String objectIn(String bucket) {
        return resources.freshObject(bucket);
    }

    /** Resources outside the bucket, for equivalence: another bucket, or an object in it. */
    public String otherBucketResource(ActionClass a) {
        return resources.otherBucket(a);
    }

    /** Every combination of the other condition keys the space tries (sampled beyond {@value OtherContexts#MAX}). */
    public List<Map<String, List<String>>> otherContexts() {
        return contexts().all();
    }

    /** The other keys of a request every AWS SDK sends: over TLS (aws:SecureTransport true, when a policy tests it). */
    public Map<String, List<String>> overTls() {
        return tests("aws:SecureTransport") ? Map.of("aws:SecureTransport", List.of("true")) : Map.of();
    }

    private OtherContexts contexts() {
        if (otherContexts == null) {
            otherContexts = new OtherContexts(scan, keys);
        }
        return otherContexts;
    }

    // ---- requests ----

    /** Whether the request of {@code caller} from {@code origin} with {@code extra} keys is one S3 can see. */
    public boolean possible(Caller caller, Origin origin, Map<String, List<String>> extra) {
        if (!caller.canComeFrom(origin)) {
            return false;
        }
        if (caller.member() && !tagged(perimeter.principalTags(), "aws:principaltag/", extra)
                || !tagged(perimeter.bucketTags(), "aws:resourcetag/", extra)) {
            return false;
        }
        if (caller.kind() != Caller.Kind.SERVICE) {
            for (String k : extra.keySet()) {
                // "only when the call … is made directly by an AWS service principal" (aws:SourceArn and its kin)
                if (keys.from(k, ConditionKeyCatalog.Origin.SERVICE)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code extra} shows exactly the {@code tags} (when known) under the tested keys with {@code prefix}. */
    private boolean tagged(Optional<Map<String, String>> tags, String prefix, Map<String, List<String>> extra) {
        if (tags.isEmpty()) {
            return true;
        }
        Map<String, String> expected = new LinkedHashMap<>();
        tags.get().forEach((k, v) -> expected.put(prefix + k.toLowerCase(Locale.ROOT), v));
        for (Map.Entry<String, List<String>> e : extra.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.startsWith(prefix) && !e.getValue().equals(Optional.ofNullable(expected.get(key)).map(List::of).orElse(null))) {
                return false;
            }
        }
        for (String key : expected.keySet()) {
            if (scan.tests(key) && extra.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(key))) {
                return false;
            }
        }
        return true;
    }

    /** The request for an action of class {@code a}, which carries the keys the action itself does (its session mode). */
    public Request request(ActionClass a, String resource, Origin origin, Caller caller, Map<String, List<String>> extra) {
        if (a.context().isEmpty()) {
            return request(a.action(), resource, origin, caller, extra);
        }
        Map<String, List<String>> withAction = new LinkedHashMap<>(a.context());
        withAction.putAll(extra);
        return request(a.action(), resource, origin, caller, withAction);
    }

    /**
     * The request {@code caller} makes from {@code origin} for {@code action} on {@code resource}, with the
     * keys of the origin, of the caller (those a policy tests, and who asked), of the bucket, and {@code extra}.
     */
    public Request request(String action, String resource, Origin origin, Caller caller, Map<String, List<String>> extra) {
        Map<String, List<String>> context = new LinkedHashMap<>(origin.context());
        // keys no policy tests cannot change a decision; leaving them out keeps counterexamples readable
        caller.context().forEach((k, v) -> {
            if (scan.tests(k) || SHOWN_KEYS.contains(k.toLowerCase(Locale.ROOT))) {
                context.put(k, v);
            }
        });
        context.putAll(resources.context());
        context.putAll(extra);
        return new Request(action, resource, caller.principal(), Optional.of(perimeter.bucketAccount()), ContextKeys.of(context));
    }
}
