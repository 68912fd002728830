package dev.gtvpc.aws;

/**
 * The AWS services a command talks to. The CLI asks for them only inside the commands that talk to
 * AWS, so the offline commands never load an SDK class.
 */
public interface AwsServices extends AutoCloseable {
    BucketPolicyStore buckets();

    LabelingJobs labelingJobs();

    CallerIdentity callerIdentity();

    VpcInventory vpcInventory();

    /** The caller's buckets for an audit: its own S3 client, with adaptive retries (it sends many requests at once). */
    AccountBuckets accountBuckets();

    /** AWS Config's aggregated inventory. */
    ConfigInventory configInventory();

    /** AWS Organizations, read only: the RCPs and SCPs above each account. */
    OrganizationsReader organizations();

    /** The region the services are bound to. */
    String region();

    @Override
    void close();

    /** The SDK-backed services for {@code settings}; clients are created on first use. */
    static AwsServices connect(AwsSettings settings) {
        return new SdkServices(settings);
    }
}
