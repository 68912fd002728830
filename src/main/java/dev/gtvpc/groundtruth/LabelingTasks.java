package dev.gtvpc.groundtruth;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.util.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Ground Truth's built-in task types and the account of the automated-labeling algorithms, from
 * {@code regions/labeling-tasks.json} (each fact with its source page and check date).
 */
public final class LabelingTasks {
    public static final String BUNDLED_RESOURCE = "/regions/labeling-tasks.json";

    private static volatile LabelingTasks bundled;

    private final Fact algorithmAccount;
    private final List<LabelingTaskType> taskTypes;

    private LabelingTasks(Fact algorithmAccount, List<LabelingTaskType> taskTypes) {
        this.algorithmAccount = algorithmAccount;
        this.taskTypes = List.copyOf(taskTypes);
    }

    public static LabelingTasks bundled() {
        LabelingTasks t = bundled;
        if (t == null) {
            t = load();
            bundled = t;
        }
        return t;
    }

    private static LabelingTasks load() {
        try (InputStream in = LabelingTasks.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the task type table " + BUNDLED_RESOURCE + " is missing from the jar");
            }
            Json.Obj root = (Json.Obj) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Json.Obj account = (Json.Obj) root.get("algorithmAccount").orElseThrow();
            Fact algorithmAccount = new Fact(text(account, "value"), text(account, "source"), text(account, "checked"));
            List<LabelingTaskType> types = new ArrayList<>();
            for (Json.Value v : ((Json.Arr) root.get("taskTypes").orElseThrow()).items()) {
                Json.Obj row = (Json.Obj) v;
                types.add(new LabelingTaskType(text(row, "name"), text(row, "title"),
                        row.get("algorithm").map(a -> ((Json.Str) a).value()), text(row, "labelAttributeName")));
            }
            return new LabelingTasks(algorithmAccount, types);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Json.SyntaxException | ClassCastException | NoSuchElementException e) {
            throw new IllegalStateException("the bundled task type table is damaged: " + e.getMessage(), e);
        }
    }

    private static String text(Json.Obj obj, String name) {
        return ((Json.Str) obj.get(name).orElseThrow()).value();
    }

    /** The account that owns the labeling-job-algorithm-specification ARNs (one for every region). */
    public Fact algorithmAccount() {
        return algorithmAccount;
    }

    public List<LabelingTaskType> taskTypes() {
        return taskTypes;
    }

    public List<LabelingTaskType> automated() {
        return taskTypes.stream().filter(LabelingTaskType::supportsAutomatedLabeling).toList();
    }

    /**
     * The task type named {@code name} — its Lambda suffix (BoundingBox) or, for the four with automated
     * labeling, its algorithm (object-detection), in any letter case — refusing the types that cannot
     * run automated labeling, whose VpcConfig would be rejected by CreateLabelingJob.
     */
    public LabelingTaskType requireAutomated(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        Optional<LabelingTaskType> found = taskTypes.stream()
                .filter(t -> t.name().toLowerCase(Locale.ROOT).equals(wanted)
                        || t.algorithm().map(a -> a.equals(wanted)).orElse(false))
                .findFirst();
        String four = String.join(", ", automated().stream()
                .map(t -> t.name() + " (" + t.algorithm().orElseThrow() + ")").toList());
        if (found.isEmpty()) {
            List<String> names = new ArrayList<>(taskTypes.stream().map(LabelingTaskType::name).toList());
            throw GtvpcException.badInput("--task-type: '" + name + "' is not a Ground Truth built-in task type"
                    + Suggestions.didYouMean(name, names) + "; automated data labeling supports " + four);
        }
        LabelingTaskType type = found.get();
        if (!type.supportsAutomatedLabeling()) {
            throw GtvpcException.badInput("--task-type: " + type.name() + " (" + type.title() + ") does not support"
                    + " automated data labeling, so it takes no VpcConfig; only these four do: " + four);
        }
        return type;
    }
}
