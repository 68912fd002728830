package dev.gtvpc.space;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.SetQualifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The condition keys that follow neither from who asks nor from where (the catalogue's DERIVED keys do):
 * each absent, at each value the policies name (or a witness for a pattern), at a fresh value, and at
 * the boundaries around numbers, dates and address ranges. Their product is enumerated up to
 * {@value #MAX} contexts, beyond which it is sampled, and the notes say so.
 */
final class OtherContexts {
    static final int MAX = 256;
    private static final long SEED = 20261125L;

    private final List<Map<String, List<String>>> contexts;
    private final List<String> notes = new ArrayList<>();

    OtherContexts(PolicyScan scan, ConditionKeyCatalog keys) {
        Map<String, Set<String>> valuesByKey = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        for (PolicyScan.EntryAt e : scan.conditionEntries()) {
            String key = e.lowerKey();
            // follows from who asks, where from and which bucket: enumerating it freely would pair
            // keys in ways S3 never does (an outsider claiming aws:PrincipalIsAWSService)
            if (keys.is(key, ConditionKeyCatalog.Flag.DERIVED)) {
                continue;
            }
            spelling.putIfAbsent(key, e.key());
            Set<String> values = valuesByKey.computeIfAbsent(key, k -> new LinkedHashSet<>());
            if (e.block().operator().qualifier() != SetQualifier.NONE) {
                notes.add(e.key() + ": multivalued requests are sampled (single values, not every set of them)");
            }
            OperatorType type = e.block().operator().type().orElse(OperatorType.STRING_EQUALS);
            for (String v : e.values()) {
                values.addAll(ValueClasses.classValues(type, v, e.key(), notes));
            }
            values.add(Witnesses.FRESH_VALUE);
        }
        if (scan.usesPolicyVariables()) {
            notes.add("policy variables (${…}) are resolved only from the values listed here, not from every value a key"
                    + " can take");
        }
        this.contexts = combine(valuesByKey, spelling);
    }

    List<Map<String, List<String>>> all() {
        return contexts;
    }

    List<String> notes() {
        return notes;
    }

    private List<Map<String, List<String>>> combine(Map<String, Set<String>> valuesByKey, Map<String, String> spelling) {
        List<String> keys = new ArrayList<>(valuesByKey.keySet());
        long product = 1;
        for (String k : keys) {
            product = Math.min(Long.MAX_VALUE / 4, product * (valuesByKey.get(k).size() + 1));
        }
        List<Map<String, List<String>>> out = new ArrayList<>();
        if (product <= MAX) {
            enumerate(keys, 0, new LinkedHashMap<>(), valuesByKey, spelling, out);
            return List.copyOf(out);
        }
        notes.add("other condition keys " + keys.stream().map(spelling::get).toList() + ": " + product
                + " combinations, sampled: each value of each key alone, then " + MAX + " random combinations");
        out.add(Map.of());
        for (String k : keys) {
            for (String v : valuesByKey.get(k)) {
                out.add(Map.of(spelling.get(k), List.of(v)));
            }
        }
        Random random = new Random(SEED);
        for (int i = 0; i < MAX; i++) {
            Map<String, List<String>> c = new LinkedHashMap<>();
            for (String k : keys) {
                List<String> vs = new ArrayList<>(valuesByKey.get(k));
                int pick = random.nextInt(vs.size() + 1);
                if (pick < vs.size()) {
                    c.put(spelling.get(k), List.of(vs.get(pick)));
                }
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    private static void enumerate(List<String> keys, int i, Map<String, List<String>> current, Map<String, Set<String>> values,
            Map<String, String> spelling, List<Map<String, List<String>>> out) {
        if (i == keys.size()) {
            out.add(Map.copyOf(current));
            return;
        }
        String key = keys.get(i);
        enumerate(keys, i + 1, current, values, spelling, out); // absent
        for (String v : values.get(key)) {
            current.put(spelling.get(key), List.of(v));
            enumerate(keys, i + 1, current, values, spelling, out);
            current.remove(spelling.get(key));
        }
    }
}
