package dev.gtvpc.groundtruth;

import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.space.Witnesses;
import dev.gtvpc.verify.VerificationReport;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.util.List;
import java.util.Optional;

/**
 * {@code policy generate} proves its own output before printing it: Ground Truth, each VPC, endpoint
 * and role, and the endpoints of each {@code --vpce-org} organization get in, everyone else is denied. A property that does not hold is a bug in gtvpc, never
 * the user's fault, and is reported as such rather than printed as a policy.
 */
public final class SelfCheck {
    private SelfCheck() {
    }

    public static VerificationReport check(GenerateRequest request, GroundTruthPolicy.Generated generated, String partition) {
        String account = request.bucketAccount().orElseGet(() -> request.principalArns().stream()
                .map(a -> Arn.parse(a).map(Arn::account).orElse("")).filter(AwsIds::isAccountId).findFirst()
                .orElse(Witnesses.UNKNOWN_ACCOUNT));
        VerifyInputs inputs = VerifyInputs.of(request.region(), partition, request.bucket(), account)
                .withServiceEndpoints(List.of(GroundTruthAccess.endpoint(generated.groundTruthEndpoint(), request.region())))
                .withNetwork(request.vpcs(), request.vpces(), List.of())
                .withPrincipals(request.principalArns(), Optional.empty())
                .withEndpointOrganizations(request.vpceOrgs());
        VerificationReport report = Verifier.verify(generated.policy(), inputs, Optional.empty()).requireProved("the generated policy");
        // every --vpce-org's endpoints are inside; that each gets in is proved as the bucket account's organization with its
        // endpoints inside (org-endpoint-can-access), one organization at a time
        for (String org : request.vpceOrgs()) {
            Verifier.verify(generated.policy(), inputs.withOrganization(Optional.of(org), List.of())
                    .withTagsAndEndpoints(Optional.empty(), Optional.empty(), true, List.of()), Optional.empty())
                    .requireProved("the generated policy, with the endpoints of " + org + " inside,");
        }
        return report;
    }
}
