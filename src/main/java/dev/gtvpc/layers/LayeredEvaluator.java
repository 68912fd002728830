package dev.gtvpc.layers;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a request as AWS does with every layer it applies (IAM User Guide, "Policy evaluation logic"
 * and reference_policies_evaluation-logic_policy-eval-denyallow.html; the RCP and SCP pages of the AWS
 * Organizations User Guide; the PrivateLink Guide's endpoint policies):
 * <ol>
 * <li>each layer is asked within its scope ({@link Scopes}): RCPs of a member account's bucket, SCPs of a
 *     member account's principals (neither for a service-linked role nor the management account), the
 *     endpoint policy of the endpoint on the path, the bucket policy, the principal's identity policies;</li>
 * <li>an explicit Deny in any layer denies ("If the enforcement code finds even one explicit deny that
 *     applies, the enforcement code returns a final decision of Deny"), but the bucket policy's Deny does
 *     not stop the bucket owner's root user from managing the bucket policy;</li>
 * <li>an SCP level or an endpoint policy without an applicable Allow denies: guardrails that grant
 *     nothing but must let the request pass (RCPs always do: RCPFullAWSAccess cannot be detached);</li>
 * <li>then the request must be granted: within the bucket's account by the bucket policy or an identity
 *     policy; from another account by both; an anonymous or AWS service principal by the bucket policy;
 *     the bucket account's root user needs no grant. Without identity policies a principal of the
 *     bucket's account that the bucket policy does not grant is {@link Decision#NOT_DENIED}: its identity
 *     policies decide, as today's single-policy answer says.</li>
 * </ol>
 * A layer whose statement gtvpc cannot evaluate leaves the decision empty unless another layer denies.
 */
public final class LayeredEvaluator {
    private LayeredEvaluator() {
    }

    public static LayeredResult evaluate(LayerSet set, Request request, Placement placement) {
        boolean serviceLinked = placement.serviceLinked().orElseGet(() -> Scopes.serviceLinked(request));
        Optional<Exemption> exemption = Scopes.exemption(request);
        List<LayerResult> layers = List.of(
                Scopes.rcpScope(request, placement, serviceLinked).map(why -> LayerResult.outside(Layer.RCP, LayerOutcome.NOT_APPLICABLE, why))
                        .orElseGet(() -> guardrail(Layer.RCP, set.rcps(), request)),
                Scopes.scpScope(request, placement, serviceLinked).map(why -> LayerResult.outside(Layer.SCP, LayerOutcome.NOT_APPLICABLE, why))
                        .orElseGet(() -> guardrail(Layer.SCP, set.scps(), request)),
                endpoint(placement.endpointPolicy(), request),
                bucket(set.bucket(), request),
                identity(set.identity(), request));
        List<String> errors = new ArrayList<>();
        for (LayerResult l : layers) {
            l.traces().forEach(t -> t.result().errors().forEach(e -> errors.add(l.layer().word() + " " + t.policy().source() + ": " + e)));
        }
        List<Deciding> denies = new ArrayList<>();
        for (LayerResult l : layers) {
            boolean overridden = l.layer() == Layer.BUCKET && exemption.filter(Exemption.BUCKET_OWNER_ROOT_POLICY_ACTIONS::equals).isPresent();
            if (l.outcome() == LayerOutcome.EXPLICIT_DENY && !overridden) {
                denies.addAll(l.deciding());
            }
        }
        if (!denies.isEmpty()) {
            return new LayeredResult(Optional.of(Decision.EXPLICIT_DENY), layers, denies, Optional.empty(), errors, List.of());
        }
        if (layers.stream().anyMatch(l -> l.outcome() == LayerOutcome.UNDECIDED)) {
            return new LayeredResult(Optional.empty(), layers, List.of(), Optional.empty(), errors, List.of());
        }
        List<Deciding> missing = new ArrayList<>();
        for (LayerResult l : layers) {
            if (l.outcome() == LayerOutcome.IMPLICIT_DENY) {
                missing.addAll(l.deciding());
            }
        }
        if (!missing.isEmpty()) {
            return new LayeredResult(Optional.of(Decision.IMPLICIT_DENY), layers, missing, Optional.empty(), errors, List.of());
        }
        return Grant.decide(layers, request, exemption, errors);
    }

    /**
     * RCPs and SCPs: a Deny at any level denies; every level must have an applicable Allow (FullAWSAccess
     * or an allow list for SCPs; RCPFullAWSAccess, always there, for RCPs).
     */
    private static LayerResult guardrail(Layer layer, List<Level> levels, Request request) {
        List<LayerResult.PolicyTrace> traces = new ArrayList<>();
        List<Deciding> denies = new ArrayList<>();
        List<Deciding> missing = new ArrayList<>();
        boolean undecided = false;
        for (Level level : levels) {
            List<LayerPolicy> policies = new ArrayList<>(level.policies());
            if (layer == Layer.RCP) {
                policies.add(LayerPolicy.RCP_FULL_AWS_ACCESS);
            }
            boolean allowed = false;
            for (LayerPolicy p : policies) {
                EvaluationResult r = dev.gtvpc.eval.Evaluator.evaluate(p.policy(), request, layer.grammar());
                traces.add(new LayerResult.PolicyTrace(p, Optional.of(level.target()), r));
                if (r.decision().isEmpty()) {
                    undecided = true;
                } else if (r.decision().get() == Decision.EXPLICIT_DENY) {
                    r.deciding().forEach(s -> denies.add(new Deciding(layer, Optional.of(p.source()), Optional.of(level.target()),
                            Optional.of(s.label()))));
                } else if (r.decision().get() == Decision.ALLOW) {
                    allowed = true;
                }
            }
            if (!allowed) {
                missing.add(new Deciding(layer, Optional.empty(), Optional.of(level.target()), Optional.empty()));
            }
        }
        if (!denies.isEmpty()) {
            return new LayerResult(layer, LayerOutcome.EXPLICIT_DENY, denies, traces, Optional.empty());
        }
        if (undecided) {
            return new LayerResult(layer, LayerOutcome.UNDECIDED, List.of(), traces, Optional.empty());
        }
        if (!missing.isEmpty()) {
            return new LayerResult(layer, LayerOutcome.IMPLICIT_DENY, missing, traces, Optional.empty());
        }
        return new LayerResult(layer, LayerOutcome.PASS, List.of(), traces, Optional.empty());
    }

    /** The endpoint policy: a Deny denies, an Allow lets the request pass, nothing applying is an implicit deny. */
    private static LayerResult endpoint(Optional<LayerPolicy> policy, Request request) {
        if (policy.isEmpty()) {
            return LayerResult.outside(Layer.ENDPOINT, LayerOutcome.NOT_APPLICABLE, "the request passes no VPC endpoint");
        }
        LayerPolicy p = policy.get();
        EvaluationResult r = dev.gtvpc.eval.Evaluator.evaluate(p.policy(), request, Layer.ENDPOINT.grammar());
        List<LayerResult.PolicyTrace> traces = List.of(new LayerResult.PolicyTrace(p, Optional.empty(), r));
        if (r.decision().isEmpty()) {
            return new LayerResult(Layer.ENDPOINT, LayerOutcome.UNDECIDED, List.of(), traces, Optional.empty());
        }
        return switch (r.decision().get()) {
            case EXPLICIT_DENY -> new LayerResult(Layer.ENDPOINT, LayerOutcome.EXPLICIT_DENY, statements(Layer.ENDPOINT, p, r), traces,
                    Optional.empty());
            case ALLOW -> new LayerResult(Layer.ENDPOINT, LayerOutcome.ALLOW, statements(Layer.ENDPOINT, p, r), traces, Optional.empty());
            default -> new LayerResult(Layer.ENDPOINT, LayerOutcome.IMPLICIT_DENY, List.of(new Deciding(Layer.ENDPOINT,
                    Optional.of(p.source()), Optional.empty(), Optional.empty())), traces, Optional.empty());
        };
    }

    private static LayerResult bucket(Optional<LayerPolicy> policy, Request request) {
        if (policy.isEmpty()) {
            return LayerResult.outside(Layer.BUCKET, LayerOutcome.NO_POLICY, "the bucket has no bucket policy");
        }
        return granting(Layer.BUCKET, List.of(policy.get()), request);
    }

    private static LayerResult identity(Optional<List<LayerPolicy>> policies, Request request) {
        Optional<String> none = Scopes.identityScope(request.principal());
        if (none.isPresent()) {
            return LayerResult.outside(Layer.IDENTITY, LayerOutcome.NOT_APPLICABLE, none.get());
        }
        if (policies.isEmpty()) {
            return LayerResult.outside(Layer.IDENTITY, LayerOutcome.NOT_GIVEN, "the principal's identity policies were not given");
        }
        return granting(Layer.IDENTITY, policies.get(), request);
    }

    /** Policies that grant (bucket, identity): pooled, a Deny in any denies, an Allow in any allows. */
    private static LayerResult granting(Layer layer, List<LayerPolicy> policies, Request request) {
        List<LayerResult.PolicyTrace> traces = new ArrayList<>();
        List<Deciding> denies = new ArrayList<>();
        List<Deciding> allows = new ArrayList<>();
        boolean undecided = false;
        for (LayerPolicy p : policies) {
            EvaluationResult r = dev.gtvpc.eval.Evaluator.evaluate(p.policy(), request, layer.grammar());
            traces.add(new LayerResult.PolicyTrace(p, Optional.empty(), r));
            if (r.decision().isEmpty()) {
                undecided = true;
            } else if (r.decision().get() == Decision.EXPLICIT_DENY) {
                denies.addAll(statements(layer, p, r));
            } else if (r.decision().get() == Decision.ALLOW) {
                allows.addAll(statements(layer, p, r));
            }
        }
        LayerOutcome outcome = !denies.isEmpty() ? LayerOutcome.EXPLICIT_DENY : undecided ? LayerOutcome.UNDECIDED
                : !allows.isEmpty() ? LayerOutcome.ALLOW : LayerOutcome.NOT_DENIED;
        return new LayerResult(layer, outcome, !denies.isEmpty() ? denies : allows, traces, Optional.empty());
    }

    private static List<Deciding> statements(Layer layer, LayerPolicy p, EvaluationResult r) {
        return r.deciding().stream().map(s -> new Deciding(layer, Optional.of(p.source()), Optional.empty(), Optional.of(s.label())))
                .toList();
    }
}
