package dev.gtvpc.groundtruth;

import java.util.Objects;
import java.util.Optional;

/**
 * One of Ground Truth's built-in task types. {@code name} is the suffix of its built-in Lambdas
 * ({@code PRE-<name>}, {@code ACS-<name>}); {@code algorithm} is set only for the four types that
 * support automated data labeling; {@code labelAttributeName} is what gtvpc writes for the job's
 * LabelAttributeName (semantic segmentation's must end in {@code -ref}).
 */
public record LabelingTaskType(String name, String title, Optional<String> algorithm, String labelAttributeName) {
    public LabelingTaskType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(labelAttributeName, "labelAttributeName");
    }

    public boolean supportsAutomatedLabeling() {
        return algorithm.isPresent();
    }
}
