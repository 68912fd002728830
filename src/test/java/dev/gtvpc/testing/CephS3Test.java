package dev.gtvpc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gtvpc.testing.FaultyS3.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The fixtures themselves: Ceph behaves like S3 for bucket policies, and each FaultyS3 fault does what it says. */
@ExtendWith(CephS3.Extension.class)
class CephS3Test {
    private static CephS3 ceph;
    private static FaultyS3 faulty;

    @BeforeAll
    static void servers(CephS3 server, TestReporter reporter) {
        ceph = server;
        faulty = FaultyS3.start(server);
        reporter.publishEntry("cephStartMillis", Long.toString(server.startMillis()));
    }

    @AfterAll
    static void stopProxy() {
        if (faulty != null) {
            faulty.close();
        }
    }

    /** A policy that denies an action nobody uses here, told apart by its Sid. */
    private static String policy(String bucket, String sid) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/never/*\"}]}";
    }

    private static String policyOnServer(String bucket) {
        return ceph.s3().getBucketPolicy(b -> b.bucket(bucket)).policy();
    }

    private static void put(S3Client s3, String bucket, String policy) {
        s3.putBucketPolicy(b -> b.bucket(bucket).policy(policy));
    }

    @Test
    void bucketIsCreatedInTheServersRegion() {
        String bucket = ceph.createBucket("location");

        assertThat(ceph.s3().getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString())
                .isEqualTo(ceph.region());
        assertThat(ceph.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aBucketWithoutPolicyAnswersNoSuchBucketPolicy() {
        String bucket = ceph.createBucket("no-policy");

        assertThatThrownBy(() -> policyOnServer(bucket))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
                });
    }

    @Test
    void policyIsPutReadAndDeleted() {
        String bucket = ceph.createBucket("round-trip");

        put(ceph.s3(), bucket, policy(bucket, "First"));
        assertThat(policyOnServer(bucket)).contains("\"Sid\":\"First\"");
        put(ceph.s3(), bucket, policy(bucket, "Second"));
        assertThat(policyOnServer(bucket)).contains("\"Sid\":\"Second\"").doesNotContain("First");
        ceph.s3().deleteBucketPolicy(b -> b.bucket(bucket));

        assertThatThrownBy(() -> policyOnServer(bucket))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
    }

    @Test
    void aDenyOnSourceIpRefusesPutObjectEvenToTheOwner() {
        String bucket = ceph.createBucket("deny-ip");
        put(ceph.s3(), bucket, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoLoopbackWrites\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/blocked/*\","
                + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"}}}]}");

        ceph.s3().putObject(b -> b.bucket(bucket).key("open/a.txt"), RequestBody.fromString("hello"));
        assertThatThrownBy(() -> ceph.s3().putObject(b -> b.bucket(bucket).key("blocked/a.txt"), RequestBody.fromString("hello")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });

        ceph.s3().deleteBucketPolicy(b -> b.bucket(bucket));
        ceph.s3().putObject(b -> b.bucket(bucket).key("blocked/a.txt"), RequestBody.fromString("hello"));
    }

    @Test
    void aMalformedPolicyIsRefusedWith400() {
        String bucket = ceph.createBucket("malformed");

        assertThatThrownBy(() -> put(ceph.s3(), bucket, "{\"Version\":\"2012-10-17\",\"Statement\":["))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    // Ceph's code; AWS says MalformedPolicy
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                });
    }

    @Test
    void theProxyPassesSignedRequestsThrough() {
        String bucket = ceph.createBucket("proxy");

        put(faulty.s3(), bucket, policy(bucket, "ViaProxy"));

        assertThat(faulty.s3().getBucketPolicy(b -> b.bucket(bucket)).policy()).contains("ViaProxy");
        assertThat(faulty.s3().getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString()).isEqualTo(ceph.region());
        assertThat(faulty.received("PUT", bucket)).isEqualTo(1);
        assertThat(faulty.forwarded("PUT", bucket)).isEqualTo(1);
        assertThat(faulty.forwarded("GET", bucket)).isEqualTo(1);
    }

    @Test
    void aResetBeforeForwardingLeavesTheOldPolicy() {
        String bucket = ceph.createBucket("reset-before");
        put(ceph.s3(), bucket, policy(bucket, "Old"));
        faulty.arm("PUT", bucket, Fault.RESET);

        assertThatThrownBy(() -> put(faulty.s3(), bucket, policy(bucket, "New"))).isInstanceOf(SdkClientException.class);

        assertThat(policyOnServer(bucket)).contains("Old").doesNotContain("New");
        assertThat(faulty.received("PUT", bucket)).isEqualTo(1);
        assertThat(faulty.forwarded("PUT", bucket)).isZero();
    }

    @Test
    void anErrorAfterForwardingHidesAWriteThatHappened() {
        String bucket = ceph.createBucket("error-after");
        put(ceph.s3(), bucket, policy(bucket, "Old"));
        faulty.arm("PUT", bucket, Fault.FORWARD_THEN_ERROR);

        assertThatThrownBy(() -> put(faulty.s3(), bucket, policy(bucket, "New")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
                });

        assertThat(policyOnServer(bucket)).contains("New");
        assertThat(faulty.forwarded("PUT", bucket)).isEqualTo(1);
    }

    @Test
    void aResetAfterForwardingHidesAWriteThatHappened() {
        String bucket = ceph.createBucket("reset-after");
        put(ceph.s3(), bucket, policy(bucket, "Old"));
        faulty.arm("PUT", bucket, Fault.FORWARD_THEN_RESET);

        assertThatThrownBy(() -> put(faulty.s3(), bucket, policy(bucket, "New"))).isInstanceOf(SdkClientException.class);

        assertThat(policyOnServer(bucket)).contains("New");
        assertThat(faulty.forwarded("PUT", bucket)).isEqualTo(1);
    }

    @Test
    void aDeleteCanHappenWhileTheClientHearsAnError() {
        String bucket = ceph.createBucket("delete-after");
        put(ceph.s3(), bucket, policy(bucket, "Old"));
        faulty.arm("DELETE", bucket, Fault.FORWARD_THEN_ERROR);

        assertThatThrownBy(() -> faulty.s3().deleteBucketPolicy(b -> b.bucket(bucket))).isInstanceOf(S3Exception.class);

        assertThatThrownBy(() -> policyOnServer(bucket))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
    }

    @Test
    void onlyTheNthReadFails() {
        String bucket = ceph.createBucket("nth-get");
        put(faulty.s3(), bucket, policy(bucket, "Written"));
        faulty.arm("GET", bucket, Fault.ERROR, 2);

        assertThat(faulty.s3().getBucketPolicy(b -> b.bucket(bucket)).policy()).contains("Written");
        assertThatThrownBy(() -> faulty.s3().getBucketPolicy(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(faulty.s3().getBucketPolicy(b -> b.bucket(bucket)).policy()).contains("Written");

        assertThat(faulty.received("GET", bucket)).isEqualTo(3);
        assertThat(faulty.forwarded("GET", bucket)).isEqualTo(2);
    }

    /**
     * Not FaultyS3's doing but worth knowing when reading its counts: the JDK's HttpURLConnection,
     * under the SDK's url-connection client, resends a request without a body (GET, DELETE) once
     * when the connection fails, whatever the SDK's retry strategy says. One reset on a read or a
     * delete is invisible to the caller; PutBucketPolicy, which has a body, is not resent.
     */
    @Test
    void theJdkResendsABodilessRequestOnceAfterAReset() {
        String bucket = ceph.createBucket("reset-get");
        put(ceph.s3(), bucket, policy(bucket, "Kept"));

        faulty.arm("GET", bucket, Fault.RESET);
        assertThat(faulty.s3().getBucketPolicy(b -> b.bucket(bucket)).policy()).contains("Kept");
        assertThat(faulty.received("GET", bucket)).isEqualTo(2);
        assertThat(faulty.forwarded("GET", bucket)).isEqualTo(1);

        faulty.arm("DELETE", bucket, Fault.RESET);
        faulty.s3().deleteBucketPolicy(b -> b.bucket(bucket));
        assertThat(faulty.received("DELETE", bucket)).isEqualTo(2);
        assertThat(faulty.forwarded("DELETE", bucket)).isEqualTo(1);

        faulty.arm("GET", bucket, Fault.RESET);
        faulty.arm("GET", bucket, Fault.RESET, 2);
        assertThatThrownBy(() -> faulty.s3().getBucketPolicy(b -> b.bucket(bucket))).isInstanceOf(SdkClientException.class);
        assertThat(faulty.forwarded("GET", bucket)).isEqualTo(1);
    }

    @Test
    void anArmedFaultStaysUntilDisarmed() {
        String bucket = ceph.createBucket("always");
        faulty.armAlways("GET", bucket, Fault.ERROR);
        try {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> faulty.s3().getBucketPolicy(b -> b.bucket(bucket))).isInstanceOf(S3Exception.class);
            }
        } finally {
            faulty.disarm();
        }

        assertThatThrownBy(() -> faulty.s3().getBucketPolicy(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
        assertThat(faulty.forwarded("GET", bucket)).isEqualTo(1);
    }
}
