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
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.policy.Policy;
import java.util.List;
import java.util.Map;
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
        String account = request.bucketAccount().orElseGet(() -> request.principalArns().stream()
                .map(a -> Arn.parse(a).map(Arn::account).orElse("")).filter(AwsIds::isAccountId).findFirst()
                .orElse(Witnesses.UNKNOWN_ACCOUNT));
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
        for (String org : request.vpceOrgs()) {
            throughOrganization(generated.policy(), request, partition, account, org);
        }
        return report;
    }

    /**
     * The request space's endpoints carry no organization but the bucket account's, and verify counts every
     * endpoint it was not named as outside; so an endpoint of a --vpce-org organization is checked here, on
     * its own: one through a fresh endpoint that organization owns, by a principal of the bucket's account,
     * for every action the Deny names, on the bucket and on an object.
     */
    private static void throughOrganization(Policy policy, GenerateRequest request, String partition, String account, String org) {
        String bucketArn = "arn:" + partition + ":s3:::" + request.bucket();
        for (String action : request.actions()) {
            for (String resource : List.of(bucketArn, bucketArn + "/" + Witnesses.FRESH_KEY)) {
                Map<String, List<String>> context = Map.of("aws:SourceVpce", List.of(Witnesses.FRESH_VPCE),
                        "aws:SourceVpc", List.of(Witnesses.FRESH_VPC), "aws:VpceOrgID", List.of(org));
                Request r = new Request(action, resource, RequestPrincipal.parse("arn:" + partition + ":iam::" + account + ":role/gtvpc-check"),
                        Optional.of(account), ContextKeys.of(context)).withPrincipalKeys();
                Optional<Decision> decision = Evaluator.evaluate(policy, r).decision();
                if (decision.filter(Decision.NOT_DENIED::equals).isEmpty()) {
                    throw new GtvpcException(ExitCode.CHECK_FAILED, "internal error: the generated policy does not let an endpoint of "
                            + org + " through (" + action + " on " + resource + " is " + decision.map(Enum::name).orElse("undecided")
                            + "); this is a bug in gtvpc, please report it with the command you ran");
                }
            }
        }
    }
}
