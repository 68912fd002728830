package dev.gtvpc.cli;

import dev.gtvpc.eval.CaseRunner;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestCase;
import dev.gtvpc.eval.RequestNotes;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.layers.LayeredEvaluator;
import dev.gtvpc.layers.LayeredResult;
import dev.gtvpc.layers.Membership;
import dev.gtvpc.layers.Placement;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.verify.Layers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One request decided by every layer given to {@code policy simulate} or {@code policy test}, placed in the
 * organization and the network by what the request itself says, as {@code policy verify} places its requests:
 * <ul>
 * <li>each --rcp is taken as attached above the bucket's account (a member account's bucket);</li>
 * <li>each --scp reaches the principal when its account is the bucket's, or when the request's aws:PrincipalOrgID is
 *     the bucket account's organization (aws:ResourceOrgID, which --org-id sets); any other principal is outside the
 *     organization whose SCPs were given;</li>
 * <li>a request with aws:SourceVpce passes that endpoint: the --endpoint-policy given for its ID, else the one without
 *     an ID when the endpoint is the user's, else its owner's policy, which gtvpc cannot read and takes as the default
 *     (letting everything through). An endpoint is not the user's when it is a Ground Truth endpoint of the region table,
 *     or when the request's aws:VpceAccount names another account than the bucket's and its aws:VpceOrgID is not the
 *     bucket account's organization.</li>
 * </ul>
 */
final class LayeredRequests {
    private final Layers layers;
    private Set<String> groundTruthEndpoints;

    LayeredRequests(Layers layers) {
        this.layers = layers;
    }

    /** The request decided by every layer, {@code bucket} (read from {@code source}) as its bucket policy. */
    LayeredResult decide(Policy bucket, String source, Request request, boolean derivedPrincipalArn) {
        List<String> notes = new ArrayList<>();
        Optional<LayerPolicy> endpoint = endpointPolicy(request, notes);
        Placement placement = new Placement(Membership.MEMBER, principalMembership(request), Optional.empty(), endpoint);
        LayeredResult r = LayeredEvaluator.evaluate(layers.set(bucket, source), request, placement);
        Set<String> all = new LinkedHashSet<>(RequestNotes.of(bucket, request, derivedPrincipalArn));
        for (Policy p : layers.policies()) {
            all.addAll(RequestNotes.of(p, request, derivedPrincipalArn));
        }
        all.addAll(notes);
        all.addAll(r.notes());
        return new LayeredResult(r.decision(), r.layers(), r.deciding(), r.exemption(), r.errors(), List.copyOf(all));
    }

    /** A case's request decided by every layer; empty for a line that is no case (its error stands). */
    Optional<LayeredResult> decide(CaseRunner.Outcome outcome) {
        if (outcome.requestCase().isEmpty() || outcome.policy().isEmpty()) {
            return Optional.empty();
        }
        RequestCase c = outcome.requestCase().get();
        return Optional.of(decide(outcome.policy().get().policy(), outcome.policy().get().source(), c.request(), c.derivedPrincipalArn()));
    }

    private static Membership principalMembership(Request request) {
        Optional<String> account = request.principal().account();
        if (account.isEmpty()) {
            return Membership.OUTSIDE;
        }
        if (account.equals(request.bucketAccount())) {
            return Membership.MEMBER;
        }
        Optional<String> principalOrg = first(request.context(), "aws:PrincipalOrgID");
        return principalOrg.isPresent() && principalOrg.equals(first(request.context(), "aws:ResourceOrgID")) ? Membership.MEMBER
                : Membership.OUTSIDE;
    }

    private Optional<LayerPolicy> endpointPolicy(Request request, List<String> notes) {
        Optional<String> vpce = first(request.context(), "aws:SourceVpce");
        if (vpce.isEmpty()) {
            return Optional.empty();
        }
        for (Layers.EndpointPolicy e : layers.endpointPolicies()) {
            if (e.vpce().equals(vpce)) {
                return Optional.of(e.policy());
            }
        }
        Optional<Layers.EndpointPolicy> yours = layers.endpointPolicies().stream().filter(e -> e.vpce().isEmpty()).findFirst();
        Optional<String> notYours = notYours(vpce.get(), request);
        if (yours.isPresent() && notYours.isEmpty()) {
            return Optional.of(yours.get().policy());
        }
        if (layers.endpointPolicies().isEmpty() && notYours.isEmpty()) {
            notes.add("endpoint " + vpce.get() + ": no --endpoint-policy was given; taken as having the default endpoint policy (full"
                    + " access)");
        } else {
            notes.add("endpoint " + vpce.get() + " is " + notYours.orElse("not named by --endpoint-policy VPCE_ID=FILE")
                    + ": its policy is its owner's, which gtvpc cannot read; taken as the default endpoint policy (full access)");
        }
        return Optional.of(LayerPolicy.DEFAULT_ENDPOINT_POLICY);
    }

    /** Why the endpoint is someone else's, if the request says so. */
    private Optional<String> notYours(String vpce, Request request) {
        if (groundTruthEndpoints == null) {
            groundTruthEndpoints = new java.util.HashSet<>();
            RegionTable.bundled().regions().forEach(r -> groundTruthEndpoints.add(r.groundTruthEndpoint().value()));
        }
        if (groundTruthEndpoints.contains(vpce)) {
            return Optional.of("Ground Truth's (an AWS account's)");
        }
        Optional<String> owner = first(request.context(), "aws:VpceAccount");
        Optional<String> org = first(request.context(), "aws:VpceOrgID");
        if (owner.isPresent() && !owner.equals(request.bucketAccount())
                && !(org.isPresent() && org.equals(first(request.context(), "aws:ResourceOrgID")))) {
            return Optional.of("owned by " + owner.get() + " (aws:VpceAccount), outside the bucket's account and organization");
        }
        return Optional.empty();
    }

    private static Optional<String> first(ContextKeys context, String key) {
        return context.get(key).filter(e -> !e.values().isEmpty()).map(e -> e.values().get(0));
    }
}
