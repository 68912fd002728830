package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.testing.AwsEnv;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.CephS3;
import dev.gtvpc.testing.Cli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI's conventions — profiles, endpoint variables, --endpoint-url — and one clear line with
 * exit code 3 for each kind of AWS failure, never a credential in the output.
 */
class AwsConventionsTest {
    private static final String FIX_THE_PROFILE = " — fix the profile in the shared config or credentials file (AWS_CONFIG_FILE,"
            + " AWS_SHARED_CREDENTIALS_FILE or ~/.aws)";

    @RegisterExtension
    static final AwsServers AWS = AwsServers.withCeph();

    private final CephS3 ceph = AWS.ceph();
    private final WireMockServer stubs = AWS.stubs();
    private String bucket;
    @TempDir
    Path dir;

    @BeforeEach
    void bucket() {
        bucket = ceph.createBucket("conventions");
        ceph.s3().putBucketPolicy(b -> b.bucket(bucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Partner\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}"));
    }

    private Cli.Result run(Map<String, String> env, String... args) {
        return Cli.runIn(new RunContext(env, Optional.empty(), Clock.systemUTC()), null, args);
    }

    /** A HOME whose ~/.aws holds a "tester" profile with the server's keys and region, and a "broken" one. */
    private Map<String, String> homeWithProfiles() throws IOException {
        Path aws = Files.createDirectories(dir.resolve("home/.aws"));
        Files.writeString(aws.resolve("credentials"), "[tester]\naws_access_key_id = " + ceph.accessKey() + "\naws_secret_access_key = "
                + ceph.secretKey() + "\n");
        Files.writeString(aws.resolve("config"), "[profile tester]\nregion = " + ceph.region() + "\n");
        return AwsEnv.base(dir.resolve("home"));
    }

    @Test
    void profileFlagSuppliesKeysAndRegionAndEndpointUrlReachesTheServer() throws IOException {
        Cli.Result r = run(homeWithProfiles(), "policy", "get", "--bucket", bucket, "--profile", "tester", "--endpoint-url",
                ceph.endpoint().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"Sid\": \"Partner\"");
    }

    @Test
    void awsProfileAndTheGeneralEndpointVariableWorkToo() throws IOException {
        Map<String, String> env = homeWithProfiles();
        env.put("AWS_PROFILE", "tester");
        env.put("AWS_ENDPOINT_URL", ceph.endpoint().toString());
        Cli.Result r = run(env, "policy", "get", "--bucket", bucket);
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @Test
    void anUnknownProfileIsBadInput() throws IOException {
        Cli.Result r = run(homeWithProfiles(), "policy", "get", "--bucket", bucket, "--profile", "nope", "--region", ceph.region());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: AWS profile 'nope' is not in the shared config or credentials file\n");
    }

    /** A HOME whose ~/.aws/credentials holds {@code text}. */
    private Map<String, String> homeWithCredentials(String text) throws IOException {
        Path aws = Files.createDirectories(dir.resolve("home/.aws"));
        Files.writeString(aws.resolve("credentials"), text);
        return AwsEnv.base(dir.resolve("home"));
    }

    private Path script(String name, String body) throws IOException {
        Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
        p.toFile().setExecutable(true);
        return p;
    }

    @Test
    void aProfileWithoutItsSecretKeyIsBadInputNamingTheProfile() throws IOException {
        // was exit 70, "internal error: IllegalArgumentException" (issue 17.8)
        Cli.Result r = run(homeWithCredentials("[half]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"), "policy", "get", "--bucket", bucket,
                "--profile", "half", "--region", ceph.region(), "--endpoint-url", ceph.endpoint().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: AWS profile 'half' gives no credentials: Profile property 'aws_secret_access_key' was not"
                + " configured for 'half'" + FIX_THE_PROFILE + "\n");
    }

    @Test
    void aFailingCredentialProcessIsBadInputWithWhatItSaid() throws IOException {
        Path failing = script("sso-login-needed.sh", "echo 'token expired: run sso login' >&2\nexit 3");
        Map<String, String> env = homeWithCredentials("[tool]\ncredential_process = " + failing + "\n");
        env.put("AWS_PROFILE", "tool");
        Cli.Result r = run(env, "policy", "get", "--bucket", bucket, "--region", ceph.region(), "--endpoint-url",
                ceph.endpoint().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: AWS profile 'tool' gives no credentials: Failed to refresh process-based credentials:"
                + " Command returned non-zero exit value (3) with error message: token expired: run sso login" + FIX_THE_PROFILE + "\n");
    }

    @Test
    void aCredentialProcessThatPrintsHalfItsAnswerIsBadInputAndItsSecretIsNotPrinted() throws IOException {
        // not a key any other test signs with: those are remembered for redaction, and would hide a leak here
        String secret = "hALf/PrintedByACredentialProcess/EXAMPLE";
        Path half = script("half-json.sh", "printf '{\"Version\": 1, \"AccessKeyId\": \"AKIAIOSFODNN7EXAMPLE\", \"SecretAccessKey\": \""
                + secret + "\"'");
        Cli.Result r = run(homeWithCredentials("[tool]\ncredential_process = " + half + "\n"), "--verbose", "policy", "get", "--bucket",
                bucket, "--profile", "tool", "--region", ceph.region(), "--endpoint-url", ceph.endpoint().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().findFirst()).contains("gtvpc: AWS profile 'tool' gives no credentials: Failed to refresh"
                + " process-based credentials: JsonEOFException: Unexpected end-of-input: expected close marker for Object (start marker"
                + " at …" + FIX_THE_PROFILE);
        // the SDK's parser quotes its input in its message; --verbose prints the whole chain
        assertThat(r.err()).doesNotContain(secret).doesNotContain("PrintedByACredentialProcess");
    }

    @Test
    void aSessionTokenFromAProfileIsNotPrintedWhenAServiceEchoesIt() throws IOException {
        // issue 17.7: the token came from the profile, not the environment, and the echo does not name it
        String token = "IQoJb3JpZ2luX2VjEXAMPLETOKENFROMSSO/" + "x7Kq9".repeat(12);
        Map<String, String> env = homeWithCredentials("[sso]\naws_access_key_id = ASIAEXAMPLEEXAMPLE12\naws_secret_access_key = "
                + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLE01\naws_session_token = " + token + "\n");
        env.put("AWS_ENDPOINT_URL_SAGEMAKER", AwsStubs.endpoint(stubs));
        AwsStubs.error(stubs, AwsStubs.Operation.LIST_LABELING_JOBS, 400, "ValidationException", "cannot use '" + token + "' here");
        Cli.Result r = run(env, "--verbose", "jobs", "in-progress", "--bucket", bucket, "--region", AwsStubs.REGION, "--profile", "sso");
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("gtvpc: ListLabelingJobs").endsWith("cannot use '[REDACTED]' here");
        assertThat(r.err() + r.out()).doesNotContain(token).doesNotContain("x7Kq9x7Kq9");
    }

    @Test
    void noRegionAnywhereIsBadInput() {
        Map<String, String> env = AWS.env();
        Cli.Result r = run(env, "policy", "get", "--bucket", bucket);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: no AWS region: use --region, or set AWS_REGION or the profile's region\n");
    }

    @Test
    void accessDeniedIsOneLine() {
        ceph.s3().putBucketPolicy(b -> b.bucket(bucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoReading\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetBucketPolicy\",\"Resource\":\"arn:aws:s3:::" + bucket + "\"}]}"));
        Cli.Result r = run(AWS.env(), "policy", "get", "--bucket", bucket, "--region",
                ceph.region());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("gtvpc: GetBucketPolicy on bucket " + bucket + ": access denied (HTTP 403 AccessDenied) — the"
                + " caller's identity policy or the bucket policy does not allow it\n");
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsOneLine() {
        AwsStubs.alwaysThrottle(stubs, AwsStubs.Operation.LIST_LABELING_JOBS);
        Cli.Result r = run(AWS.env(), "jobs", "in-progress", "--bucket", bucket,
                "--region", ceph.region());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("gtvpc: ListLabelingJobs: throttled by AWS and still throttled after the retries (HTTP 400"
                + " ThrottlingException); try again later\n");
    }

    @Test
    void anUnreachableEndpointIsOneLine() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Cli.Result r = run(AWS.env(), "policy", "get", "--bucket", bucket, "--region",
                ceph.region(), "--endpoint-url", "http://127.0.0.1:" + closed);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("gtvpc: GetBucketPolicy on bucket " + bucket + ": cannot reach http://127.0.0.1:" + closed
                + " (connection refused)\n");
    }

    /**
     * The SDK's default chain passes over a broken default profile and reports only that it found
     * nothing; the AWS CLI would stop at the profile. So the profile's own failure is the message. A
     * child process, as below: the chain reads the real environment.
     */
    @Test
    void aBrokenDefaultProfileIsNamedEvenWhenTheDefaultChainRuns() throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("default-home/.aws")).getParent();
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), "dev.gtvpc.cli.Main", "policy", "get", "--bucket", bucket,
                "--region", ceph.region(), "--endpoint-url", ceph.endpoint().toString());
        pb.environment().clear();
        pb.environment().putAll(AwsEnv.base(home));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err).isEqualTo("gtvpc: AWS profile 'default' gives no credentials: Profile property 'aws_secret_access_key' was not"
                + " configured for 'default'" + FIX_THE_PROFILE + "\n");
    }

    /**
     * Without any credentials the SDK's own chain runs, which reads the real process environment and
     * home: so this runs gtvpc in a child process with an empty environment and a fresh home.
     */
    @Test
    void noCredentialsAtAllIsOneLine() throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("empty-home"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), "dev.gtvpc.cli.Main", "--verbose", "policy", "get", "--bucket", bucket,
                "--region", ceph.region(), "--endpoint-url", ceph.endpoint().toString());
        pb.environment().clear();
        pb.environment().putAll(AwsEnv.base(home));
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isEqualTo(3);
        assertThat(err.lines().findFirst()).contains("gtvpc: no AWS credentials found: use --profile, set AWS_PROFILE, or set"
                + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the AWS CLI's credential chain applies)");
        assertThat(List.of(err)).noneMatch(e -> e.contains(ceph.secretKey()));
    }
}
