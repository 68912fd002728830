package dev.gtvpc.verify;

import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.layers.LayerResult;
import dev.gtvpc.layers.LayerSet;
import dev.gtvpc.layers.LayeredEvaluator;
import dev.gtvpc.layers.LayeredResult;
import dev.gtvpc.layers.Membership;
import dev.gtvpc.layers.Placement;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.RequestSpace;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decides the requests of a property: the bucket policy alone, or every layer given. */
interface Decider {
    Verdict decide(Request request, Origin origin, Caller caller);

    static Decider of(Policy policy, String source, Layers layers, RequestSpace space) {
        if (layers.layered()) {
            return new LayeredDecider(layers.set(policy, source), layers, space);
        }
        return (request, origin, caller) -> single(policy, request);
    }

    private static Verdict single(Policy policy, Request request) {
        EvaluationResult result = Evaluator.evaluate(policy, request);
        return new Verdict(result.decision(), Checker.labels(result), List.of(), result.errors(),
                result.statements().stream().anyMatch(StatementTrace::reached));
    }

    /**
     * Every layer, each within its scope: a request a guardrail (an SCP level, the endpoint policy) has no
     * Allow for, or that nothing grants (another account's or anonymous without the bucket policy's Allow), is
     * {@link Decision#IMPLICIT_DENY}, which the properties count as denied; ACLs are not asked (the report says so).
     */
    final class LayeredDecider implements Decider {
        private static final Set<LayerPolicy> BUILT_IN = Set.of(LayerPolicy.FULL_AWS_ACCESS, LayerPolicy.RCP_FULL_AWS_ACCESS,
                LayerPolicy.DEFAULT_ENDPOINT_POLICY);
        private final LayerSet set;
        private final Layers layers;
        private final RequestSpace space;

        LayeredDecider(LayerSet set, Layers layers, RequestSpace space) {
            this.set = set;
            this.layers = layers;
            this.space = space;
        }

        @Override
        public Verdict decide(Request request, Origin origin, Caller caller) {
            LayeredResult r = LayeredEvaluator.evaluate(set, request, placement(origin, caller));
            boolean reached = r.layers().stream().flatMap(l -> l.traces().stream()).filter(t -> !BUILT_IN.contains(t.policy()))
                    .anyMatch(t -> t.result().statements().stream().anyMatch(StatementTrace::reached));
            return new Verdict(r.decision(), r.labels(), r.deciding(), r.errors(), reached);
        }

        private Placement placement(Origin origin, Caller caller) {
            Membership bucket = space.perimeter().managementAccount().filter(space.perimeter().bucketAccount()::equals).isPresent()
                    ? Membership.MANAGEMENT : Membership.MEMBER;
            Membership principal = caller.principal().account().map(this::membership).orElse(Membership.OUTSIDE);
            return new Placement(bucket, principal, Optional.empty(), endpointPolicy(origin));
        }

        private Membership membership(String account) {
            if (space.perimeter().managementAccount().filter(account::equals).isPresent()) {
                return Membership.MANAGEMENT;
            }
            return space.inOrganization(account) ? Membership.MEMBER : Membership.OUTSIDE;
        }

        /** The endpoint's policy: the one given for it, else the user's for the user's endpoints, else its owner's (unread: lets all through). */
        private Optional<LayerPolicy> endpointPolicy(Origin origin) {
            if (origin.kind() != Origin.Kind.ENDPOINT || origin.vpce().isEmpty()) {
                return Optional.empty();
            }
            String vpce = origin.vpce().get();
            for (Layers.EndpointPolicy e : layers.endpointPolicies()) {
                if (e.vpce().filter(vpce::equals).isPresent()) {
                    return Optional.of(e.policy());
                }
            }
            if (userEndpoint(origin)) {
                for (Layers.EndpointPolicy e : layers.endpointPolicies()) {
                    if (e.vpce().isEmpty()) {
                        return Optional.of(e.policy());
                    }
                }
            }
            return Optional.of(LayerPolicy.DEFAULT_ENDPOINT_POLICY);
        }

        private boolean userEndpoint(Origin origin) {
            if (space.perimeter().vpces().contains(origin.vpce().get())) {
                return true;
            }
            return origin.owner().filter(o -> o.member() || o.account().equals(space.perimeter().bucketAccount())).isPresent()
                    && space.perimeter().serviceEndpoints().stream().noneMatch(s -> s.endpoint().equals(origin.vpce().get()));
        }
    }
}
