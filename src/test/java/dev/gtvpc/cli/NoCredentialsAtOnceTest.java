package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.gtvpc.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 28, 5: with no source of credentials configured, an AWS command took 8–15 s to say so — the
 * SDK's default chain ends at the EC2 instance metadata service and waits for it to time out. Here
 * gtvpc runs as a user would start it: a child process with a clean environment (no {@code AWS_*}
 * variable, not even {@code AWS_EC2_METADATA_DISABLED}), an empty HOME, and the metadata service at a
 * local socket that accepts connections and never answers. Asserted on the outcome, not on a clock:
 * exit 3 with the one line, and the metadata service was never contacted (had it been, the run would
 * have waited on it for the SDK's timeouts).
 */
class NoCredentialsAtOnceTest {
    private static final String NO_CREDENTIALS = "gtvpc: no AWS credentials found: use --profile, set AWS_PROFILE, or set"
            + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (the AWS CLI's credential chain applies)\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"policy get --bucket no-credentials-bucket", "jobs in-progress --bucket no-credentials-bucket"})
    void noSourceOfCredentialsIsSaidAtOnceWithoutAskingTheMetadataService(String command) throws Exception {
        assumeFalse(onEc2(), "on an EC2 instance the metadata service is a source of credentials, and is asked");
        Path home = Files.createDirectories(dir.resolve("empty-home"));
        try (ServerSocket metadata = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket s3 = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), "dev.gtvpc.cli.Main"));
            args.addAll(List.of(command.split(" ")));
            // every request, S3's and SageMaker's alike, goes to a local socket too: nothing here may reach AWS
            args.addAll(List.of("--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:" + s3.getLocalPort()));
            ProcessBuilder pb = new ProcessBuilder(args);
            pb.environment().clear();
            pb.environment().put("HOME", home.toString());
            pb.environment().put("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + metadata.getLocalPort());
            pb.environment().put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + s3.getLocalPort());
            Process p = pb.start();
            p.getOutputStream().close();
            // generous: this bounds a hung run, it measures nothing
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("gtvpc ended").isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isEqualTo(ExitCode.AWS_ERROR.code());
            assertThat(err).isEqualTo(NO_CREDENTIALS);
            assertThat(out).isEmpty();
            // a connection the child made is in the listen queue whether or not anyone accepted it
            assertThat(connectionsMadeTo(metadata)).as("connections to the instance metadata service").isZero();
            assertThat(connectionsMadeTo(s3)).as("connections to the service endpoint (no request is sent unsigned)").isZero();
        }
    }

    @Test
    void theStubCountsAConnectionMadeBeforeItLooks() throws IOException {
        // the check above is only as good as this: a connection left in the queue is counted
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            client.close();
            assertThat(connectionsMadeTo(server)).isEqualTo(1);
        }
    }

    /** The connections waiting in {@code server}'s queue, taken off it. */
    private static int connectionsMadeTo(ServerSocket server) throws IOException {
        server.setSoTimeout(500);
        int n = 0;
        while (true) {
            try (Socket ignored = server.accept()) {
                n++;
            } catch (SocketTimeoutException e) {
                return n;
            }
        }
    }

    /** As CredentialSources decides it: a Xen EC2 hypervisor, or a Nitro board whose asset tag is an instance ID. */
    private static boolean onEc2() {
        return startsWith(Path.of("/sys/hypervisor/uuid"), "ec2")
                || startsWith(Path.of("/sys/devices/virtual/dmi/id/board_asset_tag"), "i-");
    }

    private static boolean startsWith(Path file, String prefix) {
        try {
            return Files.isReadable(file) && Files.readString(file).strip().toLowerCase(Locale.ROOT).startsWith(prefix);
        } catch (IOException e) {
            return false;
        }
    }
}
