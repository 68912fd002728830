package dev.gtvpc.aws;

import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@link AccountBuckets} over the SDK's S3 client. */
final class SdkAccountBuckets implements AccountBuckets {
    // S3's largest page; a listing above 10,000 buckets must be paginated to be complete
    private static final int PAGE = 1000;
    private final S3Client s3;
    private final String endpoint;

    SdkAccountBuckets(S3Client s3, String endpoint) {
        this.s3 = s3;
        this.endpoint = endpoint;
    }

    @Override
    public long list(Consumer<Listed> each) {
        long n = 0;
        String token = null;
        try {
            do {
                String from = token;
                ListBucketsResponse page = s3.listBuckets(b -> b.maxBuckets(PAGE).continuationToken(from));
                for (Bucket b : page.buckets()) {
                    n++;
                    each.accept(new Listed(b.name(), Optional.ofNullable(b.bucketRegion()).filter(r -> !r.isEmpty())));
                }
                token = page.continuationToken();
            } while (token != null && !token.isEmpty());
        } catch (SdkException e) {
            throw AwsErrors.describe("ListBuckets", n == 0 ? "" : "the page after bucket " + n, endpoint, e);
        }
        return n;
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
}
