package dev.gtvpc.groundtruth;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code job vpc-config --full} adds: the bucket the job's files live in (the bucket policy's
 * bucket), the job's name, and the two ARNs only the user can know; left out, they become
 * {@code <PLACEHOLDER>}s that {@code policy lint}'s placeholder-left rule and CreateLabelingJob refuse.
 */
public record JobSkeletonRequest(String bucket, String jobName, Optional<String> roleArn, Optional<String> workteamArn) {
    public JobSkeletonRequest {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(workteamArn, "workteamArn");
    }
}
