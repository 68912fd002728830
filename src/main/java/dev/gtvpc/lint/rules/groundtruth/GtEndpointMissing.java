package dev.gtvpc.lint.rules.groundtruth;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Need;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.lint.rules.Docs;
import dev.gtvpc.policy.PolicyScan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flags a policy that denies Ground Truth: gtvpc evaluates Ground Truth's own requests — each of the
 * five actions it needs (AbortMultipartUpload, GetObject, PutObject, ListBucket, GetBucketLocation),
 * through the region's Ground Truth endpoint, from a VPC that is not the user's — and reports every
 * Deny that applies. Labeling jobs on the bucket would fail. Runs when the region is known (--region,
 * or a Ground Truth endpoint in the policy). Page: the Ground Truth VPC page's endpoint table.
 */
public final class GtEndpointMissing extends BaseRule {
    public GtEndpointMissing() {
        super(RuleInfo.of("gt-endpoint-missing", Severity.ERROR, RuleGroup.GROUND_TRUTH, 10,
                "The policy denies Ground Truth's requests through the region's Ground Truth endpoint.", Docs.GROUND_TRUTH_VPC)
                .onlyFor(PolicyKind.BUCKET).needing(Need.EVALUATOR, Need.TRUSTED_SERVICE));
    }

    @Override
    public void check(LintContext c) {
        Optional<String> region = GroundTruth.region(c);
        if (region.isEmpty()) {
            return;
        }
        Map<Integer, List<String>> deniedBy = new LinkedHashMap<>();
        for (String action : GroundTruth.actions()) {
            EvaluationResult r = GroundTruth.evaluate(c, GroundTruth.request(c, region.get(), action));
            if (r.decision().filter(Decision.EXPLICIT_DENY::equals).isPresent()) {
                for (StatementTrace s : r.deciding()) {
                    deniedBy.computeIfAbsent(s.index(), k -> new ArrayList<>()).add(action);
                }
            }
        }
        String endpoint = GroundTruth.endpoint(c, region.get());
        for (Map.Entry<Integer, List<String>> e : deniedBy.entrySet()) {
            PolicyScan.StatementAt s = c.statements().get(e.getKey());
            c.report(s.pointer(), "statement " + s.label() + " denies Ground Truth " + String.join(", ", e.getValue())
                    + " through its " + region.get() + " endpoint " + endpoint + ": labeling jobs on this bucket fail",
                    "add \"" + endpoint + "\" to this statement's StringNotEquals aws:SourceVpce exemption, beside your own"
                            + " endpoints and VPCs (gtvpc policy generate writes it)");
        }
    }
}
