package dev.gtvpc.space;

import dev.gtvpc.eval.PolicyValues;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Wildcards;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How the values of a condition key fall into classes that every operator decides alike: values that
 * compare the same with each policy value of the key (equal, equal ignoring case, matched as a pattern;
 * inside or outside each address range) are one class, and one value stands for it.
 */
final class ValueClasses {
    private final PolicyScan scan;
    private final Map<String, List<EntryValues>> entryCache = new HashMap<>();

    ValueClasses(PolicyScan scan) {
        this.scan = scan;
    }

    /** The values of one condition entry of a key, indexed for the three comparisons String operators make. */
    private record EntryValues(Set<String> exact, Set<String> lower, List<String> patterns) {
        static EntryValues of(List<String> values) {
            Set<String> exact = new HashSet<>(values);
            Set<String> lower = new HashSet<>();
            List<String> patterns = new ArrayList<>();
            for (String v : values) {
                lower.add(v.toLowerCase(Locale.ROOT));
                if (Wildcards.hasWildcard(v)) {
                    patterns.add(v);
                }
            }
            return new EntryValues(exact, lower, patterns);
        }
    }

    /** Every value the policies give {@code key} under any operator, a pattern by its witness, in order. */
    List<String> literalsAndWitnesses(String key) {
        Set<String> values = new LinkedHashSet<>();
        for (PolicyScan.EntryAt e : scan.entriesOf(key)) {
            // Null's true/false says whether the key is present, never a value it can have
            for (String v : e.nullOperator() ? List.<String>of() : e.values()) {
                values.add(Wildcards.hasWildcard(v) ? Witnesses.witness(v) : v);
            }
        }
        return List.copyOf(values);
    }

    /** Every value the policies give {@code key} under any operator, as written. */
    List<String> values(String key) {
        List<String> values = new ArrayList<>();
        for (PolicyScan.EntryAt e : scan.entriesOf(key)) {
            values.addAll(e.values());
        }
        return values;
    }

    /**
     * How a value fares against each condition entry of {@code key}: equal to one of its values, equal
     * ignoring case, matched by one of its patterns. Values are ORed within an entry, so nothing else
     * about the value can change a decision: values with one signature are one class.
     */
    String signature(String key, String v) {
        List<EntryValues> entries = entriesOf(key);
        StringBuilder sig = new StringBuilder(entries.size() * 3);
        String lower = v.toLowerCase(Locale.ROOT);
        for (EntryValues e : entries) {
            sig.append(e.exact().contains(v) ? '1' : '0').append(e.lower().contains(lower) ? '1' : '0');
            boolean like = e.exact().contains(v);
            for (int i = 0; !like && i < e.patterns().size(); i++) {
                like = Wildcards.matches(e.patterns().get(i), v);
            }
            sig.append(like ? '1' : '0');
        }
        return sig.toString();
    }

    /** One value per class of {@code values}, the first of each, in order; {@code signature} says which class a value is in. */
    static List<String> representatives(List<String> values, UnaryOperator<String> signature) {
        Map<String, String> bySignature = new LinkedHashMap<>();
        for (String v : values) {
            bySignature.putIfAbsent(signature.apply(v), v);
        }
        return List.copyOf(bySignature.values());
    }

    /**
     * One address per class of {@code key}'s values: the addresses {@code first} and every range's
     * boundaries, alike when each range of the policies (and {@code moreRanges}) holds all of them or none.
     */
    List<String> addressClasses(String key, List<String> first, List<String> moreRanges) {
        List<String> ranges = new ArrayList<>(values(key));
        ranges.addAll(moreRanges);
        Set<String> candidates = new LinkedHashSet<>(first);
        for (String r : ranges) {
            candidates.addAll(Cidrs.boundaries(r).stream().filter(PolicyValues::address).toList());
        }
        return representatives(List.copyOf(candidates), ip -> addressSignature(ranges, ip));
    }

    /** Whether some range the policies give {@code key} holds {@code address}. */
    boolean named(String key, String address) {
        return values(key).stream().anyMatch(r -> Cidrs.contains(r, address));
    }

    private static String addressSignature(List<String> ranges, String ip) {
        StringBuilder sig = new StringBuilder(ranges.size() + 1).append(ip.contains(":") ? '6' : '4');
        for (String r : ranges) {
            sig.append(Cidrs.contains(r, ip) ? '1' : '0');
        }
        return sig.toString();
    }

    /**
     * The values that stand for the classes a policy value cuts: itself, and its neighbours for ordered
     * types; a pattern by one witness, which {@code notes} is told.
     */
    static List<String> classValues(OperatorType type, String v, String key, List<String> notes) {
        List<String> out = new ArrayList<>();
        switch (type.family()) {
            case NUMERIC -> {
                out.add(v);
                try {
                    BigDecimal d = new BigDecimal(v.startsWith("+") ? v.substring(1) : v);
                    out.add(d.subtract(BigDecimal.valueOf(0.5)).toPlainString());
                    out.add(d.add(BigDecimal.valueOf(0.5)).toPlainString());
                } catch (NumberFormatException e) {
                    // an unreadable policy value: lint reports it; the value itself is enough here
                }
            }
            case DATE -> {
                out.add(v);
                PolicyValues.date(v).ifPresent(t -> {
                    out.add(t.minusSeconds(1).toString());
                    out.add(t.plusSeconds(1).toString());
                });
            }
            case BOOLEAN, NULL -> {
                out.add("true");
                out.add("false");
            }
            case IP_ADDRESS -> out.addAll(Cidrs.boundaries(v));
            default -> {
                if (Wildcards.hasWildcard(v)) {
                    out.add(Witnesses.witness(v));
                    notes.add(key + ": pattern " + v + " is covered by one witness value");
                } else {
                    out.add(v);
                    if (type == OperatorType.STRING_EQUALS_IGNORE_CASE || type == OperatorType.STRING_NOT_EQUALS_IGNORE_CASE) {
                        out.add(v.toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return out;
    }

    private List<EntryValues> entriesOf(String key) {
        return entryCache.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> {
            List<EntryValues> list = new ArrayList<>();
            for (PolicyScan.EntryAt e : scan.entriesOf(k)) {
                list.add(EntryValues.of(e.values()));
            }
            return List.copyOf(list);
        });
    }
}
