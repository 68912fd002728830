package dev.gtvpc.layers;

import java.util.List;
import java.util.Objects;

/**
 * The policies of one layer attached at one level of an organization: its root, an OU or an account
 * ({@code target}). Statements of the policies at one level are pooled (orgs_manage_policies_scps_evaluation.html,
 * scenario 1: FullAWSAccess and a Deny at one OU).
 */
public record Level(String target, List<LayerPolicy> policies) {
    public Level {
        Objects.requireNonNull(target, "target");
        policies = List.copyOf(policies);
    }
}
