package dev.gtvpc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.DerivedKeys;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of {@code verify} over random perimeter-shaped policies: nothing is PROVED over no request, and a
 * proof of {@code outside-denied} holds for concrete outside requests the space never enumerated (other
 * endpoints, VPCs, addresses, accounts and organizations), built as S3 builds them.
 */
class VerifierProperties {
    private static final String B = "arn:aws:s3:::amzn-s3-demo-bucket";
    private static final List<String> CONDITIONS = List.of(
            "\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}",
            "\"StringNotEqualsIfExists\":{\"aws:SourceVpc\":\"vpc-1a2b3c4d\"}",
            "\"NotIpAddressIfExists\":{\"aws:SourceIp\":\"203.0.113.0/24\"}",
            "\"StringNotEqualsIfExists\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}",
            "\"BoolIfExists\":{\"aws:PrincipalIsAWSService\":\"false\"}",
            "\"BoolIfExists\":{\"aws:ViaAWSService\":\"false\"}",
            "\"ArnNotLikeIfExists\":{\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:role/Admin\"}",
            "\"StringNotEquals\":{\"aws:PrincipalAccount\":\"444455556666\"}",
            "\"Bool\":{\"aws:SecureTransport\":\"false\"}");

    @Property(tries = 150)
    void nothingIsProvedOverNoRequest(@ForAll("policies") String json, @ForAll boolean org) {
        VerificationReport report = Verifier.verify(policy(json), inputs(org), Optional.empty());
        for (PropertyResult r : report.results()) {
            if (r.status() == PropertyResult.Status.PROVED && !r.subject().contains("same class")) {
                assertThat(r.requests()).as("%s %s", r.property(), r.subject()).isPositive();
            }
        }
    }

    @Property(tries = 400)
    void aProofOfOutsideDeniedHoldsForConcreteOutsiders(@ForAll("policies") String json, @ForAll("outsiders") Request outsider) {
        Policy p = policy(json);
        VerificationReport report = Verifier.verify(p, inputs(true), Optional.empty());
        PropertyResult outside = report.results().stream().filter(r -> r.property().equals("outside-denied")).findFirst().orElseThrow();
        Statistics.collect(outside.status());
        if (outside.status() == PropertyResult.Status.PROVED && report.samplingNotes().isEmpty()) {
            assertThat(Evaluator.evaluate(p, outsider).decision()).as("%s", outsider).contains(Decision.EXPLICIT_DENY);
        }
    }

    private static VerifyInputs inputs(boolean org) {
        return VerifyInputs.of("us-east-1", "aws", "amzn-s3-demo-bucket", "111122223333")
                .withNetwork(List.of("vpc-1a2b3c4d"), List.of("vpce-1a2b3c4d"), List.of("203.0.113.0/24"))
                .withPrincipals(List.of("arn:aws:iam::111122223333:role/Admin"), Optional.empty())
                .withActions(List.of("s3:GetObject", "s3:ListBucket"))
                .withOrganization(org ? Optional.of("o-a1b2c3d4e5") : Optional.empty(), List.of());
    }

    @Provide
    Arbitrary<String> policies() {
        Arbitrary<String> condition = Arbitraries.of(CONDITIONS).list().ofMinSize(1).ofMaxSize(4).uniqueElements()
                .map(cs -> "{" + String.join(",", merge(cs)) + "}");
        Arbitrary<String> statement = Combinators.combine(Arbitraries.of("Deny", "Deny", "Allow"), Arbitraries.of("s3:*", "s3:GetObject"),
                condition).as((e, a, c) -> "{\"Effect\":\"" + e + "\",\"Principal\":\"*\",\"Action\":\"" + a + "\",\"Resource\":[\"" + B
                        + "\",\"" + B + "/*\"],\"Condition\":" + c + "}");
        return statement.list().ofMinSize(0).ofMaxSize(2).map(ss -> "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", ss) + "]}");
    }

    /** One JSON object cannot hold an operator twice: merge the entries of equal operators. */
    private static List<String> merge(List<String> conditions) {
        Map<String, List<String>> byOperator = new LinkedHashMap<>();
        for (String c : conditions) {
            String op = c.substring(0, c.indexOf(':'));
            String body = c.substring(c.indexOf('{') + 1, c.lastIndexOf('}'));
            byOperator.computeIfAbsent(op, k -> new ArrayList<>()).add(body);
        }
        List<String> out = new ArrayList<>();
        byOperator.forEach((op, bodies) -> {
            Map<String, String> byKey = new LinkedHashMap<>();
            for (String b : bodies) {
                byKey.putIfAbsent(b.substring(0, b.indexOf(':')), b);
            }
            out.add(op + ":{" + String.join(",", byKey.values()) + "}");
        });
        return out;
    }

    /** Requests from outside: another account (in no organization or another), over the internet or an unknown endpoint, over TLS or not. */
    @Provide
    Arbitrary<Request> outsiders() {
        Arbitrary<String> account = Arbitraries.of("222233334444", "999900001111", "123456789012");
        Arbitrary<Boolean> viaEndpoint = Arbitraries.of(true, false);
        Arbitrary<String> ip = Arbitraries.integers().between(1, 254).map(i -> "198.51.100." + i);
        Arbitrary<Optional<String>> otherOrg = Arbitraries.of(Optional.<String>empty(), Optional.of("o-zzzzzzzzzz"));
        return Combinators.combine(account, viaEndpoint, ip, otherOrg, Arbitraries.of("s3:GetObject", "s3:ListBucket"), Arbitraries.of(true, false))
                .as((a, vpce, address, o, action, tls) -> {
                    RequestPrincipal p = RequestPrincipal.parse("arn:aws:iam::" + a + ":role/intruder");
                    Map<String, List<String>> c = new LinkedHashMap<>(DerivedKeys.of(p, Optional.of("111122223333"), DerivedKeys.Facts.NONE));
                    if (vpce) {
                        c.put("aws:SourceVpce", List.of("vpce-0123456789abcdef1"));
                        c.put("aws:SourceVpc", List.of("vpc-0123456789abcdef1"));
                    } else {
                        c.put("aws:SourceIp", List.of(address));
                    }
                    o.ifPresent(org -> c.put("aws:PrincipalOrgID", List.of(org)));
                    c.put("aws:SecureTransport", List.of(Boolean.toString(tls)));
                    String resource = action.equals("s3:ListBucket") ? B : B + "/k";
                    return new Request(action, resource, p, Optional.of("111122223333"), ContextKeys.of(c));
                });
    }

    private static Policy policy(String json) {
        return PolicyReader.parse(json).parsed().orElseThrow(() -> new AssertionError(json)).policy();
    }
}
