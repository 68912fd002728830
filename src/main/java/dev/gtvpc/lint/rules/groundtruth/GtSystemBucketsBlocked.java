package dev.gtvpc.lint.rules.groundtruth;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.groundtruth.EndpointPolicy;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Need;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.lint.rules.Docs;
import dev.gtvpc.lint.rules.Probes;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warns when a VPC endpoint policy lets nothing through to Ground Truth's system buckets of the
 * region ({@code sagemaker-labeling-data-REGION}, {@code sm-bxcb-REGION-saved-task-states}), which the
 * page says the VPC must reach: the worker portal reads task data and saves task state there. gtvpc
 * asks the evaluator whether s3:GetObject or s3:PutObject on an object of each bucket is allowed
 * through the endpoint for any of an anonymous caller, a role of the account the policy names and a
 * role of another account; when none is, workers' tasks fail to load or save. Runs with
 * {@code --policy-type vpc-endpoint} when the region is known (--region). Page: the Ground Truth VPC
 * page, Prerequisites.
 */
public final class GtSystemBucketsBlocked extends BaseRule {
    public GtSystemBucketsBlocked() {
        super(RuleInfo.of("gt-system-buckets-blocked", Severity.WARNING, RuleGroup.GROUND_TRUTH, 50,
                "The endpoint policy lets nothing through to Ground Truth's system buckets.", Docs.GROUND_TRUTH_VPC)
                .needing(Need.EVALUATOR, Need.TRUSTED_SERVICE));
    }

    @Override
    public void check(LintContext c) {
        Optional<String> region = GroundTruth.region(c);
        if (c.options().kind() != PolicyKind.VPC_ENDPOINT || region.isEmpty()) {
            return;
        }
        String partition = c.space().perimeter().partition();
        Origin endpoint = Probes.normalEndpoint(c);
        List<Caller> callers = List.of(Probes.anonymous(c), Probes.administrator(c), Probes.stranger(c));
        List<String> blocked = new ArrayList<>();
        for (String bucket : RegionInfo.systemBuckets(region.get())) {
            String object = c.space().objectIn(bucket);
            boolean allowed = false;
            for (String action : EndpointPolicy.SYSTEM_BUCKET_ACTIONS) {
                for (Caller who : callers) {
                    Optional<Decision> d = Probes.evaluate(c, Probes.request(c, endpoint, who, action, object, Map.of())).decision();
                    if (d.isEmpty()) {
                        return; // a statement gtvpc cannot decide: no claim
                    }
                    allowed |= d.get() == Decision.ALLOW;
                }
            }
            if (!allowed) {
                blocked.add(bucket);
            }
        }
        if (!blocked.isEmpty()) {
            c.report("/Statement", "this endpoint policy allows neither s3:GetObject nor s3:PutObject on " + String.join(" or ", blocked)
                    + ", Ground Truth's system buckets in " + region.get() + ": the worker portal cannot load or save tasks"
                    + " through the endpoint", "add an Allow of s3:GetObject and s3:PutObject on arn:" + partition + ":s3:::"
                    + blocked.get(0) + "/* (gtvpc endpoint-policy generate --region " + region.get() + " writes it)");
        }
    }
}
