package dev.gtvpc.groundtruth;

import dev.gtvpc.policy.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every S3 action with its access level and resource types, from the Service Authorization Reference
 * (bundled as {@code catalog/s3-actions.json}; see {@code catalog/README.md} for its source and date).
 */
public final class S3ActionCatalog {
    public static final String RESOURCE = "/catalog/s3-actions.json";

    /** One S3 action, named without its {@code s3:} prefix, as the reference spells it. */
    public record Action(String name, String accessLevel, List<String> resourceTypes) {
        public Action {
            resourceTypes = List.copyOf(resourceTypes);
        }

        public String qualifiedName() {
            return "s3:" + name;
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

    private final Map<String, Action> byLowerName;
    private final String dataDate;

    private S3ActionCatalog(Map<String, Action> byLowerName, String dataDate) {
        this.byLowerName = Collections.unmodifiableMap(byLowerName);
        this.dataDate = dataDate;
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

    private static S3ActionCatalog load() {
        try (InputStream in = S3ActionCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the S3 action catalogue " + RESOURCE + " is missing from the jar");
            }
            Json.Obj root = (Json.Obj) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Action> actions = new LinkedHashMap<>();
            for (Json.Value v : ((Json.Arr) root.get("actions").orElseThrow()).items()) {
                Json.Obj a = (Json.Obj) v;
                List<String> types = new ArrayList<>();
                for (Json.Value t : ((Json.Arr) a.get("resourceTypes").orElseThrow()).items()) {
                    types.add(text(((Json.Obj) t).get("name")));
                }
                Action action = new Action(text(a.get("name")), text(a.get("accessLevel")), types);
                actions.put(action.name().toLowerCase(Locale.ROOT), action);
            }
            return new S3ActionCatalog(actions, text(root.get("dataDate")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Json.SyntaxException | ClassCastException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("the bundled S3 action catalogue is damaged: " + e.getMessage(), e);
        }
    }

    private static String text(Optional<Json.Value> v) {
        return ((Json.Str) v.orElseThrow()).value();
    }

    /** The action named {@code name}, with or without {@code s3:}, in any letter case (IAM ignores case). */
    public Optional<Action> find(String name) {
        String bare = name.regionMatches(true, 0, "s3:", 0, 3) ? name.substring(3) : name;
        return Optional.ofNullable(byLowerName.get(bare.toLowerCase(Locale.ROOT)));
    }

    public List<Action> actions() {
        return List.copyOf(byLowerName.values());
    }

    /** When AWS's reference data was generated. */
    public String dataDate() {
        return dataDate;
    }
}
