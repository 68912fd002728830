package dev.gtvpc.policy;

import java.util.List;

/** A {@code Condition} element: its operator blocks in written order, ANDed. */
public record Condition(List<ConditionBlock> blocks) {
    public Condition {
        blocks = List.copyOf(blocks);
    }
}
