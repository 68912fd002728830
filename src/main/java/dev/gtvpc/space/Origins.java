package dev.gtvpc.space;

import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Unknowns;
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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where requests come from, as classes: the internet by address, each endpoint and VPC the policies or
 * the perimeter name (and a fresh one of each) by how the policies compare them, with the endpoint's
 * owner and an address inside the VPC, and an AWS service's network.
 */
final class Origins {
    private static final Pattern VPC_IN_ARN = Pattern.compile("arn:([^:]*):ec2:([^:]*):([^:]*):vpc/(vpc-[0-9a-f]+)");

    private final PolicyScan scan;
    private final Perimeter perimeter;
    private final Witnesses witnesses;
    private final ValueClasses values;
    private final List<String> endpoints;
    private final Set<String> userEndpoints;
    private final Set<String> serviceEndpoints = new HashSet<>();
    private final List<String> vpcs;
    /** The perimeter's VPCs as given (an ID or an ARN): requests from them are the user's own. */
    private final Set<String> perimeterVpcs;
    private final Map<String, String> vpcOwners = new HashMap<>();
    private final Set<String> memberAccounts;
    private final Map<String, Map<String, String>> representativeCache = new HashMap<>();
    // lint asks for the same few origins once per action and resource it tries
    private final Map<String, Origin> normalCache = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> assumptions = new ArrayList<>();
    private final List<String> impossible = new ArrayList<>();

    /** @param memberAccounts the accounts of the bucket account's organization the space knows (an endpoint they own carries it) */
    Origins(PolicyScan scan, Perimeter perimeter, Witnesses witnesses, ValueClasses values, Set<String> memberAccounts) {
        this.scan = scan;
        this.perimeter = perimeter;
        this.witnesses = witnesses;
        this.values = values;
        perimeter.serviceEndpoints().forEach(t -> serviceEndpoints.add(t.endpoint()));
        Set<String> named = new LinkedHashSet<>(possible("aws:SourceVpce", values.literalsAndWitnesses("aws:SourceVpce"),
                AwsIds::isVpceId, "a VPC endpoint ID (vpce- and 8 or 17 hexadecimal digits)"));
        named.addAll(perimeter.vpces());
        perimeter.serviceEndpoints().forEach(t -> named.add(t.endpoint()));
        named.add(Witnesses.FRESH_VPCE);
        this.endpoints = List.copyOf(named);
        this.userEndpoints = new HashSet<>(endpoints);
        this.userEndpoints.removeAll(serviceEndpoints);
        this.userEndpoints.remove(Witnesses.FRESH_VPCE);
        this.perimeterVpcs = new HashSet<>(perimeter.vpcs());
        this.memberAccounts = memberAccounts;
        this.vpcs = vpcsNamed();
    }

    List<String> notes() {
        return notes;
    }

    /** What the origins take for granted that a reader must be told (a same-ID VPC of another Region not tried). */
    List<String> assumptions() {
        return assumptions;
    }

    /** The values the policies compare endpoints or VPCs with that no endpoint or VPC can have, each with why. */
    List<String> impossible() {
        return impossible;
    }

    /**
     * The values no request can carry are left out of the origins, so no counterexample comes through an
     * endpoint nobody can have ({@code vpce-xxxxxxxxxxxxxxxxx}); what they would exempt stays with the
     * fresh endpoint and VPC, which every property is checked through all the same. An unknown value of a
     * template or plan stands for a real ID and stays.
     */
    private List<String> possible(String key, List<String> named, java.util.function.Predicate<String> valid, String what) {
        Set<String> left = new LinkedHashSet<>();
        for (PolicyScan.EntryAt e : scan.entriesOf(key)) {
            for (String v : e.nullOperator() ? List.<String>of() : e.values()) {
                if (!Wildcards.hasWildcard(v) && !v.contains("${") && !Unknowns.in(v) && !valid.test(v) && left.add(v)) {
                    impossible.add("no request comes through " + v + ", which the policy compares " + key + " with: it is not " + what
                            + ", so no endpoint or VPC has it and no request was made up from it");
                }
            }
        }
        return named.stream().filter(v -> !left.contains(v)).toList();
    }

    /**
     * The VPCs named by aws:SourceVpc, by aws:SourceVpcArn values (an ID with its owner when the ARN is of
     * the bucket's Region, else the ARN itself: a VPC of another Region), the perimeter (an ID or an ARN),
     * and a fresh one. When a policy tests aws:SourceVpcArn, each has a twin: the same ID in another Region,
     * another account's ("VPC IDs are only unique within a Region"), which only the ARN tells apart.
     */
    private List<String> vpcsNamed() {
        Set<String> named = new LinkedHashSet<>(possible("aws:SourceVpc", values.literalsAndWitnesses("aws:SourceVpc"),
                AwsIds::isVpcId, "a VPC ID (vpc- and 8 or 17 hexadecimal digits)"));
        named.addAll(perimeter.vpcs());
        named.remove(Witnesses.FRESH_VPC);
        for (String v : values.values("aws:SourceVpcArn")) {
            Matcher m = VPC_IN_ARN.matcher(v);
            if (m.matches() && !Wildcards.hasWildcard(m.group(2)) && !m.group(2).equals(perimeter.region()) && AwsIds.isAccountId(m.group(3))) {
                named.add(v);
            } else if (m.matches()) {
                named.add(m.group(4));
                if (AwsIds.isAccountId(m.group(3))) {
                    vpcOwners.putIfAbsent(m.group(4), m.group(3));
                }
            } else if (Wildcards.hasWildcard(v)) {
                notes.add("aws:SourceVpcArn: pattern " + v + " is covered by the VPCs named elsewhere and a fresh one");
            }
        }
        List<String> ownIds = List.copyOf(named);
        // the fresh VPC before the twins: where a twin compares like a VPC nobody names, the class keeps the
        // fresh one, the VPC lint's requests come from
        named.add(Witnesses.FRESH_VPC);
        if (scan.tests("aws:SourceVpcArn")) {
            for (String vpc : ownIds) {
                named.add(twin(vpc));
            }
        } else if (scan.tests("aws:SourceVpc") && !perimeter.vpcs().isEmpty()) {
            assumptions.add("aws:SourceVpc names a VPC by its ID, which is unique only within a Region: a VPC of the same ID in"
                    + " another Region, reaching the bucket through a cross-Region interface endpoint, was not tried (aws:SourceVpcArn"
                    + " names the Region and the owner)");
        }
        return List.copyOf(named);
    }

    /** A VPC with {@code vpc}'s ID in another Region, owned by an account nobody names. */
    private String twin(String vpc) {
        String region = Witnesses.otherRegion(perimeter.partition(), perimeter.region(), regionOf(vpc));
        return "arn:" + perimeter.partition() + ":ec2:" + region + ":" + witnesses.outsider() + ":vpc/" + vpcId(vpc);
    }

    /** The VPC's ID, whether {@code vpc} is one or a VPC ARN. */
    static String vpcId(String vpc) {
        Matcher m = VPC_IN_ARN.matcher(vpc);
        return m.matches() ? m.group(4) : vpc;
    }

    private String regionOf(String vpc) {
        Matcher m = VPC_IN_ARN.matcher(vpc);
        return m.matches() ? m.group(2) : perimeter.region();
    }

    /** Who owns the VPC: the account of its ARN, of the ARN a policy names it by, an outsider for a fresh one, else the bucket's. */
    private String vpcOwner(String vpc) {
        Matcher m = VPC_IN_ARN.matcher(vpc);
        if (m.matches() && AwsIds.isAccountId(m.group(3))) {
            return m.group(3);
        }
        return vpcOwners.getOrDefault(vpc, vpc.equals(Witnesses.FRESH_VPC) ? witnesses.outsider() : perimeter.bucketAccount());
    }

    /**
     * Every origin class: the internet (one per class of source address), each class of (endpoint, VPC,
     * endpoint owner, address in the VPC), leaving out the endpoints and VPCs in {@code excluded}, and
     * an AWS service's network. Internet addresses inside a perimeter range are left out too when
     * {@code excludeCidrs}.
     */
    List<Origin> all(Set<String> excluded, boolean excludeCidrs) {
        List<Origin> origins = new ArrayList<>(internet(null, excludeCidrs));
        for (String vpce : endpointClasses(endpoints.stream().filter(v -> !excluded.contains(v)).toList())) {
            for (String vpc : vpcClasses(vpcs.stream().filter(x -> !excluded.contains(x)).toList())) {
                origins.addAll(throughEndpoint(vpce, vpc));
            }
        }
        origins.add(Origin.awsNetwork());
        return origins;
    }

    /**
     * The internet, one origin per class of aws:SourceIp (when a policy tests it): only addresses inside
     * {@code within} when it is not null; only addresses outside every perimeter range with {@code outsideCidrs}.
     */
    List<Origin> internet(String within, boolean outsideCidrs) {
        if (!scan.tests("aws:SourceIp")) {
            return List.of(Origin.internet(Optional.empty()));
        }
        List<Origin> out = new ArrayList<>();
        for (String ip : values.addressClasses("aws:SourceIp", List.of(Witnesses.INTERNET_V4, Witnesses.INTERNET_V6),
                perimeter.cidrs())) {
            boolean inCidr = perimeter.cidrs().stream().anyMatch(c -> Cidrs.contains(c, ip));
            if ((within == null || Cidrs.contains(within, ip)) && !(outsideCidrs && inCidr)) {
                out.add(Origin.internet(Optional.of(ip)));
            }
        }
        return out;
    }

    /** Through {@code vpce} in {@code vpc}: one origin per class of endpoint owner and of aws:VpcSourceIp. */
    List<Origin> throughEndpoint(String vpce, String vpc) {
        List<Origin> out = new ArrayList<>();
        for (Origin.EndpointOwner owner : endpointOwners(vpce, vpc)) {
            out.addAll(ownedBy(vpce, vpc, owner));
        }
        return out;
    }

    private List<Origin> ownedBy(String vpce, String vpc, Origin.EndpointOwner owner) {
        if (!scan.tests("aws:VpcSourceIp")) {
            return List.of(endpoint(vpce, vpc, owner, Optional.empty()));
        }
        return values.addressClasses("aws:VpcSourceIp", List.of(Witnesses.VPC_V4, Witnesses.VPC_V6), List.of()).stream()
                .map(ip -> endpoint(vpce, vpc, owner, Optional.of(ip))).toList();
    }

    /**
     * How someone working normally reaches S3 through {@code vpce} in {@code vpc}: the endpoint of its
     * first owner (the bucket's account for the user's, an AWS account for a service's, an outsider for
     * any other), from an address of the VPC that no range of the policies names.
     */
    Origin normalThrough(String vpce, String vpc) {
        return normalCache.computeIfAbsent(vpce + " " + vpc,
                k -> normal(ownedBy(vpce, vpc, endpointOwners(vpce, vpc).get(0)), "aws:VpcSourceIp"));
    }

    /** Through a service's endpoint {@code vpce} (an AWS account owns it) from a VPC no one names; the address as {@link #normalThrough}. */
    Origin normalThroughService(String vpce) {
        return normal(ownedBy(vpce, Witnesses.FRESH_VPC, awsOwners().get(0)), "aws:VpcSourceIp");
    }

    /** The internet at an address that no aws:SourceIp range of the policies or the perimeter names. */
    Origin normalInternet() {
        return normalCache.computeIfAbsent("", k -> {
            List<Origin> outside = internet(null, true);
            return normal(outside.isEmpty() ? internet(null, false) : outside, "aws:SourceIp");
        });
    }

    /**
     * The class whose address the policies' ranges of {@code key} do not hold, IPv4 first: S3 answers
     * IPv6 only on its dual-stack endpoints, which a client opts into. When the ranges hold every IPv4
     * class, the first IPv4 one: a policy that names the whole IPv4 internet names where people work.
     */
    private Origin normal(List<Origin> classes, String key) {
        Origin firstV4 = null;
        for (Origin o : classes) {
            List<String> address = o.context().get(key);
            if (address == null) {
                return o;
            }
            boolean v4 = !address.get(0).contains(":");
            if (v4 && !values.named(key, address.get(0))) {
                return o;
            }
            if (v4 && firstV4 == null) {
                firstV4 = o;
            }
        }
        return firstV4 != null ? firstV4 : classes.get(0);
    }

    /**
     * Who may own an endpoint: an AWS-owned account for a service's (in no organization, or in some other
     * one: which is not published, so neither may decide); the VPC's owner for an endpoint in a VPC whose
     * owner is known (the perimeter's, one a policy names by ARN); the bucket's account for the user's
     * endpoints; for one nobody names, an account outside the organization (in none, or in another when a
     * policy tests the endpoint's organization) — and, when a policy tests the endpoint-owner keys, the
     * bucket's account (an endpoint of its organization), each account aws:VpceAccount names and each
     * account whose endpoints the perimeter trusts.
     */
    private List<Origin.EndpointOwner> endpointOwners(String vpce, String vpc) {
        if (serviceEndpoints.contains(vpce)) {
            return awsOwners();
        }
        if (perimeterVpcs.contains(vpc) || VPC_IN_ARN.matcher(vpc).matches() || vpcOwners.containsKey(vpc)) {
            return List.of(owner(vpcOwner(vpc)));
        }
        if (userEndpoints.contains(vpce)) {
            return List.of(owner(perimeter.bucketAccount()));
        }
        Set<Origin.EndpointOwner> owners = new LinkedHashSet<>(outside(witnesses.outsider()));
        if (testsEndpointOwner()) {
            owners.add(owner(perimeter.bucketAccount()));
            values.values("aws:VpceAccount").stream().filter(AwsIds::isAccountId).forEach(a -> owners.addAll(outside(a)));
            perimeter.endpointAccounts().forEach(a -> owners.addAll(outside(a)));
        }
        return List.copyOf(owners);
    }

    private List<Origin.EndpointOwner> awsOwners() {
        return outside(witnesses.awsOwner());
    }

    /** {@code account} as an endpoint owner: a member of the bucket account's organization carries it. */
    private Origin.EndpointOwner owner(String account) {
        if (memberAccounts.contains(account)) {
            return new Origin.EndpointOwner(account, perimeter.orgId(), true);
        }
        return new Origin.EndpointOwner(account, Optional.empty(), false);
    }

    /**
     * An account outside the bucket account's organization: in none, and, when a policy tests the endpoint's
     * organization, in one nobody names and in each other one the policies name (an aws:VpceOrgID value, the
     * organization heading an aws:VpceOrgPaths value): a policy that lets in a partner's endpoints lets in requests
     * from outside the perimeter.
     */
    private List<Origin.EndpointOwner> outside(String account) {
        if (memberAccounts.contains(account)) {
            return List.of(owner(account));
        }
        List<Origin.EndpointOwner> owners = new ArrayList<>();
        owners.add(new Origin.EndpointOwner(account, Optional.empty(), false));
        if (scan.tests("aws:VpceOrgID") || scan.tests("aws:VpceOrgPaths")) {
            owners.add(new Origin.EndpointOwner(account, Optional.of(Witnesses.FRESH_ORG), false, List.of(Witnesses.FRESH_ORG_PATH)));
            for (String org : otherOrganizations()) {
                outsidePaths(org).forEach(p -> owners.add(new Origin.EndpointOwner(account, Optional.of(org), false, List.of(p))));
            }
        }
        return owners;
    }

    /** The organizations other than the bucket account's that the policies name by aws:VpceOrgID or at the head of aws:VpceOrgPaths. */
    private List<String> otherOrganizations() {
        Set<String> orgs = new LinkedHashSet<>(values.literalsAndWitnesses("aws:VpceOrgID"));
        values.literalsAndWitnesses("aws:VpceOrgPaths").forEach(p -> orgs.add(p.split("/", 2)[0]));
        orgs.removeIf(o -> AwsIds.checkOrgId(o).isPresent() || o.equals(Witnesses.FRESH_ORG) || perimeter.orgId().filter(o::equals).isPresent());
        return List.copyOf(orgs);
    }

    /**
     * The paths an account of {@code org}, an organization other than the bucket account's, may have, one a request:
     * those of it the policies name (a pattern by its witness), else one at its root.
     */
    private List<String> outsidePaths(String org) {
        List<String> named = values.literalsAndWitnesses("aws:VpceOrgPaths").stream().filter(p -> p.startsWith(org + "/")).toList();
        return named.isEmpty() ? List.of(org + Witnesses.FRESH_ORG_PATH.substring(Witnesses.FRESH_ORG.length())) : named;
    }

    boolean testsEndpointOwner() {
        return scan.tests("aws:VpceAccount") || scan.tests("aws:VpceOrgID") || scan.tests("aws:VpceOrgPaths");
    }

    /** Through {@code vpce} in {@code vpc}, owned by {@code owner} (a member of the organization when the space knows it as one). */
    Origin endpoint(String vpce, String vpc, String owner, Optional<String> vpcSourceIp) {
        return endpoint(vpce, vpc, owner(owner), vpcSourceIp);
    }

    private Origin endpoint(String vpce, String vpc, Origin.EndpointOwner owner, Optional<String> vpcSourceIp) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("aws:SourceVpce", List.of(vpce));
        c.put("aws:SourceVpc", List.of(vpcId(vpc)));
        if (scan.tests("aws:SourceVpcArn")) {
            c.put("aws:SourceVpcArn", List.of(vpcArn(vpc)));
        }
        if (scan.tests("aws:VpceAccount")) {
            c.put("aws:VpceAccount", List.of(owner.account()));
        }
        if (owner.orgId().isPresent() && scan.tests("aws:VpceOrgID")) {
            c.put("aws:VpceOrgID", List.of(owner.orgId().get()));
        }
        if (owner.orgId().isPresent() && scan.tests("aws:VpceOrgPaths")) {
            List<String> paths = owner.member() ? perimeter.orgPaths() : owner.outsidePaths();
            if (!paths.isEmpty()) {
                c.put("aws:VpceOrgPaths", paths);
            }
        }
        vpcSourceIp.ifPresent(ip -> c.put("aws:VpcSourceIp", List.of(ip)));
        boolean ownNamed = owner.account().equals(perimeter.bucketAccount()) || owner.account().equals(witnesses.awsOwner())
                || !testsEndpointOwner();
        String who = (ownNamed ? "" : " owned by " + owner.account())
                + (testsEndpointOwner() && !owner.member() ? owner.orgId().map(o -> " (organization " + o + ")").orElse("") : "");
        return new Origin(Origin.Kind.ENDPOINT, Optional.of(vpce), Optional.of(vpc), Optional.of(owner),
                "endpoint " + vpce + " in " + vpc + who + vpcSourceIp.map(ip -> " (" + ip + ")").orElse(""), c);
    }

    /** The VPC's ARN as aws:SourceVpcArn holds it: the ARN it was given as, else one of the bucket's Region with its owner. */
    private String vpcArn(String vpc) {
        if (VPC_IN_ARN.matcher(vpc).matches()) {
            return vpc;
        }
        return "arn:" + perimeter.partition() + ":ec2:" + perimeter.region() + ":" + vpcOwner(vpc) + ":vpc/" + vpc;
    }

    /** One endpoint per class of the endpoints the policies or the perimeter name, and a fresh one. */
    List<String> endpointClasses() {
        return endpointClasses(endpoints);
    }

    /** One VPC per class of the VPCs the policies or the perimeter name, and a fresh one. */
    List<String> vpcClasses() {
        return vpcClasses(vpcs);
    }

    /**
     * Endpoints alike under aws:SourceVpce but owned differently (a service's by an AWS account, the user's
     * by the bucket's account, any other by each owner {@link #endpointOwners} tries) are separate classes:
     * a class's owners are its representative's, so a service's endpoint standing for one nobody names
     * would leave the organization's and the outsiders' endpoints untried.
     */
    private List<String> endpointClasses(List<String> candidates) {
        return ValueClasses.representatives(candidates, v -> signature("aws:sourcevpce", v) + "|" + ownerKind(v));
    }

    private String ownerKind(String vpce) {
        return serviceEndpoints.contains(vpce) ? "service" : userEndpoints.contains(vpce) ? "user" : "other";
    }

    private List<String> vpcClasses(List<String> candidates) {
        return ValueClasses.representatives(candidates, v -> signature("aws:sourcevpc", v));
    }

    /** VPCs are alike under aws:SourceVpc and, through their ARN, aws:SourceVpcArn; other keys by their own values. */
    private String signature(String lowerKey, String v) {
        if (!lowerKey.equals("aws:sourcevpc")) {
            return values.signature(lowerKey, v);
        }
        return values.signature(lowerKey, vpcId(v)) + "|" + values.signature("aws:sourcevpcarn", vpcArn(v)) 
                + (testsEndpointOwner() ? "|" + vpcOwner(v) : "");
    }

    /**
     * The value that stands for {@code value} of {@code key}: the first of {@code candidates} with the
     * same signature, so that any property holds for both or for neither.
     */
    String representative(String key, String value, List<String> candidates) {
        String lowerKey = key.toLowerCase(Locale.ROOT);
        // the candidates are the same list for every value of a key (the perimeter's VPCs or endpoints): index them once
        Map<String, String> firstBySignature = representativeCache.computeIfAbsent(lowerKey, k -> {
            Map<String, String> map = new HashMap<>();
            for (String c : candidates) {
                map.putIfAbsent(signature(lowerKey, c), c);
            }
            return map;
        });
        return firstBySignature.getOrDefault(signature(lowerKey, value), value);
    }
}
