package dev.gtvpc.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The environment an AWS CLI user would have, pointed at the test servers instead of AWS. */
public final class AwsEnv {
    private AwsEnv() {
    }

    /**
     * Keys of the Ceph user, S3 at {@code s3} (Ceph, or a proxy in front of it), STS, SageMaker and
     * EC2 at the stub server, and a HOME without AWS config files.
     */
    public static Map<String, String> of(Path home, CephS3 ceph, URI s3, WireMockServer stubs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_ACCESS_KEY_ID", ceph.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", ceph.secretKey());
        env.put("AWS_ENDPOINT_URL_S3", s3.toString());
        env.put("AWS_ENDPOINT_URL_STS", AwsStubs.endpoint(stubs));
        env.put("AWS_ENDPOINT_URL_SAGEMAKER", AwsStubs.endpoint(stubs));
        env.put("AWS_ENDPOINT_URL_EC2", AwsStubs.endpoint(stubs));
        return env;
    }
}
