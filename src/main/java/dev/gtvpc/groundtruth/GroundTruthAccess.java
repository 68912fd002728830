package dev.gtvpc.groundtruth;

import dev.gtvpc.verify.VerifyInputs;

/**
 * What Ground Truth needs of a bucket, as {@code verify} checks it: its service endpoint in the region
 * must not be denied the five actions the labeling jobs use
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/samurai-vpc-labeling-job.html). Kept here so that
 * {@code verify} knows only trusted endpoints, not Ground Truth.
 */
public final class GroundTruthAccess {
    public static final String PROPERTY = "gt-can-access";

    private GroundTruthAccess() {
    }

    public static VerifyInputs.TrustedEndpoint endpoint(String vpce, String region) {
        return new VerifyInputs.TrustedEndpoint(PROPERTY, "Ground Truth", vpce, vpce + " (" + region + ")", ActionSelection.GROUND_TRUTH_ACTIONS);
    }
}
