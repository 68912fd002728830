package dev.gtvpc.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Keeps a written element order consistent with the elements actually present. */
final class ElementOrder {
    private ElementOrder() {
    }

    /**
     * The given order restricted to {@code present}, each element once, followed by any present
     * element the order left out, in canonical (enum) order.
     */
    static <E extends Enum<E>> List<E> normalize(List<E> order, Set<E> present, Class<E> type) {
        List<E> result = new ArrayList<>(present.size());
        Set<E> seen = EnumSet.noneOf(type);
        for (E e : order) {
            if (present.contains(e) && seen.add(e)) {
                result.add(e);
            }
        }
        for (E e : type.getEnumConstants()) {
            if (present.contains(e) && seen.add(e)) {
                result.add(e);
            }
        }
        return List.copyOf(result);
    }
}
