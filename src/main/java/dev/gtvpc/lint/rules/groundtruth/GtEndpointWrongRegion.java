package dev.gtvpc.lint.rules.groundtruth;

import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
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
        super("gt-endpoint-wrong-region", Severity.ERROR, "ground-truth", "A Ground Truth endpoint of another region.",
                Docs.GROUND_TRUTH_VPC);
    }

    @Override
    public void check(LintContext c) {
        Optional<RegionInfo> expected = c.groundTruthRegion();
        if (expected.isEmpty()) {
            return;
        }
        for (PolicyScan.ValueAt v : c.valuesOf("aws:SourceVpce")) {
            Optional<RegionInfo> region = c.regionOfEndpoint(v.value());
            if (region.isPresent() && !region.get().region().equals(expected.get().region())) {
                c.report(v.pointer(), v.value() + " is Ground Truth's endpoint in " + region.get().region()
                        + ", but the bucket is in " + expected.get().region()
                        + (c.options().region().isPresent() ? " (--region)" : " (the region of the first Ground Truth endpoint)")
                        + "; bucket, endpoints and labeling job must share a region",
                        "use " + expected.get().groundTruthEndpoint().value() + ", Ground Truth's endpoint in " + expected.get().region());
            }
        }
    }
}
