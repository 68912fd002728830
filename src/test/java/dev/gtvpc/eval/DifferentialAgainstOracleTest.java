package dev.gtvpc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * 6,000 random Ground-Truth-style policy × request pairs (scripts/oracle/differential.mjs), each
 * decided by the independent evaluator in shared/oracle. gtvpc must agree on every pair, except the
 * ones listed in divergences.json, where the AWS documentation shows the oracle wrong; there gtvpc must
 * give the documented answer.
 */
class DifferentialAgainstOracleTest {

    @Test
    void agreesWithTheOracleOrWithTheDocumentationWhereTheyDiffer() {
        Map<String, Map<String, Object>> divergences = JsonData.list(JsonData.map(
                JsonData.read(Golden.testResource("oracle/divergences.json"))).get("divergences")).stream()
                .collect(Collectors.toMap(d -> (String) d.get("id"), d -> d));
        List<String> disagreements = new ArrayList<>();
        int pairs = 0;
        List<String> seenDivergences = new ArrayList<>();
        for (String line : Golden.read(Golden.testResource("oracle/differential.jsonl")).split("\n")) {
            Map<String, Object> group = JsonData.map(JsonData.parse(line));
            Policy policy = CasePolicies.policy(group.get("policy"));
            for (Map<String, Object> r : JsonData.list(group.get("requests"))) {
                pairs++;
                String id = (String) r.get("id");
                EvaluationResult result = Evaluator.evaluate(policy, request(r));
                String ours = result.decision().map(d -> GeneratedPoliciesAgainstOracleTest.asOracle(d, r)).orElse("ERROR");
                Map<String, Object> divergence = divergences.get(id);
                if (divergence != null) {
                    seenDivergences.add(id);
                    assertThat(r.get("oracle")).as("recorded oracle answer of divergence %s", id).isEqualTo(divergence.get("oracle"));
                    if (!ours.equals(divergence.get("gtvpc"))) {
                        disagreements.add(id + ": gtvpc " + ours + ", documented " + divergence.get("gtvpc"));
                    }
                } else if (!ours.equals(r.get("oracle"))) {
                    disagreements.add(id + ": gtvpc " + ours + ", oracle " + r.get("oracle") + " — " + trace(result));
                }
            }
        }
        assertThat(pairs).isGreaterThanOrEqualTo(5000);
        assertThat(disagreements).isEmpty();
        assertThat(seenDivergences).containsExactlyInAnyOrderElementsOf(divergences.keySet());
    }

    static Request request(Map<String, Object> r) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        JsonData.map(r.get("context")).forEach((k, v) ->
                context.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v))));
        return new Request((String) r.get("action"), (String) r.get("resource"), RequestPrincipal.parse((String) r.get("principal")),
                Optional.of((String) r.get("resourceAccount")), ContextKeys.of(context));
    }

    private static String trace(EvaluationResult result) {
        return result.statements().stream().map(s -> s.label() + " " + s.outcome() + ": " + s.reason()
                + s.conditions().stream().map(c -> " [" + c + "]").collect(Collectors.joining()))
                .collect(Collectors.joining("; "));
    }
}
