package dev.gtvpc.input;

import java.util.Objects;

/**
 * A suppression written next to the policy in its source: CloudFormation's
 * {@code Metadata: {gtvpc: {skip: [{rule: ID, reason: "..."}]}}} on the resource. Policy JSON and
 * Terraform plans have no place for one (a plan drops HCL comments), so only templates carry these.
 */
public record InSourceSkip(String rule, String reason) {
    public InSourceSkip {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }
}
