package dev.gtvpc.groundtruth;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PrincipalBlock;
import dev.gtvpc.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity policies allow each documented action on the resource it acts on, and nothing else.
 * The evaluator decides resource policies, which name their principal; an identity policy applies to
 * whoever it is attached to, so each statement is given {@code "Principal": "*"} before evaluation.
 */
class IdentityPolicyEvaluationTest {
    private static final String BUCKET = "labeling-data";
    private static final String PRINCIPAL = "arn:aws:iam::111122223333:role/LabelingJobRole";
    private static final S3ActionCatalog CATALOG = S3ActionCatalog.bundled();

    @TestFactory
    Stream<DynamicTest> eachDocumentedActionIsAllowedOnItsResourceAndOthersAreNot() {
        List<DynamicTest> tests = new ArrayList<>();
        for (IdentityPolicyAudience audience : IdentityPolicyAudience.values()) {
            Policy policy = asAttached(IdentityPolicy.generate(audience, List.of(BUCKET), "aws", CATALOG));
            for (String action : audience.actions()) {
                String resource = resourceOf(action);
                tests.add(DynamicTest.dynamicTest(audience.cliName() + " may " + action + " on " + resource,
                        () -> assertThat(decide(policy, action, resource)).isEqualTo(Decision.ALLOW)));
            }
            List<String[]> notAllowed = List.of(
                    new String[] {"s3:DeleteObject", "arn:aws:s3:::" + BUCKET + "/a.jpg"},
                    new String[] {"s3:PutBucketPolicy", "arn:aws:s3:::" + BUCKET},
                    new String[] {"s3:GetObject", "arn:aws:s3:::another-bucket/a.jpg"},
                    new String[] {"s3:ListBucket", "arn:aws:s3:::" + BUCKET + "/a.jpg"},
                    new String[] {"s3:GetObject", "arn:aws:s3:::" + BUCKET});
            for (String[] request : notAllowed) {
                tests.add(DynamicTest.dynamicTest(audience.cliName() + " may not " + request[0] + " on " + request[1],
                        () -> assertThat(decide(policy, request[0], request[1])).isEqualTo(Decision.NOT_DENIED)));
            }
        }
        Policy executionRole = asAttached(IdentityPolicy.generate(IdentityPolicyAudience.EXECUTION_ROLE, List.of(BUCKET), "aws", CATALOG));
        tests.add(DynamicTest.dynamicTest("execution-role may not s3:ListAllMyBuckets (the page lists it for console users only)",
                () -> assertThat(decide(executionRole, "s3:ListAllMyBuckets", "*")).isEqualTo(Decision.NOT_DENIED)));
        tests.add(DynamicTest.dynamicTest("execution-role may not s3:PutBucketCORS",
                () -> assertThat(decide(executionRole, "s3:PutBucketCORS", "arn:aws:s3:::" + BUCKET)).isEqualTo(Decision.NOT_DENIED)));
        return tests.stream();
    }

    /** The resource a request for {@code action} names, by the catalogue's resource types. */
    private static String resourceOf(String action) {
        S3ActionCatalog.Action a = CATALOG.find(action).orElseThrow();
        if (a.onObjects()) {
            return "arn:aws:s3:::" + BUCKET + "/images/0001.jpg";
        }
        return a.onBucket() ? "arn:aws:s3:::" + BUCKET : "*";
    }

    private static Policy asAttached(Policy identityPolicy) {
        assertThat(identityPolicy.statements()).allSatisfy(s -> assertThat(s.principal()).isEmpty());
        List<Statement> statements = identityPolicy.statements().stream()
                .map(s -> s.toBuilder().principal(PrincipalBlock.everyone()).build()).toList();
        return identityPolicy.toBuilder().statements(statements).build();
    }

    private static Decision decide(Policy policy, String action, String resource) {
        Request request = new Request(action, resource, RequestPrincipal.parse(PRINCIPAL), Optional.of("111122223333"),
                ContextKeys.of(Map.of())).withPrincipalKeys();
        return Evaluator.evaluate(policy, request).decision().orElseThrow();
    }
}
