package dev.gtvpc.rcp;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.layers.Layer;
import dev.gtvpc.layers.LayerOutcome;
import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.layers.LayerSet;
import dev.gtvpc.layers.LayeredEvaluator;
import dev.gtvpc.layers.LayeredResult;
import dev.gtvpc.layers.Level;
import dev.gtvpc.layers.Membership;
import dev.gtvpc.layers.Placement;
import dev.gtvpc.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rcp generate} checks its own output with the layered evaluator before printing it, as
 * {@code policy generate} does: the RCP, attached to a member account's bucket, must let through one
 * request of each exception it writes (an endpoint of the organization, each corporate range, each
 * third party's endpoint, each named account, each service's endpoint, an AWS service principal, a call
 * an AWS service makes with the caller's credentials, EC2's infrastructure role, and the tags asked for)
 * and must deny a perimeter principal reaching the bucket from the internet, through an endpoint of
 * another organization and through one of an account in none. These are named requests, one for each
 * exception and each outside class, not a proof over every request; a failure is a bug in gtvpc.
 */
public final class NetworkRcpCheck {
    static final String MEMBER = "210987654321";
    static final String OUTSIDER = "444400004444";
    static final String SERVICE_OWNER = "000011112222";
    static final String OTHER_ORG = "o-gtvpcother0";
    static final String ENDPOINT = "vpce-0fffffffffffffff0";
    static final String VPC = "vpc-0fffffffffffffff0";
    private static final List<String> ADDRESSES = List.of("192.0.2.10", "198.51.100.10", "203.0.113.10", "100.64.0.10");

    private NetworkRcpCheck() {
    }

    /** One request the check makes, and what the RCP must do with it. */
    public record Checked(String who, boolean denied) {
    }

    /** The requests checked, each as the RCP decided it as it must; throws when one is not. */
    public static List<Checked> check(NetworkRcpRequest request, Policy rcp) {
        LayerSet layers = LayerSet.bucketOnly(Optional.empty())
                .withRcps(List.of(new Level("the bucket's account", List.of(new LayerPolicy(Layer.RCP, "the generated RCP", rcp)))));
        List<Checked> checked = new ArrayList<>();
        String action = request.actions().stream().filter(a -> a.startsWith("s3:")).findFirst()
                .map(a -> a.contains("*") || a.contains("?") ? "s3:GetObject" : a).orElse(request.actions().get(0).replace("*", "Get"));
        for (Try t : tries(request)) {
            Map<String, List<String>> context = new LinkedHashMap<>(t.context());
            if (request.onlyTagged() && !t.context().containsKey("aws:PrincipalTag/dp:include:network")) {
                context.put("aws:PrincipalTag/dp:include:network", List.of("true"));
            }
            Request r = new Request(action, "arn:aws:s3:::gtvpc-check-bucket/key", RequestPrincipal.parse(t.principal()),
                    Optional.of(MEMBER), ContextKeys.of(context)).withPrincipalKeys();
            LayeredResult result = LayeredEvaluator.evaluate(layers, r, new Placement(Membership.MEMBER, Membership.MEMBER,
                    Optional.of(false), Optional.empty()));
            boolean denied = result.layer(Layer.RCP).outcome() == LayerOutcome.EXPLICIT_DENY;
            if (denied != t.denied()) {
                throw new GtvpcException(ExitCode.CHECK_FAILED, "internal error: the generated RCP " + (denied ? "denies " : "does not deny ")
                        + t.who() + " (" + action + "); this is a bug in gtvpc, please report it with the command you ran");
            }
            checked.add(new Checked(t.who(), denied));
        }
        return checked;
    }

    private record Try(String who, String principal, Map<String, List<String>> context, boolean denied) {
    }

    private static List<Try> tries(NetworkRcpRequest q) {
        String role = "arn:aws:iam::" + MEMBER + ":role/gtvpc-check";
        List<Try> tries = new ArrayList<>();
        tries.add(new Try("an endpoint of " + q.orgId(), role, through(MEMBER, Optional.of(q.orgId())), false));
        for (String cidr : q.cidrs()) {
            tries.add(new Try("the corporate range " + cidr, role, Map.of("aws:SourceIp", List.of(first(cidr))), false));
        }
        for (String account : q.endpointAccounts()) {
            tries.add(new Try("an endpoint of " + account, role, through(account, Optional.empty()), false));
        }
        for (String account : q.serviceAccounts()) {
            tries.add(new Try("a principal of " + account + " from the internet", "arn:aws:iam::" + account + ":role/gtvpc-check",
                    internet(q), false));
        }
        for (NetworkRcpRequest.ServiceEndpoint e : q.serviceEndpoints()) {
            Map<String, List<String>> c = new LinkedHashMap<>(through(SERVICE_OWNER, Optional.empty()));
            c.put("aws:SourceVpce", List.of(e.endpoint()));
            tries.add(new Try(e.label() + "'s endpoint " + e.endpoint(), role, c, false));
        }
        tries.add(new Try("an AWS service principal", "s3.amazonaws.com", Map.of("aws:PrincipalIsAWSService", List.of("true")), false));
        tries.add(new Try("an AWS service acting with the caller's credentials", role,
                Map.of("aws:ViaAWSService", List.of("true"), "aws:CalledVia", List.of("athena.amazonaws.com")), false));
        tries.add(new Try("EC2's infrastructure role from the internet", "arn:aws:iam::" + MEMBER + ":role/aws:ec2-infrastructure",
                internet(q), false));
        if (q.excludeTags()) {
            Map<String, List<String>> c = new LinkedHashMap<>(internet(q));
            c.put("aws:PrincipalTag/dp:exclude:network", List.of("true"));
            tries.add(new Try("a principal tagged dp:exclude:network from the internet", role, c, false));
            c = new LinkedHashMap<>(internet(q));
            c.put("aws:ResourceTag/dp:exclude:network", List.of("true"));
            tries.add(new Try("a bucket tagged dp:exclude:network, from the internet", role, c, false));
        }
        if (q.onlyTagged()) {
            Map<String, List<String>> c = new LinkedHashMap<>(internet(q));
            c.put("aws:PrincipalTag/dp:include:network", List.of("false"));
            tries.add(new Try("a principal not tagged dp:include:network, from the internet", role, c, false));
        }
        tries.add(new Try("a principal of the organization from the internet", role, internet(q), true));
        tries.add(new Try("an endpoint of another organization", role, through(OUTSIDER, Optional.of(OTHER_ORG)), true));
        tries.add(new Try("an endpoint of an account in no organization", role, through(OUTSIDER, Optional.empty()), true));
        return tries;
    }

    private static Map<String, List<String>> through(String owner, Optional<String> org) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put("aws:SourceVpce", List.of(ENDPOINT));
        c.put("aws:SourceVpc", List.of(VPC));
        c.put("aws:VpceAccount", List.of(owner));
        org.ifPresent(o -> c.put("aws:VpceOrgID", List.of(o)));
        return c;
    }

    /** From an internet address outside every corporate range. */
    private static Map<String, List<String>> internet(NetworkRcpRequest q) {
        for (String address : ADDRESSES) {
            if (q.cidrs().stream().noneMatch(cidr -> contains(cidr, address))) {
                return Map.of("aws:SourceIp", List.of(address));
            }
        }
        throw GtvpcException.badInput("--cidr: the corporate ranges hold every address gtvpc tries as the internet ("
                + String.join(", ", ADDRESSES) + "): such a perimeter leaves nothing outside");
    }

    /** Whether the IPv4 {@code address} is in {@code cidr} (an IPv6 range holds none of the IPv4 addresses tried). */
    static boolean contains(String cidr, String address) {
        String base = first(cidr);
        if (base.contains(":")) {
            return false;
        }
        int prefix = cidr.contains("/") ? Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1)) : 32;
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (ipv4(base) & mask) == (ipv4(address) & mask);
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String part : address.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    private static String first(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }
}
