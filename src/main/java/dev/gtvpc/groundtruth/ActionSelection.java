package dev.gtvpc.groundtruth;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.util.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code --actions} list into S3 actions: explicit names (any case, checked against the
 * catalogue), wildcard patterns that match at least one S3 action, and named presets.
 */
public final class ActionSelection {
    /** The two actions the AWS page's examples deny. */
    public static final List<String> DOC_ACTIONS = List.of("s3:GetObject", "s3:PutObject");

    /** What Ground Truth itself must be able to do on the bucket (the Ground Truth VPC page). */
    public static final List<String> GROUND_TRUTH_ACTIONS = List.of(
            "s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketLocation");

    /** The presets, by name, with the sentence {@code --help} shows for each. */
    public static final Map<String, String> PRESETS = Map.of(
            "doc", "s3:GetObject and s3:PutObject, as the AWS page's examples",
            "ground-truth", "the five actions Ground Truth needs: " + String.join(", ", GROUND_TRUTH_ACTIONS),
            "data", "every action on objects (read, write, delete, tagging, ACLs, retention…) plus s3:ListBucket (the default)");

    private ActionSelection() {
    }

    public static List<String> presetActions(String preset, S3ActionCatalog catalog) {
        return switch (preset) {
            case "doc" -> DOC_ACTIONS;
            case "ground-truth" -> GROUND_TRUTH_ACTIONS;
            case "data" -> {
                List<String> actions = new ArrayList<>();
                for (S3ActionCatalog.Action a : catalog.actions()) {
                    if (a.onObjects()) {
                        actions.add(a.qualifiedName());
                    }
                }
                actions.add("s3:ListBucket");
                yield actions;
            }
            default -> throw new IllegalArgumentException(preset);
        };
    }

    /**
     * Expands a comma-separated selection, keeping first-seen order and dropping repeats (compared
     * case-insensitively, as IAM does). Explicit names take the catalogue's spelling.
     */
    public static List<String> parse(String spec, S3ActionCatalog catalog) {
        Set<String> seenLower = new LinkedHashSet<>();
        List<String> result = new ArrayList<>();
        for (String raw : spec.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw GtvpcException.badInput("--actions has an empty item in '" + spec + "'; separate actions with single commas");
            }
            for (String action : expandItem(item, catalog)) {
                if (seenLower.add(action.toLowerCase(Locale.ROOT))) {
                    result.add(action);
                }
            }
        }
        return result;
    }

    private static List<String> expandItem(String item, S3ActionCatalog catalog) {
        if (PRESETS.containsKey(item)) {
            return presetActions(item, catalog);
        }
        if (!item.regionMatches(true, 0, "s3:", 0, 3)) {
            throw GtvpcException.badInput("--actions: '" + item + "' is neither a preset (" + String.join(", ", sortedPresets())
                    + ") nor an S3 action such as s3:GetObject");
        }
        String name = item.substring(3);
        if (name.contains("*") || name.contains("?")) {
            boolean matchesOne = catalog.actions().stream()
                    .anyMatch(a -> Wildcards.matchesIgnoreCase(name, a.name()));
            if (!matchesOne) {
                throw GtvpcException.badInput("--actions: the pattern '" + item + "' matches no S3 action");
            }
            return List.of("s3:" + name);
        }
        return catalog.find(name).map(a -> List.of(a.qualifiedName())).orElseThrow(() -> GtvpcException.badInput(
                "--actions: '" + item + "' is not an S3 action" + Suggestions.didYouMean(item,
                        catalog.actions().stream().map(S3ActionCatalog.Action::qualifiedName).toList())
                        + " (catalogue of " + catalog.dataDate().substring(0, 10) + ")"));
    }

    private static List<String> sortedPresets() {
        return PRESETS.keySet().stream().sorted().toList();
    }
}
