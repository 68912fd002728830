package dev.gtvpc.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.cli.RunContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environments tests run gtvpc in: the one place they are made, so every one of them has
 * {@code AWS_EC2_METADATA_DISABLED=true} (a credential chain that reaches the EC2 instance metadata
 * service waits for it to time out on a machine that is not an EC2 instance) and none reads the
 * developer's own {@code ~/.aws} or {@code AWS_*} variables.
 */
public final class AwsEnv {
    /** A HOME that does not exist: no shared config or credentials file. */
    private static final String NO_HOME = "/nonexistent/gtvpc-test-home";

    private AwsEnv() {
    }

    /** Only what every test environment has: HOME at {@code home}, and no instance metadata service. */
    public static Map<String, String> base(Path home) {
        return base(home.toString());
    }

    private static Map<String, String> base(String home) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home);
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        return env;
    }

    /** The environment of a run that reaches no AWS service: no credentials, no config files. */
    public static Map<String, String> offline() {
        return base(NO_HOME);
    }

    /** A run of an offline command: {@link #offline()}, no terminal, the system clock, empty standard input. */
    public static RunContext offlineContext() {
        return new RunContext(offline(), Optional.empty(), Clock.systemUTC());
    }

    /** Keys {@code accessKey}/{@code secretKey}, and STS, SageMaker, EC2 and Organizations at the stub server. */
    public static Map<String, String> stubs(Path home, String accessKey, String secretKey, WireMockServer stubs) {
        Map<String, String> env = base(home);
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        env.put("AWS_SECRET_ACCESS_KEY", secretKey);
        String endpoint = AwsStubs.endpoint(stubs);
        env.put("AWS_ENDPOINT_URL_STS", endpoint);
        env.put("AWS_ENDPOINT_URL_SAGEMAKER", endpoint);
        env.put("AWS_ENDPOINT_URL_EC2", endpoint);
        env.put("AWS_ENDPOINT_URL_ORGANIZATIONS", endpoint);
        return env;
    }

    /**
     * Keys of the Ceph user, S3 at {@code s3} (Ceph, or a proxy in front of it), STS, SageMaker,
     * EC2 and Organizations at the stub server, and a HOME without AWS config files.
     */
    public static Map<String, String> of(Path home, CephS3 ceph, URI s3, WireMockServer stubs) {
        Map<String, String> env = stubs(home, ceph.accessKey(), ceph.secretKey(), stubs);
        env.put("AWS_ENDPOINT_URL_S3", s3.toString());
        return env;
    }
}
