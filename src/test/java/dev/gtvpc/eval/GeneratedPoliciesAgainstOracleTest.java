package dev.gtvpc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The meaning of the generated policies, checked against decisions recorded with the independent
 * evaluator in shared/oracle (scripts/oracle/record-generate.mjs): the policy gtvpc generates today
 * is the one the oracle judged, gtvpc's evaluator agrees with the oracle on every request, and each
 * request is denied or not as the foundation issue requires (the internet, foreign endpoints and
 * VPCs, another region's Ground Truth endpoint: denied; the user's endpoints and VPCs, the region's
 * Ground Truth endpoint, the listed roles: not denied).
 */
class GeneratedPoliciesAgainstOracleTest {

    @TestFactory
    Stream<DynamicNode> recordedDecisions() {
        Map<String, Object> data = JsonData.map(JsonData.read(Golden.testResource("oracle/generate-decisions.json")));
        return JsonData.list(data.get("groups")).stream().map(group -> {
            List<String> args = JsonData.strings(group.get("args"));
            Policy recorded = CasePolicies.policy(group.get("policy"));
            DynamicTest sameOutput = DynamicTest.dynamicTest("gtvpc still generates the recorded policy", () -> {
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertThat(r.exit()).isZero();
                assertThat(PolicyReader.read(r.out(), "generated").policy()).isEqualTo(recorded);
            });
            Stream<DynamicTest> requests = JsonData.list(group.get("requests")).stream().map(req -> DynamicTest.dynamicTest(
                    req.get("scenario") + " " + req.get("action"), () -> {
                        EvaluationResult result = Evaluator.evaluate(recorded, request(req));
                        Decision decision = result.decision().orElseThrow();
                        assertThat(asOracle(decision, req)).as("gtvpc %s vs oracle", decision).isEqualTo(req.get("oracle"));
                        boolean denied = decision == Decision.EXPLICIT_DENY;
                        assertThat(denied ? "denied" : "not-denied").isEqualTo(req.get("expect"));
                    }));
            return DynamicContainer.dynamicContainer(group.get("variant") + ": " + String.join(" ", args),
                    Stream.concat(Stream.of(sameOutput), requests));
        });
    }

    private static Request request(Map<String, Object> r) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        JsonData.map(r.get("context")).forEach((k, v) -> context.put(k, List.of((String) v)));
        // the context exactly as the oracle saw it: no keys derived on this side
        return new Request((String) r.get("action"), (String) r.get("resource"), RequestPrincipal.parse((String) r.get("principal")),
                Optional.of((String) r.get("resourceAccount")), ContextKeys.of(context));
    }

    /**
     * The oracle's words for gtvpc's decision. Its identity policy allows s3:*, so a request the
     * bucket policy leaves alone is Allowed for the bucket's own account and ImplicitlyDenied for
     * anyone else (another account, or anonymous with no identity policy at all).
     */
    static String asOracle(Decision decision, Map<String, Object> r) {
        return switch (decision) {
            case EXPLICIT_DENY -> "ExplicitlyDenied";
            case ALLOW -> "Allowed";
            case IMPLICIT_DENY -> "ImplicitlyDenied";
            case NOT_DENIED -> {
                RequestPrincipal p = RequestPrincipal.parse((String) r.get("principal"));
                boolean sameAccount = p.account().map(a -> a.equals(r.get("resourceAccount"))).orElse(false);
                yield sameAccount ? "Allowed" : "ImplicitlyDenied";
            }
        };
    }
}
