package dev.gtvpc.space;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every S3 action of the catalogue, grouped by which Action/NotAction patterns of the policies match it
 * and by the resource it acts on; one per group, preferring the ones the perimeter's services and the
 * user ask about. An action no pattern names (a future one) stands for itself.
 */
final class ActionClasses {
    /** The actions most properties and messages are about: the first of their class when a class holds one. */
    private static final List<String> USUAL = List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject",
            "s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");

    private ActionClasses() {
    }

    static List<ActionClass> of(PolicyScan scan, Perimeter perimeter, S3ActionCatalog catalog) {
        List<String> patterns = scan.actionPatterns();
        List<String> preferred = new ArrayList<>();
        perimeter.serviceEndpoints().forEach(t -> preferred.addAll(t.actions()));
        preferred.addAll(USUAL);
        preferred.addAll(perimeter.actions());
        // keyed by name: a list's contains() here was quadratic in the catalogue's 200-odd actions
        Map<String, S3ActionCatalog.Action> ordered = new LinkedHashMap<>();
        for (String p : preferred) {
            catalog.find(p).ifPresent(a -> ordered.putIfAbsent(a.name(), a));
        }
        for (S3ActionCatalog.Action a : catalog.actions()) {
            ordered.putIfAbsent(a.name(), a);
        }
        Map<String, ActionClass> bySignature = new LinkedHashMap<>();
        for (S3ActionCatalog.Action a : ordered.values()) {
            if (!a.onObjects() && !a.onBucket()) {
                continue; // no resource a bucket policy names: a bucket policy cannot decide it
            }
            String name = a.qualifiedName();
            StringBuilder sig = new StringBuilder(a.onObjects() ? "o" : "b");
            for (String p : patterns) {
                sig.append(Wildcards.matchesIgnoreCase(p, name) ? '1' : '0');
            }
            for (Map<String, List<String>> keys : requestKeyClasses(a)) {
                bySignature.putIfAbsent(sig + keys.toString(), new ActionClass(name, a.onObjects(), keys));
            }
        }
        List<ActionClass> list = new ArrayList<>(bySignature.values());
        list.add(Witnesses.unlistedAction(catalog));
        return List.copyOf(list);
    }

    /** One set of request keys per value each key the action always carries can have; none when it carries none. */
    private static List<Map<String, List<String>>> requestKeyClasses(S3ActionCatalog.Action a) {
        List<Map<String, List<String>>> classes = List.of(Map.of());
        for (Map.Entry<String, List<String>> key : a.requestKeys().entrySet()) {
            List<Map<String, List<String>>> next = new ArrayList<>();
            for (Map<String, List<String>> c : classes) {
                for (String value : key.getValue()) {
                    Map<String, List<String>> withValue = new LinkedHashMap<>(c);
                    withValue.put(key.getKey(), List.of(value));
                    next.add(withValue);
                }
            }
            classes = next;
        }
        return classes;
    }

    /** The class of a named action as the catalogue knows it; an action it does not know is taken to act on objects. */
    static ActionClass named(String action, S3ActionCatalog catalog) {
        return catalog.find(action).map(a -> new ActionClass(a.qualifiedName(), a.onObjects(), requestKeyClasses(a).get(0)))
                .orElse(new ActionClass(action, true));
    }
}
