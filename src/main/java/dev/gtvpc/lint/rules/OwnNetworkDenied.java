package dev.gtvpc.lint.rules;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Need;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With --vpc and --vpce, checks that the policy lets the user's own network in: gtvpc evaluates the
 * data actions Ground Truth's workflow uses (GetObject, PutObject, ListBucket, …) from each named VPC
 * (through an endpoint the policy does not name) and through each named endpoint (from a VPC it does
 * not name), and reports every Deny that applies — the wrong or missing ID that would lock the VPC
 * out of its own data.
 */
public final class OwnNetworkDenied extends BaseRule {
    /** What a data workflow does on the bucket (Ground Truth's labeling jobs do exactly these five). */
    private static final List<String> WORKLOAD_ACTIONS = List.of("s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject",
            "s3:ListBucket", "s3:GetBucketLocation");

    public OwnNetworkDenied() {
        super(RuleInfo.of("own-network-denied", Severity.ERROR, RuleGroup.SAFETY, 10,
                "The policy denies the VPCs or endpoints named with --vpc/--vpce.", Docs.S3_VPC_ENDPOINT_POLICIES)
                .needing(Need.EVALUATOR, Need.USER_NETWORK));
    }

    @Override
    public void check(LintContext c) {
        for (String vpc : c.options().vpcs()) {
            check(c, "your VPC " + vpc + " (--vpc)", Probes.ownVpc(c, vpc));
        }
        for (String vpce : c.options().vpces()) {
            check(c, "your endpoint " + vpce + " (--vpce)", Probes.ownEndpoint(c, vpce));
        }
    }

    /** A principal of the bucket's account from {@code from}, with nothing else in the request (as Ground Truth's checks ask). */
    private static void check(LintContext c, String origin, Origin from) {
        Caller member = Probes.administrator(c);
        Map<Integer, List<String>> deniedBy = new LinkedHashMap<>();
        for (String action : WORKLOAD_ACTIONS) {
            Request request = c.space().request(action, c.space().resourceOf(action), from, member, Map.of());
            EvaluationResult r = Evaluator.evaluate(c.policy(), request);
            if (r.decision().filter(Decision.EXPLICIT_DENY::equals).isPresent()) {
                for (StatementTrace s : r.deciding()) {
                    deniedBy.computeIfAbsent(s.index(), k -> new ArrayList<>()).add(action);
                }
            }
        }
        for (Map.Entry<Integer, List<String>> e : deniedBy.entrySet()) {
            PolicyScan.StatementAt s = c.statements().get(e.getKey());
            c.report(s.pointer(), "statement " + s.label() + " denies " + String.join(", ", e.getValue()) + " from " + origin,
                    "add its ID to the statement's StringNotEquals exemption (aws:SourceVpc for a VPC, aws:SourceVpce for an endpoint)");
        }
    }
}
