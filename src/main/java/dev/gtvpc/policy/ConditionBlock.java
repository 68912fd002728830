package dev.gtvpc.policy;

import java.util.List;
import java.util.Objects;

/** One operator of a {@code Condition} element with its keys, in written order. Keys are ANDed. */
public record ConditionBlock(ConditionOperator operator, List<ConditionEntry> entries) {
    public ConditionBlock {
        Objects.requireNonNull(operator, "operator");
        entries = List.copyOf(entries);
    }
}
