package dev.gtvpc.space;

import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.PolicyScan;
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
    private final Map<String, String> vpcOwners = new HashMap<>();
    private final Map<String, Map<String, String>> representativeCache = new HashMap<>();
    // lint asks for the same few origins once per action and resource it tries
    private final Map<String, Origin> normalCache = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    Origins(PolicyScan scan, Perimeter perimeter, Witnesses witnesses, ValueClasses values) {
        this.scan = scan;
        this.perimeter = perimeter;
        this.witnesses = witnesses;
        this.values = values;
        perimeter.serviceEndpoints().forEach(t -> serviceEndpoints.add(t.endpoint()));
        Set<String> named = new LinkedHashSet<>(values.literalsAndWitnesses("aws:SourceVpce"));
        named.addAll(perimeter.vpces());
        perimeter.serviceEndpoints().forEach(t -> named.add(t.endpoint()));
        named.add(Witnesses.FRESH_VPCE);
        this.endpoints = List.copyOf(named);
        this.userEndpoints = new HashSet<>(endpoints);
        this.userEndpoints.removeAll(serviceEndpoints);
        this.userEndpoints.remove(Witnesses.FRESH_VPCE);
        this.vpcs = vpcsNamed();
    }

    List<String> notes() {
        return notes;
    }

    /** The VPCs named by aws:SourceVpc, by the VPC IDs inside aws:SourceVpcArn values (with their owners), the perimeter, and a fresh one. */
    private List<String> vpcsNamed() {
        Set<String> named = new LinkedHashSet<>(values.literalsAndWitnesses("aws:SourceVpc"));
        named.addAll(perimeter.vpcs());
        named.remove(Witnesses.FRESH_VPC);
        for (String v : values.values("aws:SourceVpcArn")) {
            Matcher m = VPC_IN_ARN.matcher(v);
            if (m.matches()) {
                named.add(m.group(4));
                if (AwsIds.isAccountId(m.group(3))) {
                    vpcOwners.putIfAbsent(m.group(4), m.group(3));
                }
            } else if (Wildcards.hasWildcard(v)) {
                notes.add("aws:SourceVpcArn: pattern " + v + " is covered by the VPCs named elsewhere and a fresh one");
            }
        }
        named.add(Witnesses.FRESH_VPC);
        return List.copyOf(named);
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
        for (String owner : endpointOwners(vpce)) {
            out.addAll(ownedBy(vpce, vpc, owner));
        }
        return out;
    }

    private List<Origin> ownedBy(String vpce, String vpc, String owner) {
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
                k -> normal(ownedBy(vpce, vpc, endpointOwners(vpce).get(0)), "aws:VpcSourceIp"));
    }

    /** Through a service's endpoint {@code vpce} (an AWS account owns it) from a VPC no one names; the address as {@link #normalThrough}. */
    Origin normalThroughService(String vpce) {
        return normal(ownedBy(vpce, Witnesses.FRESH_VPC, witnesses.awsOwner()), "aws:VpcSourceIp");
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
     * Who may own an endpoint: the bucket's account for the user's endpoints, an AWS-owned account for a
     * service's, an account outside the organization for one nobody names — and, when a policy tests the
     * endpoint-owner keys, also an endpoint of the bucket's account and of each account those keys name.
     */
    private List<String> endpointOwners(String vpce) {
        if (userEndpoints.contains(vpce)) {
            return List.of(perimeter.bucketAccount());
        }
        if (serviceEndpoints.contains(vpce)) {
            return List.of(witnesses.awsOwner());
        }
        Set<String> owners = new LinkedHashSet<>();
        owners.add(witnesses.outsider());
        if (testsEndpointOwner()) {
            owners.add(perimeter.bucketAccount());
            values.values("aws:VpceAccount").stream().filter(AwsIds::isAccountId).forEach(owners::add);
        }
        return List.copyOf(owners);
    }

    private boolean testsEndpointOwner() {
        return scan.tests("aws:VpceAccount") || scan.tests("aws:VpceOrgID") || scan.tests("aws:VpceOrgPaths");
    }

    Origin endpoint(String vpce, String vpc, String owner, Optional<String> vpcSourceIp) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("aws:SourceVpce", List.of(vpce));
        c.put("aws:SourceVpc", List.of(vpc));
        if (scan.tests("aws:SourceVpcArn")) {
            c.put("aws:SourceVpcArn", List.of(vpcArn(vpc)));
        }
        if (scan.tests("aws:VpceAccount")) {
            c.put("aws:VpceAccount", List.of(owner));
        }
        boolean memberOwner = owner.equals(perimeter.bucketAccount()) && perimeter.orgId().isPresent();
        if (memberOwner && scan.tests("aws:VpceOrgID")) {
            c.put("aws:VpceOrgID", List.of(perimeter.orgId().get()));
        }
        if (memberOwner && scan.tests("aws:VpceOrgPaths") && !perimeter.orgPaths().isEmpty()) {
            c.put("aws:VpceOrgPaths", perimeter.orgPaths());
        }
        vpcSourceIp.ifPresent(ip -> c.put("aws:VpcSourceIp", List.of(ip)));
        boolean ownNamed = owner.equals(perimeter.bucketAccount()) || owner.equals(witnesses.awsOwner()) || !testsEndpointOwner();
        String who = ownNamed ? "" : " owned by " + owner;
        return new Origin(Origin.Kind.ENDPOINT, Optional.of(vpce), Optional.of(vpc),
                "endpoint " + vpce + " in " + vpc + who + vpcSourceIp.map(ip -> " (" + ip + ")").orElse(""), c);
    }

    /** The VPC's ARN as aws:SourceVpcArn holds it: the one a policy names for it, else the region's and its owner's. */
    private String vpcArn(String vpc) {
        String owner = vpcOwners.getOrDefault(vpc, vpc.equals(Witnesses.FRESH_VPC) ? witnesses.outsider() : perimeter.bucketAccount());
        return "arn:" + perimeter.partition() + ":ec2:" + perimeter.region() + ":" + owner + ":vpc/" + vpc;
    }

    /** One endpoint per class of the endpoints the policies or the perimeter name, and a fresh one. */
    List<String> endpointClasses() {
        return endpointClasses(endpoints);
    }

    /** One VPC per class of the VPCs the policies or the perimeter name, and a fresh one. */
    List<String> vpcClasses() {
        return vpcClasses(vpcs);
    }

    private List<String> endpointClasses(List<String> candidates) {
        return ValueClasses.representatives(candidates, v -> signature("aws:sourcevpce", v));
    }

    private List<String> vpcClasses(List<String> candidates) {
        return ValueClasses.representatives(candidates, v -> signature("aws:sourcevpc", v));
    }

    /** VPCs are alike under aws:SourceVpc and, through their ARN, aws:SourceVpcArn; other keys by their own values. */
    private String signature(String lowerKey, String v) {
        String own = values.signature(lowerKey, v);
        return lowerKey.equals("aws:sourcevpc") ? own + "|" + values.signature("aws:sourcevpcarn", vpcArn(v)) : own;
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
