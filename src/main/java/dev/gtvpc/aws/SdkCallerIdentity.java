package dev.gtvpc.aws;

import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** {@link CallerIdentity} over STS GetCallerIdentity, which needs no permission and so cannot be denied. */
public final class SdkCallerIdentity implements CallerIdentity {
    private final StsClient sts;
    private final String endpoint;

    /**
     * @param endpoint where the client sends requests, only to name it when the network fails
     */
    public SdkCallerIdentity(StsClient sts, String endpoint) {
        this.sts = Objects.requireNonNull(sts, "sts");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public Identity whoAmI() {
        GetCallerIdentityResponse response;
        try {
            response = sts.getCallerIdentity();
        } catch (SdkException e) {
            throw AwsErrors.describe("GetCallerIdentity", "", endpoint, e);
        }
        return new Identity(nonNull(response.account()), nonNull(response.arn()), nonNull(response.userId()));
    }

    // STS always returns all three; an empty string keeps a malformed answer from becoming an NPE.
    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
