package dev.gtvpc.aws;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** PROVISIONAL (replaced by the wt-stubs branch). */
final class SdkCallerIdentity implements CallerIdentity {
    private final StsClient sts;
    private final String endpoint;

    SdkCallerIdentity(StsClient sts, String endpoint) {
        this.sts = sts;
        this.endpoint = endpoint;
    }

    @Override
    public Identity whoAmI() {
        try {
            GetCallerIdentityResponse r = sts.getCallerIdentity();
            return new Identity(r.account(), r.arn(), r.userId());
        } catch (SdkException e) {
            throw AwsErrors.describe("GetCallerIdentity", "", endpoint, e);
        }
    }
}
