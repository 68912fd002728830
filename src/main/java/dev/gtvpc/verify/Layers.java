package dev.gtvpc.verify;

import dev.gtvpc.layers.Layer;
import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.layers.LayerSet;
import dev.gtvpc.layers.Level;
import dev.gtvpc.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The layers besides the bucket policy that a layered proof asks (README "Layered perimeters"):
 * <ul>
 * <li>{@code rcps}: resource control policies, each taken as attached above the bucket's account (the level
 *     never changes an RCP's answer: they hold only Deny statements besides RCPFullAWSAccess);</li>
 * <li>{@code scps}: service control policies of the principals of the bucket account's organization, each
 *     beside FullAWSAccess at its level, so their Deny statements count and their Allow statements grant nothing;</li>
 * <li>{@code endpointPolicies}: the policy of the user's endpoints (one without an endpoint ID is every user
 *     endpoint's; one with an ID is that endpoint's). An endpoint of someone else (an AWS service's, a third
 *     party's, an outsider's) has a policy gtvpc cannot read: its owner's, taken as letting everything through;</li>
 * <li>{@code identity}: the identity policies of the principals, when given;</li>
 * <li>{@code bucketPolicy}: false for a bucket without a bucket policy (then the policy verify was given is
 *     not asked: only the other layers protect the bucket).</li>
 * </ul>
 */
public record Layers(List<LayerPolicy> rcps, List<LayerPolicy> scps, List<EndpointPolicy> endpointPolicies,
        Optional<List<LayerPolicy>> identity, boolean bucketPolicy) {
    /** Where the bucket's RCPs are taken to be attached, and the principals' SCPs. */
    static final String RCP_LEVEL = "the bucket's account";
    static final String SCP_LEVEL = "the principal's account";

    /** No layer but the bucket policy: verify as it always did. */
    public static final Layers NONE = new Layers(List.of(), List.of(), List.of(), Optional.empty(), true);

    /** An endpoint policy, for the endpoint {@code vpce} names or (empty) for every endpoint of the user's. */
    public record EndpointPolicy(Optional<String> vpce, LayerPolicy policy) {
        public EndpointPolicy {
            Objects.requireNonNull(vpce, "vpce");
            Objects.requireNonNull(policy, "policy");
        }
    }

    public Layers {
        rcps = List.copyOf(rcps);
        scps = List.copyOf(scps);
        endpointPolicies = List.copyOf(endpointPolicies);
        identity = identity.map(List::copyOf);
    }

    /** Whether any layer but the bucket policy is asked (or the bucket has none). */
    public boolean layered() {
        return !rcps.isEmpty() || !scps.isEmpty() || !endpointPolicies.isEmpty() || identity.isPresent() || !bucketPolicy;
    }

    /** The file of the endpoint policy given for {@code vpce} by its ID, if one was. */
    Optional<String> endpointPolicyOf(String vpce) {
        return endpointPolicies.stream().filter(e -> e.vpce().filter(vpce::equals).isPresent()).map(e -> e.policy().source()).findFirst();
    }

    /** The layers with {@code bucket} as the bucket policy (read from {@code source}). */
    public LayerSet set(Policy bucket, String source) {
        List<Level> rcpLevels = rcps.stream().map(p -> new Level(RCP_LEVEL, List.of(p))).toList();
        List<Level> scpLevels = scps.stream().map(p -> new Level(SCP_LEVEL, List.of(p, LayerPolicy.FULL_AWS_ACCESS))).toList();
        Optional<LayerPolicy> own = bucketPolicy ? Optional.of(new LayerPolicy(Layer.BUCKET, source, bucket)) : Optional.empty();
        return new LayerSet(rcpLevels, scpLevels, own, identity);
    }

    /** The policies the request space must read the values of, the bucket's aside. */
    public List<Policy> policies() {
        List<Policy> all = new ArrayList<>();
        rcps.forEach(p -> all.add(p.policy()));
        scps.forEach(p -> all.add(p.policy()));
        endpointPolicies.forEach(e -> all.add(e.policy().policy()));
        identity.ifPresent(ps -> ps.forEach(p -> all.add(p.policy())));
        return all;
    }
}
