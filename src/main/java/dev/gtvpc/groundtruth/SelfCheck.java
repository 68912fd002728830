package dev.gtvpc.groundtruth;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.space.Witnesses;
import dev.gtvpc.verify.PropertyResult;
import dev.gtvpc.verify.VerificationReport;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.util.List;
import java.util.Optional;

/**
 * {@code policy generate} proves its own output before printing it: Ground Truth, each VPC, endpoint
 * and role gets in, everyone else is denied. A property that does not hold is a bug in gtvpc, never
 * the user's fault, and is reported as such rather than printed as a policy.
 */
public final class SelfCheck {
    private SelfCheck() {
    }

    public static VerificationReport check(GenerateRequest request, GroundTruthPolicy.Generated generated, String partition) {
        String account = request.principalArns().stream().map(a -> Arn.parse(a).map(Arn::account).orElse(""))
                .filter(AwsIds::isAccountId).findFirst().orElse(Witnesses.UNKNOWN_ACCOUNT);
        VerifyInputs inputs = VerifyInputs.of(request.region(), partition, request.bucket(), account)
                .withServiceEndpoints(List.of(GroundTruthAccess.endpoint(generated.groundTruthEndpoint(), request.region())))
                .withNetwork(request.vpcs(), request.vpces(), List.of())
                .withPrincipals(request.principalArns(), Optional.empty());
        VerificationReport report = Verifier.verify(generated.policy(), inputs, Optional.empty());
        for (PropertyResult r : report.results()) {
            if (r.status() != PropertyResult.Status.PROVED) {
                throw new GtvpcException(ExitCode.CHECK_FAILED, "internal error: the generated policy does not prove " + r.property()
                        + " for " + r.subject() + r.counterexample().map(c -> " (" + c.request().action() + " by " + c.caller().label()
                        + " from " + c.origin() + " is " + c.decision().map(Enum::name).orElse("undecided") + ")").orElse("")
                        + "; this is a bug in gtvpc, please report it with the command you ran");
            }
        }
        return report;
    }
}
