package dev.gtvpc.lint.rules.groundtruth;

import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.groundtruth.ActionSelection;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.rules.Keys;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.policy.Wildcards;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the Ground Truth rules share: the region and its endpoint, Ground Truth's own request, and what an exemption is. */
final class GroundTruth {
    static final Set<String> EXEMPTION_KEYS = Set.of(Keys.SOURCE_VPCE, Keys.SOURCE_VPC, Keys.PRINCIPAL_ARN);

    private GroundTruth() {
    }

    /**
     * The region the Ground Truth rules check against: --region, else the region whose Ground Truth
     * endpoint the policy names. Empty when neither, or when the trusted service is not Ground Truth:
     * the Ground Truth rules then stay silent.
     */
    static Optional<String> region(LintContext c) {
        return c.trustedService().property().equals(GroundTruthAccess.PROPERTY) ? c.serviceRegion() : Optional.empty();
    }

    /** Ground Truth's endpoint in {@code region}, one {@link #region} returned. */
    static String endpoint(LintContext c, String region) {
        return c.trustedService().endpoints().get(region);
    }

    /** The region whose Ground Truth endpoint {@code vpce} is. */
    static Optional<String> regionOfEndpoint(LintContext c, String vpce) {
        return c.trustedService().regionOf(vpce);
    }

    /**
     * Ground Truth doing {@code action} through its endpoint in {@code region}, from a VPC that is not the
     * user's, as the bucket's account's execution role.
     */
    static Request request(LintContext c, String region, String action) {
        String role = "arn:" + c.space().perimeter().partition() + ":iam::" + c.space().perimeter().bucketAccount()
                + ":role/service-role/AmazonSageMaker-ExecutionRole";
        return c.space().request(action, c.space().resourceOf(action),
                c.space().normalThroughService(endpoint(c, region)), c.space().sessionOrSelf(role), Map.of());
    }

    static List<String> actions() {
        return ActionSelection.GROUND_TRUTH_ACTIONS;
    }

    static EvaluationResult evaluate(LintContext c, Request request) {
        return Evaluator.evaluate(c.policy(), request);
    }

    /** True when the statement is a Deny whose Action (or NotAction) covers {@code action}. */
    static boolean denies(PolicyScan.StatementAt s, String action) {
        if (s.statement().effect().filter(Effect.DENY::equals).isEmpty() || s.statement().action().isEmpty()) {
            return false;
        }
        ActionBlock a = s.statement().action().get();
        boolean named = a.actions().items().stream().anyMatch(p -> Wildcards.matchesIgnoreCase(p, action));
        return named != a.negated();
    }

    /** The exemption keys of a Deny: SourceVpce, SourceVpc or PrincipalArn under a negated operator (not ForAnyValue). */
    static List<String> exemptionKeys(LintContext c, PolicyScan.StatementAt s) {
        return c.conditionEntries(s).stream()
                .filter(e -> EXEMPTION_KEYS.contains(Keys.lower(e.entry().key())))
                .filter(e -> e.block().operator().type().map(OperatorType::negated).orElse(false))
                .filter(e -> e.block().operator().qualifier() != SetQualifier.FOR_ANY_VALUE)
                .map(e -> e.entry().key())
                .toList();
    }
}
