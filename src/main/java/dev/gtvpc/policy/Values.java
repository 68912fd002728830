package dev.gtvpc.policy;

import java.util.List;

/**
 * The strings of an Action, Resource or Principal element, with the shape they were written in:
 * {@code "s3:GetObject"} ({@code scalar}) or {@code ["s3:GetObject"]}. The shape carries no meaning
 * for IAM but a rewrite that changes it makes noisy diffs, so it survives a read-write round trip.
 */
public record Values(List<String> items, boolean scalar) {
    public Values {
        items = List.copyOf(items);
        if (scalar && items.size() != 1) {
            throw new IllegalArgumentException("a scalar holds exactly one value, not " + items.size());
        }
    }

    public static Values of(String single) {
        return new Values(List.of(single), true);
    }

    /** A list; written as a JSON array even when it has one element. */
    public static Values list(List<String> items) {
        return new Values(items, false);
    }

    /** One value is written as a string, several as an array: the shape AWS's own examples use. */
    public static Values natural(List<String> items) {
        return new Values(items, items.size() == 1);
    }
}
