package dev.gtvpc.lint.rules.groundtruth;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Need;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.lint.rules.Docs;
import dev.gtvpc.policy.PolicyScan;
import java.util.Optional;

/**
 * Flags a Ground Truth endpoint of another region than the bucket's: with --region, any other
 * region's endpoint; without it, every endpoint of a region other than the first one named. The
 * bucket, the endpoints and the labeling job must share one region, so the other endpoint exempts
 * nothing useful and the right one is probably missing.
 */
public final class GtEndpointWrongRegion extends BaseRule {
    public GtEndpointWrongRegion() {
        super(RuleInfo.of("gt-endpoint-wrong-region", Severity.ERROR, RuleGroup.GROUND_TRUTH, 20,
                "A Ground Truth endpoint of another region.", Docs.GROUND_TRUTH_VPC)
                .onlyFor(PolicyKind.BUCKET).needing(Need.TRUSTED_SERVICE));
    }

    @Override
    public void check(LintContext c) {
        Optional<String> expected = GroundTruth.region(c);
        if (expected.isEmpty()) {
            return;
        }
        for (PolicyScan.ValueAt v : c.valuesOf("aws:SourceVpce")) {
            Optional<String> region = GroundTruth.regionOfEndpoint(c, v.value());
            if (region.isPresent() && !region.get().equals(expected.get())) {
                c.report(v.pointer(), v.value() + " is Ground Truth's endpoint in " + region.get()
                        + ", but the bucket is in " + expected.get()
                        + (c.options().region().isPresent() ? " (--region)" : " (the region of the first Ground Truth endpoint)")
                        + "; bucket, endpoints and labeling job must share a region",
                        "use " + GroundTruth.endpoint(c, expected.get()) + ", Ground Truth's endpoint in " + expected.get());
            }
        }
    }
}
