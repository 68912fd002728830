package dev.gtvpc.apply;

import dev.gtvpc.aws.Identity;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.verify.VerifyInputs;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an apply (or a rollback) will do to one bucket: the policy it has now (the exact text S3
 * returned, and as read), the policy it will have (empty: the policy is deleted), the statement-level
 * difference and the changes in who can do what. {@code targetText} is the exact text to send when the
 * target is a backup's (a rollback): S3's old bytes, so the backup's SHA-256 matches the bucket again;
 * empty, gtvpc sends the target in its compact form.
 */
public record ApplyPlan(
        String bucket,
        String region,
        Identity caller,
        Optional<String> currentText,
        Optional<Policy> current,
        Optional<Policy> target,
        Optional<String> targetText,
        List<StatementChange> statementChanges,
        List<AccessChange> accessChanges,
        VerifyInputs inputs) {

    public ApplyPlan {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(currentText, "currentText");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetText, "targetText");
        statementChanges = List.copyOf(statementChanges);
        accessChanges = List.copyOf(accessChanges);
        Objects.requireNonNull(inputs, "inputs");
    }

    /** False when the bucket already has exactly the statements it would get. */
    public boolean changesAnything() {
        if (current.isPresent() != target.isPresent()) {
            return true;
        }
        return statementChanges.stream().anyMatch(c -> c.kind() != StatementChange.Kind.KEPT);
    }
}
