package dev.gtvpc.rcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.verify.PropertyResult;
import dev.gtvpc.verify.VerificationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RCP {@code rcp generate} writes is proved over the whole request space, each exception by its own
 * property, and a broken one is not printed: an RCP that leaves out an exception the request names fails the proof.
 */
class NetworkRcpCheckTest {
    private static final String GT = "vpce-08408e335ebf95b40";
    private static final NetworkRcpRequest EVERY_EXCEPTION = new NetworkRcpRequest("o-a1b2c3d4e5", List.of("203.0.113.0/24"),
            List.of("444455556666"), List.of("127311923021"), true, true,
            List.of(new NetworkRcpRequest.ServiceEndpoint(GT, "Ground Truth in us-east-1")), NetworkRcpRequest.GUIDANCE_ACTIONS,
            NetworkRcpRequest.DEFAULT_SID);

    @Test
    void everyExceptionIsProvedByItsOwnProperty() {
        VerificationReport report = NetworkRcpCheck.check(EVERY_EXCEPTION, NetworkRcp.generate(EVERY_EXCEPTION),
                List.of(GroundTruthAccess.endpoint(GT, "us-east-1")), "us-east-1");
        assertThat(report.results()).allMatch(r -> r.status() == PropertyResult.Status.PROVED);
        assertThat(report.results()).extracting(PropertyResult::property).containsExactlyInAnyOrder("gt-can-access",
                "org-endpoint-can-access", "endpoint-account-can-access", "cidr-can-access", "role-can-access", "account-can-access",
                "aws-service-can-access", "outside-denied");
    }

    @Test
    void anRcpWithoutTheGroundTruthExceptionIsNotProved() {
        NetworkRcpRequest without = new NetworkRcpRequest("o-a1b2c3d4e5", EVERY_EXCEPTION.cidrs(), EVERY_EXCEPTION.endpointAccounts(),
                EVERY_EXCEPTION.serviceAccounts(), true, true, List.of(), NetworkRcpRequest.GUIDANCE_ACTIONS, NetworkRcpRequest.DEFAULT_SID);
        Policy locksGroundTruthOut = NetworkRcp.generate(without);
        assertThatThrownBy(() -> NetworkRcpCheck.check(EVERY_EXCEPTION, locksGroundTruthOut, List.of(GroundTruthAccess.endpoint(GT, "us-east-1")),
                "us-east-1")).isInstanceOf(GtvpcException.class).hasMessageContaining("does not prove gt-can-access");
    }
}
