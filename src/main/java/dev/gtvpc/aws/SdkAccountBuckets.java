package dev.gtvpc.aws;

import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/** {@link AccountBuckets} over the SDK's S3 client. */
final class SdkAccountBuckets implements AccountBuckets {
    // S3's largest page; a listing above 10,000 buckets must be paginated to be complete
    private static final int PAGE = 1000;
    private final S3Client s3;
    private final String endpoint;
    private final SdkBucketPolicyStore policies;

    /** {@code limit}: the longest one policy read may take, retries included (see {@link SdkBucketPolicyStore}). */
    SdkAccountBuckets(S3Client s3, String endpoint, java.time.Duration limit) {
        this.s3 = s3;
        this.endpoint = endpoint;
        this.policies = new SdkBucketPolicyStore(s3, endpoint, limit);
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

    /** Read as apply reads it: a body cut by the network is read again, then a network error, never a policy. */
    @Override
    public Optional<String> policy(String bucket) {
        return policies.policy(bucket);
    }
}
