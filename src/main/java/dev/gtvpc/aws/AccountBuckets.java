package dev.gtvpc.aws;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The caller's buckets and their policies, for an audit: ListBuckets (every page) and GetBucketPolicy.
 * Needs s3:ListAllMyBuckets and s3:GetBucketPolicy, nothing else. Every failure is an
 * {@link AwsCallFailed} (exit code 3) whose message names the operation and the bucket; no SDK type
 * crosses this interface. Safe to call {@link #policy} from several threads.
 */
public interface AccountBuckets {
    /** A bucket as ListBuckets names it; the region when S3 reported one (AWS does on paginated listings). */
    record Listed(String name, Optional<String> region) {
    }

    /** Every bucket, page by page (1,000 a page), in the order S3 lists them; returns how many. */
    long list(Consumer<Listed> each);

    /** GetBucketPolicy; empty when the bucket has none (NoSuchBucketPolicy). */
    Optional<String> policy(String bucket);
}
