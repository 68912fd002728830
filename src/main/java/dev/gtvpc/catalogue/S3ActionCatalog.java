package dev.gtvpc.catalogue;

import dev.gtvpc.policy.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every S3 action with its access level and resource types, from the Service Authorization Reference
 * (bundled as {@code catalog/s3-actions.json}; see {@code catalog/README.md} for its source and date).
 */
public final class S3ActionCatalog {
    public static final String RESOURCE = "/catalog/s3-actions.json";
    /**
     * What the jar reads at run time: the JSON's actions, levels and resource types, one line each, and
     * the condition keys they take ({@link ConditionKeyCatalog}'s S3 keys). Parsing the whole 88 KB JSON
     * into a located tree took a tenth of {@code policy generate}'s start-up; this takes a millisecond.
     * A test keeps it equal to what the JSON says.
     */
    public static final String COMPACT_RESOURCE = "/catalog/s3-actions.tsv";

    /** The namespace of directory buckets' policies (S3 Express One Zone), {@code catalog/s3express-actions.tsv}. */
    public static final String DIRECTORY_BUCKET_RESOURCE = "/catalog/s3express-actions.tsv";

    /**
     * One action, named without its service prefix ({@code s3}, or {@code s3express} for directory buckets), as the
     * reference spells it; {@code requestKeys}: keys every request for it carries, with each value one can have
     * ({@code s3express:SessionMode} of CreateSession).
     */
    public record Action(String service, String name, String accessLevel, List<String> resourceTypes, Map<String, List<String>> requestKeys) {
        public Action {
            resourceTypes = List.copyOf(resourceTypes);
            requestKeys = Collections.unmodifiableMap(new LinkedHashMap<>(requestKeys));
        }

        public Action(String name, String accessLevel, List<String> resourceTypes) {
            this("s3", name, accessLevel, resourceTypes, Map.of());
        }

        public String qualifiedName() {
            return service + ":" + name;
        }

        /** True when the action works on objects ({@code bucket/key}) rather than the bucket. */
        public boolean onObjects() {
            return resourceTypes.contains("object");
        }

        public boolean onBucket() {
            return resourceTypes.contains("bucket");
        }
    }

    private static volatile S3ActionCatalog bundled;
    private static volatile S3ActionCatalog directoryBuckets;

    private final Map<String, Action> byLowerName;
    private final String dataDate;
    private final List<String> conditionKeys;

    private S3ActionCatalog(Map<String, Action> byLowerName, String dataDate, List<String> conditionKeys) {
        this.byLowerName = Collections.unmodifiableMap(byLowerName);
        this.dataDate = dataDate;
        this.conditionKeys = List.copyOf(conditionKeys);
    }

    public static S3ActionCatalog bundled() {
        S3ActionCatalog c = bundled;
        if (c == null) {
            synchronized (S3ActionCatalog.class) {
                c = bundled;
                if (c == null) {
                    c = load();
                    bundled = c;
                }
            }
        }
        return c;
    }

    /** The s3express actions: what a directory bucket's policy grants and denies. */
    public static S3ActionCatalog directoryBuckets() {
        S3ActionCatalog c = directoryBuckets;
        if (c == null) {
            c = load(DIRECTORY_BUCKET_RESOURCE, "s3express");
            directoryBuckets = c;
        }
        return c;
    }

    private static S3ActionCatalog load() {
        return load(COMPACT_RESOURCE, "s3");
    }

    private static S3ActionCatalog load(String resource, String service) {
        try (InputStream in = S3ActionCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the action catalogue " + resource + " is missing from the jar");
            }
            return fromCompact(new String(in.readAllBytes(), StandardCharsets.UTF_8), service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the bundled S3 action catalogue is damaged: " + e.getMessage(), e);
        }
    }

    /** The catalogue in {@code s3-actions.json}'s form (the source the compact form is made from). */
    public static S3ActionCatalog fromJson(String text) throws Json.SyntaxException {
        Json.Obj root = (Json.Obj) Json.parse(text);
        Map<String, Action> actions = new LinkedHashMap<>();
        Set<String> conditionKeys = new LinkedHashSet<>();
        for (Json.Value v : ((Json.Arr) root.get("actions").orElseThrow()).items()) {
            Json.Obj a = (Json.Obj) v;
            List<String> types = new ArrayList<>();
            for (Json.Value t : ((Json.Arr) a.get("resourceTypes").orElseThrow()).items()) {
                types.add(text(((Json.Obj) t).get("name")));
            }
            Action action = new Action(text(a.get("name")), text(a.get("accessLevel")), types);
            actions.put(action.name().toLowerCase(Locale.ROOT), action);
            for (Json.Value k : ((Json.Arr) a.get("conditionKeys").orElseThrow()).items()) {
                conditionKeys.add(((Json.Str) k).value());
            }
        }
        return new S3ActionCatalog(actions, text(root.get("dataDate")), new ArrayList<>(conditionKeys));
    }

    /**
     * The catalogue in its compact form: a {@code dataDate} line, a {@code conditionKeys} line, then one
     * action a line (name, level, types).
     */
    public static S3ActionCatalog fromCompact(String text) {
        return fromCompact(text, "s3");
    }

    /** As {@link #fromCompact(String)}, for {@code service}'s actions; a fourth field lists an action's request keys (KEY=V1|V2). */
    public static S3ActionCatalog fromCompact(String text, String service) {
        Map<String, Action> actions = new LinkedHashMap<>();
        String dataDate = null;
        List<String> conditionKeys = null;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f[0].equals("dataDate")) {
                dataDate = f[1];
                continue;
            }
            if (f[0].equals("conditionKeys")) {
                conditionKeys = f[1].isEmpty() ? List.of() : List.of(f[1].split(","));
                continue;
            }
            if (f.length != 3 && f.length != 4) {
                throw new IllegalArgumentException("not 3 or 4 tab-separated fields: " + line);
            }
            Map<String, List<String>> requestKeys = new LinkedHashMap<>();
            if (f.length == 4) {
                for (String keyValues : f[3].split(",")) {
                    String[] kv = keyValues.split("=", 2);
                    requestKeys.put(kv[0], List.of(kv[1].split("\\|")));
                }
            }
            Action action = new Action(service, f[0], f[1], f[2].isEmpty() ? List.of() : List.of(f[2].split(",")), requestKeys);
            actions.put(action.name().toLowerCase(Locale.ROOT), action);
        }
        if (dataDate == null) {
            throw new IllegalArgumentException("no dataDate line");
        }
        if (conditionKeys == null) {
            throw new IllegalArgumentException("no conditionKeys line");
        }
        return new S3ActionCatalog(actions, dataDate, conditionKeys);
    }

    /** The compact form {@link #fromCompact} reads. */
    public String toCompact() {
        StringBuilder out = new StringBuilder("# made from s3-actions.json, which is the source: see catalog/README.md\n");
        out.append("dataDate\t").append(dataDate).append('\n');
        out.append("conditionKeys\t").append(String.join(",", conditionKeys)).append('\n');
        for (Action a : byLowerName.values()) {
            out.append(a.name()).append('\t').append(a.accessLevel()).append('\t')
                    .append(String.join(",", a.resourceTypes())).append('\n');
        }
        return out.toString();
    }

    private static String text(Optional<Json.Value> v) {
        return ((Json.Str) v.orElseThrow()).value();
    }

    /** The action named {@code name}, with or without its service prefix, in any letter case (IAM ignores case). */
    public Optional<Action> find(String name) {
        int colon = name.indexOf(':');
        if (colon >= 0 && !actionsService().equalsIgnoreCase(name.substring(0, colon))) {
            return Optional.empty();
        }
        String bare = name.substring(colon + 1);
        return Optional.ofNullable(byLowerName.get(bare.toLowerCase(Locale.ROOT)));
    }

    private String actionsService() {
        return byLowerName.values().stream().findFirst().map(Action::service).orElse("s3");
    }

    public List<Action> actions() {
        return List.copyOf(byLowerName.values());
    }

    /** Every condition key S3's actions take, as the reference spells it, once each in the reference's order. */
    public List<String> conditionKeys() {
        return conditionKeys;
    }

    /** When AWS's reference data was generated. */
    public String dataDate() {
        return dataDate;
    }
}
