package dev.gtvpc.verify;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.eval.PolicyValues;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.PrincipalType;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    static final String FRESH_ORG = "o-gtvpcverify0";
    static final String FRESH_SERVICE = "gtvpc-verify.amazonaws.com";
    private static final int MAX_OTHER_CONTEXTS = 256;
    private static final Pattern VPC_IN_ARN = Pattern.compile("arn:([^:]*):ec2:([^:]*):([^:]*):vpc/(vpc-[0-9a-f]+)");

    /** One action standing for every action that matches the same patterns, with the resource it acts on. */
    public record ActionClass(String action, boolean onObjects) {
    }

    private final PolicyScan scan;
    private final ConditionKeyCatalog keys = ConditionKeyCatalog.bundled();
    private final VerifyInputs inputs;
    private final String outsider;
    private final String awsOwner;
    private final List<String> endpoints;
    private final List<String> vpcs;
    private final Map<String, String> vpcOwners = new HashMap<>();
    private final Set<String> userEndpoints;
    private final List<Caller> callers;
    private final List<ActionClass> actions;
    private final List<String> objectKeys;
    private final List<Map<String, List<String>>> otherContexts;
    private final List<String> samplingNotes = new ArrayList<>();

    private RequestSpace(List<Policy> policies, VerifyInputs inputs, S3ActionCatalog catalog) {
        this.scan = PolicyScan.of(policies);
        this.inputs = inputs;
        Set<String> accounts = namedAccounts();
        this.outsider = freshAccount(accounts, 999999999999L);
        accounts.add(outsider);
        this.awsOwner = freshAccount(accounts, 999999999998L);
        List<String> trusted = inputs.serviceEndpoints().stream().map(VerifyInputs.TrustedEndpoint::endpoint).toList();
        this.endpoints = named("aws:sourcevpce", inputs.vpces(), trusted);
        this.userEndpoints = new HashSet<>(endpoints);
        this.userEndpoints.removeAll(trusted);
        this.userEndpoints.remove(FRESH_VPCE);
        this.vpcs = vpcsNamed();
        this.callers = buildCallers(accounts);
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

    /** Whether a policy tests {@code key} (any case) in a condition or a policy variable: only then does its value matter. */
    public boolean tests(String key) {
        return scan.tests(key);
    }

    /** One endpoint per class of the endpoints the policies or the inputs name, and a fresh one. */
    public List<String> endpointClasses() {
        return representatives("aws:sourcevpce", endpoints);
    }

    /** One VPC per class of the VPCs the policies or the inputs name, and a fresh one. */
    public List<String> vpcClasses() {
        return vpcRepresentatives(vpcs);
    }

    // ---- origins ----

    /**
     * Every origin class: the internet (one per class of source address), each class of (endpoint, VPC,
     * endpoint owner, address in the VPC), leaving out the endpoints and VPCs in {@code excluded}, and
     * an AWS service's network. Internet addresses inside an {@code --cidr} range are left out too when
     * {@code excludeCidrs}.
     */
    public List<Origin> origins(Set<String> excluded, boolean excludeCidrs) {
        List<Origin> origins = new ArrayList<>(internetOrigins(null, excludeCidrs));
        List<String> e = representatives("aws:sourcevpce", endpoints.stream().filter(v -> !excluded.contains(v)).toList());
        List<String> v = vpcRepresentatives(vpcs.stream().filter(x -> !excluded.contains(x)).toList());
        for (String vpce : e) {
            for (String vpc : v) {
                origins.addAll(endpointOrigins(vpce, vpc));
            }
        }
        origins.add(Origin.awsNetwork());
        return origins;
    }

    /** Every origin, none left out. */
    public List<Origin> origins() {
        return origins(Set.of(), false);
    }

    /**
     * The internet, one origin per class of aws:SourceIp (when a policy tests it): only addresses inside
     * {@code within} when it is not null; only addresses outside every --cidr range with {@code outsideCidrs}.
     */
    List<Origin> internetOrigins(String within, boolean outsideCidrs) {
        if (!tests("aws:SourceIp")) {
            return List.of(Origin.internet(Optional.empty()));
        }
        List<String> ranges = new ArrayList<>(ipValues("aws:sourceip"));
        ranges.addAll(inputs.cidrs());
        Set<String> candidates = new LinkedHashSet<>(List.of("192.0.2.1", "2001:db8::1"));
        for (String r : ranges) {
            candidates.addAll(Cidrs.boundaries(r).stream().filter(PolicyValues::address).toList());
        }
        List<String> reps = ipRepresentatives(ranges, List.copyOf(candidates));
        List<Origin> out = new ArrayList<>();
        for (String ip : reps) {
            boolean inCidr = inputs.cidrs().stream().anyMatch(c -> Cidrs.contains(c, ip));
            if ((within == null || Cidrs.contains(within, ip)) && !(outsideCidrs && inCidr)) {
                out.add(Origin.internet(Optional.of(ip)));
            }
        }
        return out;
    }

    /** Through {@code vpce} in {@code vpc}: one origin per class of endpoint owner and of aws:VpcSourceIp. */
    List<Origin> endpointOrigins(String vpce, String vpc) {
        List<Optional<String>> addresses = new ArrayList<>();
        if (tests("aws:VpcSourceIp")) {
            List<String> ranges = ipValues("aws:vpcsourceip");
            Set<String> candidates = new LinkedHashSet<>(List.of("10.0.0.1", "fd00::1"));
            for (String r : ranges) {
                candidates.addAll(Cidrs.boundaries(r).stream().filter(PolicyValues::address).toList());
            }
            ipRepresentatives(ranges, List.copyOf(candidates)).forEach(ip -> addresses.add(Optional.of(ip)));
        } else {
            addresses.add(Optional.empty());
        }
        List<Origin> out = new ArrayList<>();
        for (String owner : endpointOwners(vpce)) {
            for (Optional<String> ip : addresses) {
                out.add(endpointOrigin(vpce, vpc, owner, ip));
            }
        }
        return out;
    }

    /**
     * Who may own an endpoint: the bucket's account for the user's endpoints, an AWS-owned account for a
     * service's, an account outside the organization for one nobody names — and, when a policy tests the
     * endpoint-owner keys, also an endpoint of the bucket's account and of each account those keys name.
     */
    private List<String> endpointOwners(String vpce) {
        if (userEndpoints.contains(vpce)) {
            return List.of(inputs.bucketAccount());
        }
        if (inputs.serviceEndpoints().stream().anyMatch(t -> t.endpoint().equals(vpce))) {
            return List.of(awsOwner);
        }
        Set<String> owners = new LinkedHashSet<>();
        owners.add(outsider);
        if (tests("aws:VpceAccount") || tests("aws:VpceOrgID") || tests("aws:VpceOrgPaths")) {
            owners.add(inputs.bucketAccount());
            for (ConditionEntry e : entries()) {
                if (e.key().equalsIgnoreCase("aws:VpceAccount")) {
                    e.values().texts().stream().filter(AwsIds::isAccountId).forEach(owners::add);
                }
            }
        }
        return List.copyOf(owners);
    }

    Origin endpointOrigin(String vpce, String vpc, String owner, Optional<String> vpcSourceIp) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("aws:SourceVpce", List.of(vpce));
        c.put("aws:SourceVpc", List.of(vpc));
        if (tests("aws:SourceVpcArn")) {
            c.put("aws:SourceVpcArn", List.of(vpcArn(vpc)));
        }
        if (tests("aws:VpceAccount")) {
            c.put("aws:VpceAccount", List.of(owner));
        }
        boolean memberOwner = owner.equals(inputs.bucketAccount()) && inputs.orgId().isPresent();
        if (memberOwner && tests("aws:VpceOrgID")) {
            c.put("aws:VpceOrgID", List.of(inputs.orgId().get()));
        }
        if (memberOwner && tests("aws:VpceOrgPaths") && !inputs.orgPaths().isEmpty()) {
            c.put("aws:VpceOrgPaths", inputs.orgPaths());
        }
        vpcSourceIp.ifPresent(ip -> c.put("aws:VpcSourceIp", List.of(ip)));
        String who = owner.equals(inputs.bucketAccount()) ? "" : owner.equals(awsOwner) ? "" : " owned by " + owner;
        if (!tests("aws:VpceAccount") && !tests("aws:VpceOrgID") && !tests("aws:VpceOrgPaths")) {
            who = "";
        }
        return new Origin(Origin.Kind.ENDPOINT, Optional.of(vpce), Optional.of(vpc),
                "endpoint " + vpce + " in " + vpc + who + vpcSourceIp.map(ip -> " (" + ip + ")").orElse(""), c);
    }

    /** The VPC's ARN as aws:SourceVpcArn holds it: the one a policy names for it, else the region's and its owner's. */
    String vpcArn(String vpc) {
        String owner = vpcOwners.getOrDefault(vpc, vpc.equals(FRESH_VPC) ? outsider : inputs.bucketAccount());
        return "arn:" + inputs.partition() + ":ec2:" + inputs.region() + ":" + owner + ":vpc/" + vpc;
    }

    /** The through-endpoint origin of a named endpoint and VPC, for the properties about them. */
    Origin via(String vpce, String vpc) {
        return endpointOrigins(vpce, vpc).get(0);
    }

    // ---- resources ----

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

    /** The keys a request about the bucket carries: its account and, when known, its organization. */
    Map<String, List<String>> resourceContext() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        if (tests("aws:ResourceAccount")) {
            c.put("aws:ResourceAccount", List.of(inputs.bucketAccount()));
        }
        if (inputs.orgId().isPresent() && tests("aws:ResourceOrgID")) {
            c.put("aws:ResourceOrgID", List.of(inputs.orgId().get()));
        }
        if (inputs.orgId().isPresent() && !inputs.orgPaths().isEmpty() && tests("aws:ResourceOrgPaths")) {
            c.put("aws:ResourceOrgPaths", inputs.orgPaths());
        }
        return c;
    }

    /** Whether the request of {@code caller} from {@code origin} with {@code extra} keys is one S3 can see. */
    boolean possible(Caller caller, Origin origin, Map<String, List<String>> extra) {
        if (!caller.canComeFrom(origin)) {
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

    /** The VPCs named by aws:SourceVpc, by the VPC IDs inside aws:SourceVpcArn values (with their owners), the inputs, and a fresh one. */
    private List<String> vpcsNamed() {
        Set<String> values = new LinkedHashSet<>(named("aws:sourcevpc", inputs.vpcs(), List.of()));
        values.remove(FRESH_VPC);
        for (ConditionEntry e : entries()) {
            if (e.key().equalsIgnoreCase("aws:SourceVpcArn")) {
                for (String v : e.values().texts()) {
                    Matcher m = VPC_IN_ARN.matcher(v);
                    if (m.matches()) {
                        values.add(m.group(4));
                        if (AwsIds.isAccountId(m.group(3))) {
                            vpcOwners.putIfAbsent(m.group(4), m.group(3));
                        }
                    } else if (Wildcards.hasWildcard(v)) {
                        samplingNotes.add("aws:SourceVpcArn: pattern " + v + " is covered by the VPCs named elsewhere and a fresh one");
                    }
                }
            }
        }
        values.add(FRESH_VPC);
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

    /** VPCs alike under aws:SourceVpc and, through their ARN, aws:SourceVpcArn. */
    private List<String> vpcRepresentatives(List<String> values) {
        Map<String, String> bySignature = new LinkedHashMap<>();
        List<EntryValues> byId = entriesOf("aws:sourcevpc");
        List<EntryValues> byArn = entriesOf("aws:sourcevpcarn");
        for (String v : values) {
            bySignature.putIfAbsent(signature(byId, v) + "|" + signature(byArn, vpcArn(v)), v);
        }
        return List.copyOf(bySignature.values());
    }

    /** Addresses alike when each range (of the policies and the inputs) holds all of them or none. */
    private static List<String> ipRepresentatives(List<String> ranges, List<String> candidates) {
        Map<String, String> bySignature = new LinkedHashMap<>();
        for (String ip : candidates) {
            StringBuilder sig = new StringBuilder(ranges.size() + 1).append(ip.contains(":") ? '6' : '4');
            for (String r : ranges) {
                sig.append(Cidrs.contains(r, ip) ? '1' : '0');
            }
            bySignature.putIfAbsent(sig.toString(), ip);
        }
        return List.copyOf(bySignature.values());
    }

    private List<String> ipValues(String lowerKey) {
        List<String> values = new ArrayList<>();
        for (ConditionEntry e : entries()) {
            if (e.key().toLowerCase(Locale.ROOT).equals(lowerKey)) {
                values.addAll(e.values().texts());
            }
        }
        return values;
    }

    /**
     * The value that stands for {@code value} of {@code key}: the first of {@code candidates} with the
     * same signature, so that any property holds for both or for neither.
     */
    public String representative(String key, String value, List<String> candidates) {
        String lowerKey = key.toLowerCase(Locale.ROOT);
        boolean vpc = lowerKey.equals("aws:sourcevpc");
        List<EntryValues> entries = entriesOf(lowerKey);
        List<EntryValues> arnEntries = entriesOf("aws:sourcevpcarn");
        // the candidates are the same list for every value of a key (the inputs' VPCs or endpoints): index them once
        Map<String, String> firstBySignature = representativeCache.computeIfAbsent(lowerKey, k -> {
            Map<String, String> map = new HashMap<>();
            for (String c : candidates) {
                map.putIfAbsent(signature(entries, c) + (vpc ? "|" + signature(arnEntries, vpcArn(c)) : ""), c);
            }
            return map;
        });
        return firstBySignature.getOrDefault(signature(entries, value) + (vpc ? "|" + signature(arnEntries, vpcArn(value)) : ""), value);
    }

    private final Map<String, Map<String, String>> representativeCache = new HashMap<>();
    private final Map<String, List<EntryValues>> entryCache = new HashMap<>();

    /** The values of one condition entry of a key, indexed for the three comparisons String operators make. */
    private record EntryValues(Set<String> exact, Set<String> lower, List<String> patterns) {
        static EntryValues of(List<String> values) {
            Set<String> exact = new HashSet<>(values);
            Set<String> lower = new HashSet<>();
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

    // ---- principals ----

    /** The bucket's account, every account the policies name (in Principal, aws:PrincipalAccount, ARNs) and the inputs'. */
    private Set<String> namedAccounts() {
        Set<String> accounts = new LinkedHashSet<>();
        accounts.add(inputs.bucketAccount());
        for (Statement s : statements()) {
            s.principal().ifPresent(p -> {
                for (PrincipalEntry e : p.entries()) {
                    if (e.type() == PrincipalType.AWS) {
                        for (String id : e.ids().items()) {
                            if (AwsIds.isAccountId(id)) {
                                accounts.add(id);
                            } else {
                                Arn.parse(id).map(Arn::account).filter(AwsIds::isAccountId).ifPresent(accounts::add);
                            }
                        }
                    }
                }
            });
        }
        for (ConditionEntry e : entries()) {
            String key = e.key().toLowerCase(Locale.ROOT);
            for (String v : e.values().texts()) {
                if (key.equals("aws:principalaccount") && AwsIds.isAccountId(v)) {
                    accounts.add(v);
                } else if (key.equals("aws:principalarn")) {
                    Arn.parse(v).map(Arn::account).filter(AwsIds::isAccountId).ifPresent(accounts::add);
                }
            }
        }
        for (String arn : inputRoles()) {
            Arn.parse(arn).map(Arn::account).filter(AwsIds::isAccountId).ifPresent(accounts::add);
        }
        accounts.addAll(inputs.trustedAccounts());
        return accounts;
    }

    private List<String> inputRoles() {
        List<String> arns = new ArrayList<>(inputs.roleArns());
        inputs.adminArn().ifPresent(arns::add);
        return arns;
    }

    /**
     * Every named ARN (and a session of each role), a fresh principal of each named account, one of an
     * account nobody names, anonymous; AWS service principals (named ones and a fresh one); and requests
     * an AWS service forwards for a principal of the bucket's account and for an outsider. Principals of
     * the bucket's account and of the inputs' roles are members of the bucket account's organization when
     * it is known; everyone else is tried outside any organization and, where a policy tests it, in another.
     */
    private List<Caller> buildCallers(Set<String> accounts) {
        Set<String> memberAccounts = new HashSet<>();
        memberAccounts.add(inputs.bucketAccount());
        for (String arn : inputRoles()) {
            Arn.parse(arn).map(Arn::account).ifPresent(memberAccounts::add);
        }
        Set<String> arns = new LinkedHashSet<>();
        for (Statement s : statements()) {
            s.principal().ifPresent(p -> {
                for (PrincipalEntry e : p.entries()) {
                    if (e.type() == PrincipalType.AWS) {
                        for (String id : e.ids().items()) {
                            if (!AwsIds.isAccountId(id) && Arn.parse(id).isPresent()) {
                                arns.add(id);
                            }
                        }
                    }
                }
            });
        }
        for (ConditionEntry e : entries()) {
            if (e.key().equalsIgnoreCase("aws:PrincipalArn")) {
                for (String v : e.values().texts()) {
                    arns.addAll(principalWitnesses(v, accounts));
                }
            }
        }
        arns.addAll(inputRoles());
        if (inputs.awsServiceAccess()) {
            arns.add("arn:" + inputs.partition() + ":iam::" + inputs.bucketAccount()
                    + ":role/aws-service-role/" + FRESH_SERVICE + "/AWSServiceRoleForGtvpcVerify");
        }
        List<Caller> plain = new ArrayList<>();
        for (String arn : arns) {
            Optional<Arn> a = Arn.parse(arn);
            if (a.isEmpty() || !AwsIds.isAccountId(a.get().account()) || a.get().resource().equals("root")) {
                continue; // the account's own principals stand for its root below
            }
            plain.add(Caller.of(arn, arn));
            if (a.get().service().equals("iam") && a.get().resource().startsWith("role/")) {
                plain.add(Caller.sessionOf(arn));
            }
        }
        for (String account : accounts) {
            if (account.equals(outsider) || account.equals(awsOwner)) {
                continue;
            }
            String fresh = "arn:" + inputs.partition() + ":iam::" + account + ":role/gtvpc-verify-fresh";
            plain.add(Caller.of(account.equals(inputs.bucketAccount()) ? "a principal of the bucket's account (" + account + ")"
                    : "a principal of account " + account, fresh));
        }
        plain.add(Caller.of("a principal of another account (" + outsider + ")",
                "arn:" + inputs.partition() + ":iam::" + outsider + ":role/gtvpc-verify-fresh"));

        boolean orgTested = tests("aws:PrincipalOrgID") || tests("aws:PrincipalOrgPaths");
        List<Caller> list = new ArrayList<>();
        for (Caller c : plain) {
            String account = c.principal().account().orElse("");
            if (memberAccounts.contains(account) && inputs.orgId().isPresent()) {
                list.add(c.inOrganization(inputs.orgId(), inputs.orgPaths(), true, ""));
            } else {
                list.add(c);
                if (orgTested) {
                    list.add(c.inOrganization(Optional.of(FRESH_ORG), List.of(FRESH_ORG + "/r-gtvp/"), false,
                            " in another organization"));
                }
            }
        }
        list.add(Caller.ANONYMOUS);
        Set<String> services = new LinkedHashSet<>();
        for (Statement s : statements()) {
            s.principal().ifPresent(p -> p.entries().stream().filter(e -> e.type() == PrincipalType.SERVICE)
                    .forEach(e -> services.addAll(e.ids().items())));
        }
        services.add(FRESH_SERVICE);
        for (String service : services) {
            list.add(Caller.of("AWS service " + service, service));
        }
        Set<String> forwarders = new LinkedHashSet<>();
        for (ConditionEntry e : entries()) {
            if (e.key().toLowerCase(Locale.ROOT).startsWith("aws:calledvia")) {
                e.values().texts().stream().filter(v -> !Wildcards.hasWildcard(v)).forEach(forwarders::add);
            }
        }
        forwarders.add(FRESH_SERVICE);
        Caller member = list.stream().filter(c -> c.label().startsWith("a principal of the bucket's account")).findFirst().orElseThrow();
        Caller stranger = list.stream().filter(c -> c.label().startsWith("a principal of another account")).findFirst().orElseThrow();
        for (String service : forwarders) {
            list.add(member.forwardedBy(service));
        }
        list.add(stranger.forwardedBy(FRESH_SERVICE));
        return List.copyOf(list);
    }

    /**
     * Principals an aws:PrincipalArn value stands for: itself; for a pattern, a witness in each account
     * the space knows when the account field is a wildcard (service-linked roles are named so:
     * {@code arn:aws:iam::*:role/aws-service-role/*}), else one witness.
     */
    private List<String> principalWitnesses(String value, Set<String> accounts) {
        if (!Wildcards.hasWildcard(value)) {
            return List.of(value);
        }
        String[] parts = value.split(":", 6);
        if (parts.length == 6 && Wildcards.hasWildcard(parts[4]) && !Wildcards.hasWildcard(parts[0] + parts[1] + parts[2])) {
            List<String> out = new ArrayList<>();
            for (String account : accounts) {
                if (Wildcards.matches(parts[4], account)) {
                    out.add(witness(parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + parts[3] + ":" + account + ":" + parts[5]));
                }
            }
            return out;
        }
        return List.of(witness(value));
    }

    private static String freshAccount(Set<String> used, long from) {
        for (long n = from; ; n--) {
            String candidate = Long.toString(n);
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    // ---- actions, keys, other contexts ----

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
        List<String> preferred = new ArrayList<>();
        inputs.serviceEndpoints().forEach(t -> preferred.addAll(t.actions()));
        preferred.addAll(List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject", "s3:GetBucketPolicy",
                "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"));
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
                    // follows from who asks, where from and which bucket: enumerating it freely would pair
                    // keys in ways S3 never does (an outsider claiming aws:PrincipalIsAWSService)
                    if (keys.is(key, ConditionKeyCatalog.Flag.DERIVED)) {
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
        return scan.usesPolicyVariables();
    }

    /** A string a wildcard pattern matches: * becomes "x", ? becomes "y". */
    static String witness(String pattern) {
        return pattern.replace("*", "x").replace("?", "y");
    }

    private List<Statement> statements() {
        return scan.statements().stream().map(PolicyScan.StatementAt::statement).toList();
    }

    private List<ConditionEntry> entries() {
        return scan.conditionEntries().stream().map(PolicyScan.EntryAt::entry).toList();
    }
}
