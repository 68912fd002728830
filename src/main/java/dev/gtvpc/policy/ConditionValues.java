package dev.gtvpc.policy;

import java.util.List;

/** The values of one condition key, with their written shape (a bare value or an array). */
public record ConditionValues(List<ConditionValue> items, boolean scalar) {
    public ConditionValues {
        items = List.copyOf(items);
        if (scalar && items.size() != 1) {
            throw new IllegalArgumentException("a scalar holds exactly one value, not " + items.size());
        }
    }

    /** Strings, written as one string when there is one and as an array otherwise. */
    public static ConditionValues strings(List<String> texts) {
        return new ConditionValues(texts.stream().map(ConditionValue::string).toList(), texts.size() == 1);
    }

    /** The values' texts, as a view: the evaluator asks for them on every request, so nothing is copied. */
    public List<String> texts() {
        return new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                return items.get(index).text();
            }

            @Override
            public int size() {
                return items.size();
            }
        };
    }
}
