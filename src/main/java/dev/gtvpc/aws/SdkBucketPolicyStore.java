package dev.gtvpc.aws;

import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@link BucketPolicyStore} over the SDK's S3 client. */
final class SdkBucketPolicyStore implements BucketPolicyStore {
    private final S3Client s3;
    private final String endpoint;

    SdkBucketPolicyStore(S3Client s3, String endpoint) {
        this.s3 = s3;
        this.endpoint = endpoint;
    }

    @Override
    public String bucketRegion(String bucket) {
        try {
            GetBucketLocationResponse r = s3.getBucketLocation(b -> b.bucket(bucket));
            String constraint = r.locationConstraintAsString();
            if (constraint == null || constraint.isEmpty()) {
                return "us-east-1";
            }
            // buckets made before eu-west-1 had its name report the legacy constraint
            return constraint.equals("EU") ? "eu-west-1" : constraint;
        } catch (SdkException e) {
            throw AwsErrors.describe("GetBucketLocation", "bucket " + bucket, endpoint, e);
        }
    }

    @Override
    public Optional<String> policy(String bucket) {
        try {
            return Optional.of(s3.getBucketPolicy(b -> b.bucket(bucket)).policy());
        } catch (S3Exception e) {
            if (e.awsErrorDetails() != null && "NoSuchBucketPolicy".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw AwsErrors.describe("GetBucketPolicy", "bucket " + bucket, endpoint, e);
        } catch (SdkException e) {
            throw AwsErrors.describe("GetBucketPolicy", "bucket " + bucket, endpoint, e);
        }
    }

    @Override
    public void putPolicy(String bucket, String policyJson, boolean confirmRemoveSelfAccess) {
        PutBucketPolicyRequest.Builder request = PutBucketPolicyRequest.builder().bucket(bucket).policy(policyJson);
        if (confirmRemoveSelfAccess) {
            request.confirmRemoveSelfBucketAccess(true);
        }
        try {
            s3.putBucketPolicy(request.build());
        } catch (SdkException e) {
            throw AwsErrors.describe("PutBucketPolicy", "bucket " + bucket, endpoint, e);
        }
    }

    @Override
    public void deletePolicy(String bucket) {
        try {
            s3.deleteBucketPolicy(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw AwsErrors.describe("DeleteBucketPolicy", "bucket " + bucket, endpoint, e);
        }
    }
}
