package dev.gtvpc.audit;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One bucket as a source reported it: where it is, its policy text exactly as stored (empty: the
 * bucket has none), or why it could not be read ({@code unreadable}: the read failed, so nothing is
 * known about its policy). {@code source} names where the record came from (a file, an ARN) for
 * output that points at it, such as SARIF.
 */
public record BucketRecord(String bucket, String account, String region, Optional<String> policy, Optional<String> unreadable,
        Map<String, String> tags, String source) {
    public BucketRecord {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(unreadable, "unreadable");
        tags = Map.copyOf(tags);
        Objects.requireNonNull(source, "source");
        if (policy.isPresent() && unreadable.isPresent()) {
            throw new IllegalArgumentException("a record has a policy or a read failure, not both");
        }
    }

    public static BucketRecord withPolicy(String bucket, String account, String region, String policy, Map<String, String> tags,
            String source) {
        return new BucketRecord(bucket, account, region, Optional.of(policy), Optional.empty(), tags, source);
    }

    public static BucketRecord noPolicy(String bucket, String account, String region, Map<String, String> tags, String source) {
        return new BucketRecord(bucket, account, region, Optional.empty(), Optional.empty(), tags, source);
    }

    public static BucketRecord unreadable(String bucket, String account, String region, String why, Map<String, String> tags,
            String source) {
        return new BucketRecord(bucket, account, region, Optional.empty(), Optional.of(why), tags, source);
    }

    public String arn() {
        return "arn:" + dev.gtvpc.policy.AwsIds.partitionOf(region.isEmpty() ? "us-east-1" : region) + ":s3:::" + bucket;
    }
}
