package dev.gtvpc.groundtruth;

import dev.gtvpc.verify.TrustedService;
import dev.gtvpc.verify.VerifyInputs;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What Ground Truth needs of a bucket, as the engine checks it: its service endpoint in the region
 * must not be denied the five actions the labeling jobs use
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/samurai-vpc-labeling-job.html). Kept here so that
 * the engine knows only a trusted service and its endpoints, not Ground Truth.
 */
public final class GroundTruthAccess {
    public static final String PROPERTY = "gt-can-access";
    public static final String SERVICE = "Ground Truth";

    private GroundTruthAccess() {
    }

    /** Ground Truth as the engine knows it: its endpoint in every region of {@code table}. */
    public static TrustedService service(RegionTable table) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (RegionInfo r : table.regions()) {
            endpoints.put(r.region(), r.groundTruthEndpoint().value());
        }
        return new TrustedService(SERVICE, PROPERTY, ActionSelection.GROUND_TRUTH_ACTIONS, endpoints);
    }

    /** {@code vpce} as Ground Truth's endpoint in {@code region}, whether the table lists it or not. */
    public static VerifyInputs.TrustedEndpoint endpoint(String vpce, String region) {
        return new TrustedService(SERVICE, PROPERTY, ActionSelection.GROUND_TRUTH_ACTIONS, Map.of()).endpoint(vpce, region);
    }
}
