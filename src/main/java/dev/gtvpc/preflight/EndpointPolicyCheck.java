package dev.gtvpc.preflight;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.groundtruth.EndpointPolicy;
import dev.gtvpc.groundtruth.EndpointPolicyRequest;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an S3 endpoint's policy lets the VPC do what Ground Truth needs through it. An endpoint policy
 * is an allow list: a request passes only when a statement allows it. What must pass is exactly what
 * {@code gtvpc endpoint-policy generate} grants for the bucket (the five Ground Truth actions on the
 * labeling bucket, s3:GetObject and s3:PutObject on the objects of the region's two system buckets), so
 * the check and the fix it suggests cannot disagree.
 *
 * <p>The requests come from the VPC through the endpoint, over TLS, as a principal of the caller's
 * account (its root ARN, which a policy naming the account or "*" covers). A policy that lets only
 * certain roles through is reported with the request it does not allow: gtvpc cannot know which role
 * the job's containers and the worker portal will use.
 */
final class EndpointPolicyCheck {
    private EndpointPolicyCheck() {
    }

    /** One request the endpoint policy does not allow, and what it decided instead. */
    record Refusal(String action, String resource, String decision) {
    }

    /** The (action, resource) pairs that must be allowed, as the generated endpoint policy lists them. */
    static List<String[]> needed(String region, String bucket, RegionTable table) {
        Policy expected = EndpointPolicy.generate(new EndpointPolicyRequest(region, List.of(bucket), List.of()), table,
                S3ActionCatalog.bundled());
        List<String[]> pairs = new ArrayList<>();
        for (Statement s : expected.statements()) {
            if (s.effect().filter(Effect.ALLOW::equals).isEmpty() || s.action().isEmpty() || s.resource().isEmpty()) {
                continue;
            }
            for (String action : s.action().get().actions().items()) {
                for (String resource : s.resource().get().resources().items()) {
                    pairs.add(new String[] {action, concrete(resource)});
                }
            }
        }
        return pairs;
    }

    /** Every needed request the policy does not allow; empty when it allows them all. */
    static List<Refusal> refusals(Policy endpointPolicy, List<String[]> needed, RegionInfo region, String bucket, String account,
            String endpointId, String vpcId) {
        RequestPrincipal principal = RequestPrincipal.parse("arn:" + region.partition().value() + ":iam::" + account + ":root");
        Map<String, List<String>> context = new LinkedHashMap<>();
        context.put("aws:SourceVpce", List.of(endpointId));
        context.put("aws:SourceVpc", List.of(vpcId));
        context.put("aws:SecureTransport", List.of("true"));
        List<Refusal> refused = new ArrayList<>();
        for (String[] pair : needed) {
            // the system buckets belong to AWS, not to the caller's account
            Optional<String> owner = bucketOf(pair[1]).equals(bucket) ? Optional.of(account) : Optional.empty();
            Request request = new Request(pair[0], pair[1], principal, owner, ContextKeys.of(context)).withPrincipalKeys();
            EvaluationResult result = Evaluator.evaluate(endpointPolicy, request);
            if (!result.decision().equals(Optional.of(Decision.ALLOW))) {
                String decided = result.decision().map(d -> d == Decision.NOT_DENIED ? "not allowed (no statement allows it)"
                        : "denied by statement " + String.join(", ", result.deciding().stream().map(t -> t.label()).toList()))
                        .orElse("given no decision (" + String.join("; ", result.errors()) + ")");
                refused.add(new Refusal(pair[0], pair[1], decided));
            }
        }
        return refused;
    }

    /** An object pattern ({@code arn:aws:s3:::b/*}) becomes one object in it; a bucket ARN stays. */
    private static String concrete(String resource) {
        return resource.endsWith("/*") ? resource.substring(0, resource.length() - 1) + "gtvpc-preflight/object" : resource;
    }

    private static String bucketOf(String arn) {
        String rest = arn.substring(arn.indexOf(":::") + 3);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
