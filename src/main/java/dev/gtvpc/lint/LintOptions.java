package dev.gtvpc.lint;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the user told lint about the policy's setting: the region (turns on the Ground Truth rules
 * when the policy itself names no Ground Truth endpoint), the bucket, their VPCs and endpoints, and
 * the rules to skip.
 */
public record LintOptions(Optional<String> region, Optional<String> bucket, List<String> vpcs, List<String> vpces,
        Set<String> disabled) {
    public LintOptions {
        vpcs = List.copyOf(vpcs);
        vpces = List.copyOf(vpces);
        disabled = Set.copyOf(disabled);
    }

    public static LintOptions none() {
        return new LintOptions(Optional.empty(), Optional.empty(), List.of(), List.of(), Set.of());
    }
}
