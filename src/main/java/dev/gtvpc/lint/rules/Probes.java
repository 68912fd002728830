package dev.gtvpc.lint.rules;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Requests the rules that ask the evaluator put to a policy: who (an administrator of the bucket's
 * account, a caller of a fresh account, an anonymous caller), from where (the internet at an address
 * the policy does not name, or through an endpoint and VPC it does not name), always over TLS, as
 * every AWS SDK sends them. A policy is then judged by what it decides, not by its shape.
 */
public final class Probes {
    static final String FRESH_VPCE = "vpce-0000000000000000a";
    static final String FRESH_VPC = "vpc-0000000000000000a";
    public static final String FRESH_ACCOUNT = "000000000001";
    static final String ADMIN_ROLE = "gtvpc-lint-administrator";
    private static final List<String> PUBLIC_ADDRESSES = List.of("198.51.100.77", "203.0.113.77", "192.0.2.77", "100.64.77.77");
    private static final List<String> PRIVATE_ADDRESSES = List.of("10.255.77.77", "172.31.77.77", "192.168.77.77");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+(?:/[0-9]+)?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:/[0-9]+)?");

    /** Where a request comes from, and the keys that says. */
    public record Origin(String label, Map<String, List<String>> keys) {
    }

    private Probes() {
    }

    static String partition(LintContext c) {
        return c.partition();
    }

    /** The bucket's account, as far as the policy shows it (its principals or ARNs); a stand-in otherwise. */
    public static String account(LintContext c) {
        return Subject.account(c);
    }

    static String bucketArn(LintContext c) {
        return "arn:" + partition(c) + ":s3:::" + Subject.bucket(c);
    }

    static String objectArn(LintContext c) {
        return bucketArn(c) + "/gtvpc-lint-probe";
    }

    /** The internet, and an endpoint and VPC the policy does not name: where people work normally. */
    public static List<Origin> normalOrigins(LintContext c) {
        Map<String, List<String>> internet = tls();
        internet.put("aws:SourceIp", List.of(freshAddress(c, PUBLIC_ADDRESSES)));
        Map<String, List<String>> endpoint = tls();
        endpoint.put("aws:SourceVpce", List.of(FRESH_VPCE));
        endpoint.put("aws:SourceVpc", List.of(FRESH_VPC));
        endpoint.put("aws:VpcSourceIp", List.of(freshAddress(c, PRIVATE_ADDRESSES)));
        return List.of(new Origin("from the internet", internet), new Origin("through a VPC endpoint", endpoint));
    }

    private static Map<String, List<String>> tls() {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("aws:SecureTransport", List.of("true"));
        keys.put("aws:PrincipalIsAWSService", List.of("false"));
        keys.put("aws:ViaAWSService", List.of("false"));
        return keys;
    }

    /** A session of a role, a user or an account root, asking for {@code action} on {@code resource}. */
    public static Request request(LintContext c, String principalArn, Map<String, List<String>> principalKeys, Origin origin, String action,
            String resource) {
        RequestPrincipal principal = RequestPrincipal.parse(sessionFor(principalArn));
        Map<String, List<String>> keys = new LinkedHashMap<>(origin.keys());
        keys.putAll(principalKeys);
        // a session's aws:PrincipalArn is its role's ARN with the path, which the session ARN does not show
        if (principalArn.contains(":role/")) {
            keys.putIfAbsent("aws:PrincipalArn", List.of(principalArn));
        }
        return new Request(action, resource, principal, Optional.of(account(c)), ContextKeys.of(keys)).withPrincipalKeys();
    }

    public static Request anonymous(LintContext c, Origin origin, String action, String resource) {
        return new Request(action, resource, RequestPrincipal.ANONYMOUS, Optional.of(account(c)), ContextKeys.of(origin.keys()));
    }

    public static String adminRole(LintContext c, String account) {
        return "arn:" + partition(c) + ":iam::" + account + ":role/" + ADMIN_ROLE;
    }

    private static String sessionFor(String arn) {
        int role = arn.indexOf(":role/");
        if (role < 0) {
            return arn;
        }
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        String[] parts = arn.split(":", 6);
        return "arn:" + parts[1] + ":sts::" + parts[4] + ":assumed-role/" + name + "/gtvpc-lint";
    }

    public static Optional<Decision> decide(LintContext c, Request r) {
        return Evaluator.evaluate(c.policy(), r).decision();
    }

    static EvaluationResult evaluate(LintContext c, Request r) {
        return Evaluator.evaluate(c.policy(), r);
    }

    /** The first candidate address no IP range of the policy contains, so the probe is "any address". */
    private static String freshAddress(LintContext c, List<String> candidates) {
        List<String> ranges = new ArrayList<>();
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            if (e.block().operator().type().map(t -> t.family() == OperatorType.Family.IP_ADDRESS).orElse(false)) {
                ranges.addAll(e.entry().values().texts());
            }
        }
        for (String candidate : candidates) {
            if (ranges.stream().noneMatch(r -> contains(r, candidate))) {
                return candidate;
            }
        }
        return candidates.get(0);
    }

    private static boolean contains(String range, String address) {
        if (!IP_LITERAL.matcher(range).matches()) {
            return false;
        }
        try {
            int slash = range.indexOf('/');
            byte[] net = InetAddress.getByName(slash < 0 ? range : range.substring(0, slash)).getAddress();
            byte[] a = InetAddress.getByName(address).getAddress();
            if (net.length != a.length) {
                return false;
            }
            int bits = net.length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(range.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                return false;
            }
            int shift = bits - prefix;
            return new BigInteger(1, net).shiftRight(shift).equals(new BigInteger(1, a).shiftRight(shift));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
