package dev.gtvpc.catalogue;

import dev.gtvpc.policy.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The condition keys gtvpc knows: the {@code aws:*} global keys (catalog/global-keys.json, with whether
 * each is multivalued) and S3's own keys (from catalog/s3-actions.json). Used for the canonical spelling
 * of a key name and for whether a set operator makes sense on it.
 */
public final class ConditionKeyCatalog {
    /** A key as the reference spells it. {@code tagged}: a prefix such as aws:PrincipalTag/ followed by a tag key. */
    public record Key(String name, String type, boolean multivalued, boolean tagged) {
    }

    private static volatile ConditionKeyCatalog bundled;

    private final Map<String, Key> exact;
    private final Map<String, Key> prefixes;
    private final String s3DataDate;

    private ConditionKeyCatalog(Map<String, Key> exact, Map<String, Key> prefixes, String s3DataDate) {
        this.exact = exact;
        this.prefixes = prefixes;
        this.s3DataDate = s3DataDate;
    }

    public static ConditionKeyCatalog bundled() {
        ConditionKeyCatalog c = bundled;
        if (c == null) {
            synchronized (ConditionKeyCatalog.class) {
                if (bundled == null) {
                    bundled = load();
                }
                c = bundled;
            }
        }
        return c;
    }

    private static ConditionKeyCatalog load() {
        Map<String, Key> exact = new HashMap<>();
        Map<String, Key> prefixes = new HashMap<>();
        Json.Arr global = (Json.Arr) resource("/catalog/global-keys.json");
        for (Json.Value v : global.items()) {
            Json.Obj o = (Json.Obj) v;
            String name = ((Json.Str) o.get("name").orElseThrow()).value();
            String type = ((Json.Str) o.get("type").orElseThrow()).value();
            boolean multi = ((Json.Bool) o.get("multivalued").orElseThrow()).value();
            add(name, type, multi, exact, prefixes);
        }
        Json.Obj s3 = (Json.Obj) resource(S3ActionCatalog.RESOURCE);
        for (Json.Value v : ((Json.Arr) s3.get("actions").orElseThrow()).items()) {
            for (Json.Value k : ((Json.Arr) ((Json.Obj) v).get("conditionKeys").orElseThrow()).items()) {
                String name = ((Json.Str) k).value();
                // the reference gives no types for S3's own keys; its list keys end in "Keys"
                add(name, "String", name.endsWith("Keys"), exact, prefixes);
            }
        }
        String date = s3.get("dataDate").map(d -> ((Json.Str) d).value()).orElse("");
        return new ConditionKeyCatalog(Map.copyOf(exact), Map.copyOf(prefixes), date.length() >= 10 ? date.substring(0, 10) : date);
    }

    private static void add(String name, String type, boolean multi, Map<String, Key> exact, Map<String, Key> prefixes) {
        int slash = name.indexOf('/');
        if (slash >= 0) {
            String prefix = name.substring(0, slash + 1);
            prefixes.putIfAbsent(lower(prefix), new Key(prefix, type, multi, true));
        } else {
            exact.putIfAbsent(lower(name), new Key(name, type, multi, false));
        }
    }

    private static Json.Value resource(String path) {
        try (InputStream in = ConditionKeyCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Json.SyntaxException e) {
            throw new IllegalStateException(path + " is damaged: " + e.getMessage(), e);
        }
    }

    /** The key the reference knows under this name, in any case; for tag keys, the prefix's entry. */
    public Optional<Key> find(String name) {
        Key k = exact.get(lower(name));
        if (k != null) {
            return Optional.of(k);
        }
        int slash = name.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.ofNullable(prefixes.get(lower(name.substring(0, slash + 1))));
    }

    /** The reference's spelling of {@code name}; a tag key keeps its own spelling after the prefix. */
    public Optional<String> canonical(String name) {
        return find(name).map(k -> k.tagged() ? k.name() + name.substring(name.indexOf('/') + 1) : k.name());
    }

    /**
     * Every key gtvpc knows, as the reference spells it; a tag key as its prefix and {@code TAG-KEY}
     * ({@code aws:PrincipalTag/TAG-KEY}). For did-you-mean.
     */
    public java.util.List<String> names() {
        java.util.List<String> names = new java.util.ArrayList<>();
        exact.values().forEach(k -> names.add(k.name()));
        prefixes.values().forEach(k -> names.add(k.name() + "TAG-KEY"));
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /** True when gtvpc carries the keys of this service prefix ({@code aws}, {@code s3}), so a key it does not know is unknown. */
    public boolean covers(String servicePrefix) {
        return servicePrefix.equalsIgnoreCase("aws") || servicePrefix.equalsIgnoreCase("s3");
    }

    /** The date of the Service Authorization Reference data the S3 keys come from (YYYY-MM-DD). */
    public String s3DataDate() {
        return s3DataDate;
    }

    /** True only for keys the reference says hold one value (so unknown keys are never "single-valued"). */
    public boolean singleValued(String name) {
        return find(name).map(k -> !k.multivalued()).orElse(false);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
