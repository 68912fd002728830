package dev.gtvpc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The evaluator against the case files in {@code src/test/resources/eval}: each case is a policy and
 * a request with the decision IAM's documentation gives (or {@code ERROR} where it refuses to
 * guess), and optionally the statements that decided.
 */
class EvaluatorCasesTest {

    @TestFactory
    Stream<DynamicNode> caseFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Golden.testResource("eval"))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream().map(file -> {
            Map<String, Object> data = JsonData.map(JsonData.read(file));
            // every case rests on a page of the AWS documentation: the file's, or its own
            assertThat(JsonData.list(data.get("cases"))).as("%s: a \"source\" for every case", file.getFileName())
                    .allSatisfy(c -> assertThat(data.containsKey("source") || c.containsKey("source")).isTrue());
            Object defaultPolicy = data.get("policy");
            return DynamicContainer.dynamicContainer(file.getFileName().toString(),
                    JsonData.list(data.get("cases")).stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"),
                            () -> check(c, c.containsKey("policy") ? c.get("policy") : defaultPolicy))));
        });
    }

    static Request request(Map<String, Object> c) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        JsonData.map(c.getOrDefault("context", Map.of())).forEach((k, v) ->
                context.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v))));
        Request request = new Request((String) c.get("action"), (String) c.get("resource"),
                RequestPrincipal.parse((String) c.get("principal")),
                Optional.ofNullable((String) c.get("bucketAccount")), ContextKeys.of(context));
        return Boolean.FALSE.equals(c.get("derivePrincipalKeys")) ? request : request.withPrincipalKeys();
    }

    private static void check(Map<String, Object> c, Object policyJson) {
        EvaluationResult result = Evaluator.evaluate(CasePolicies.policy(policyJson), request(c));
        String expect = (String) c.get("expect");
        if (expect.equals("ERROR")) {
            assertThat(result.decision()).as("decision").isEmpty();
            assertThat(result.errors()).anySatisfy(e -> assertThat(e).contains((String) c.get("error")));
            return;
        }
        assertThat(result.decision()).as("decision; trace %s", result.statements()).contains(Decision.valueOf(expect));
        if (c.containsKey("trace")) {
            List<Map<String, Object>> expected = JsonData.list(c.get("trace"));
            assertThat(result.statements()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                Map<String, Object> e = expected.get(i);
                StatementTrace actual = result.statements().get(i);
                assertThat(actual.label()).isEqualTo(e.get("statement"));
                assertThat(actual.outcome().name()).isEqualTo(e.get("outcome"));
                assertThat(actual.reason()).isEqualTo(e.get("reason"));
                assertThat(actual.conditions()).extracting(ConditionTrace::toString)
                        .containsExactlyElementsOf(JsonData.strings(e.get("conditions")));
            }
        }
        if (c.containsKey("statements")) {
            assertThat(result.deciding()).extracting(StatementTrace::label)
                    .containsExactlyElementsOf(JsonData.strings(c.get("statements")));
        }
    }
}
