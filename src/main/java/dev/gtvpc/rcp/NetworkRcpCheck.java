package dev.gtvpc.rcp;

import dev.gtvpc.layers.Layer;
import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.space.Witnesses;
import dev.gtvpc.verify.Layers;
import dev.gtvpc.verify.VerificationReport;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rcp generate} proves its own output before printing it, as {@code policy generate} does: the RCP,
 * attached above a member account's bucket that has no bucket policy, is verified with the layered
 * verifier over the whole request space, the perimeter being exactly the exceptions it writes — every
 * endpoint of the organization, each third party's endpoints, each corporate range, each named account,
 * each service's endpoint (Ground Truth's), AWS services and EC2's infrastructure role must get in, and
 * every other origin and principal must be denied. The organization's principals are taken to carry the
 * tags the RCP selects on ({@code dp:include:network=true} with {@code --only-tagged}, else none) and the
 * bucket none, so the {@code dp:exclude:network} exception is written but not what lets anyone in here.
 * A property that does not hold is a bug in gtvpc, never the user's fault.
 */
public final class NetworkRcpCheck {
    private static final String INCLUDE_TAG = "dp:include:network";

    private NetworkRcpCheck() {
    }

    /**
     * The proof of {@code rcp}, written for {@code request}; {@code serviceEndpoints} are the request's service
     * endpoints as verify knows them (the actions each service needs), {@code region} the Region they are in.
     */
    public static VerificationReport check(NetworkRcpRequest request, Policy rcp, List<VerifyInputs.TrustedEndpoint> serviceEndpoints,
            String region) {
        VerifyInputs inputs = VerifyInputs.of(region, "aws", Witnesses.UNKNOWN_BUCKET, Witnesses.UNKNOWN_ACCOUNT)
                .withOrganization(Optional.of(request.orgId()), List.of())
                .withServiceEndpoints(serviceEndpoints)
                .withNetwork(List.of(), List.of(), request.cidrs())
                .withPrincipals(List.of(NetworkRcp.EC2_INFRASTRUCTURE_ROLE.replace("*", Witnesses.UNKNOWN_ACCOUNT)), Optional.empty())
                .withTrustedAccounts(request.serviceAccounts())
                .withAwsServiceAccess(true)
                .withTagsAndEndpoints(Optional.of(request.onlyTagged() ? Map.of(INCLUDE_TAG, "true") : Map.of()), Optional.of(Map.of()),
                        true, request.endpointAccounts());
        Layers layers = new Layers(List.of(new LayerPolicy(Layer.RCP, "the generated RCP", rcp)), List.of(), List.of(), Optional.empty(),
                false);
        return Verifier.verify(NO_BUCKET_POLICY, "(no bucket policy)", layers, inputs, Optional.empty(), false)
                .requireProved("the generated RCP");
    }

    private static final Policy NO_BUCKET_POLICY = Policy.builder().build();
}
