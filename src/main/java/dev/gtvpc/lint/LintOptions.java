package dev.gtvpc.lint;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the user told lint about the policy's setting: the region (turns on the Ground Truth rules
 * when the policy itself names no Ground Truth endpoint), the bucket, their VPCs and endpoints, and
 * the rules to skip, and what the policy is attached to.
 */
public record LintOptions(Optional<String> region, Optional<String> bucket, List<String> vpcs, List<String> vpces,
        Set<String> disabled, PolicyKind kind) {
    public LintOptions {
        vpcs = List.copyOf(vpcs);
        vpces = List.copyOf(vpces);
        disabled = Set.copyOf(disabled);
        java.util.Objects.requireNonNull(kind, "kind");
    }

    /** Options for a bucket policy. */
    public LintOptions(Optional<String> region, Optional<String> bucket, List<String> vpcs, List<String> vpces, Set<String> disabled) {
        this(region, bucket, vpcs, vpces, disabled, PolicyKind.BUCKET);
    }

    /** Whether {@code rule} runs: not disabled, and meaningful for this kind of policy. */
    public boolean runs(String ruleId) {
        return !disabled.contains(ruleId) && kind.runs(ruleId);
    }

    public static LintOptions none() {
        return new LintOptions(Optional.empty(), Optional.empty(), List.of(), List.of(), Set.of());
    }
}
