package dev.gtvpc.layers;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a request stands with respect to the organization and the network, as far as the request itself
 * does not say it:
 *
 * @param bucketAccount     the bucket's account in the organization whose RCPs are given: only a member account's
 *                          resources are reached ("RCPs don't affect resources in the management account",
 *                          orgs_manage_policies_rcps.html; an organization's RCPs reach only its own accounts' resources)
 * @param principalAccount  the principal's account in the organization whose SCPs are given: only a member account's
 *                          principals are reached ("SCPs affect only member accounts … They have no effect on users or roles
 *                          in the management account", orgs_manage_policies_scps.html); anonymous and AWS service principals
 *                          have no account: {@link Membership#OUTSIDE}
 * @param serviceLinked     the principal is a service-linked role (exempt from SCPs and RCPs); empty: judged from
 *                          aws:PrincipalArn, whose path {@code aws-service-role/} AWS gives those roles
 * @param endpointPolicy    the policy of the VPC endpoint the request passes; empty when it passes none
 */
public record Placement(Membership bucketAccount, Membership principalAccount, Optional<Boolean> serviceLinked,
        Optional<LayerPolicy> endpointPolicy) {
    public Placement {
        Objects.requireNonNull(bucketAccount, "bucketAccount");
        Objects.requireNonNull(principalAccount, "principalAccount");
        Objects.requireNonNull(serviceLinked, "serviceLinked");
        Objects.requireNonNull(endpointPolicy, "endpointPolicy");
    }

    public Placement withEndpointPolicy(Optional<LayerPolicy> policy) {
        return new Placement(bucketAccount, principalAccount, serviceLinked, policy);
    }
}
