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

    /** Whether {@code rule} runs: not disabled, and declared for this kind of policy. */
    public boolean runs(Rule rule) {
        return !disabled.contains(rule.id()) && rule.info().runsFor(kind);
    }

    /** Whether the rule {@code ruleId} runs; an id no rule has is not disabled and not excluded by the policy type. */
    public boolean runs(String ruleId) {
        return Rules.find(ruleId).map(this::runs).orElse(!disabled.contains(ruleId));
    }

    public static LintOptions none() {
        return new LintOptions(Optional.empty(), Optional.empty(), List.of(), List.of(), Set.of());
    }
}
