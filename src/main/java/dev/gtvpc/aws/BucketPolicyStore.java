package dev.gtvpc.aws;

import java.util.Optional;

/**
 * A bucket's policy in S3. Every failure is a {@link dev.gtvpc.GtvpcException} with exit code 3 and
 * one line that names the operation and the bucket; no SDK type crosses this interface.
 */
public interface BucketPolicyStore {
    /** GetBucketLocation, as a region name: an empty constraint is us-east-1, the legacy "EU" is eu-west-1. */
    String bucketRegion(String bucket);

    /** GetBucketPolicy; empty when the bucket has none (NoSuchBucketPolicy). */
    Optional<String> policy(String bucket);

    /** PutBucketPolicy; {@code confirmRemoveSelfAccess} sends x-amz-confirm-remove-self-bucket-access. */
    void putPolicy(String bucket, String policyJson, boolean confirmRemoveSelfAccess);

    /** DeleteBucketPolicy. */
    void deletePolicy(String bucket);
}
