package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.apply.Backups;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.CephS3;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.FaultyS3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures on the S3 path of an apply, injected by a proxy in front of the real server: whatever
 * happens, the bucket ends with the old or the new policy, the backup exists, and the one line on
 * stderr says which. gtvpc's client retries as the AWS CLI does (three attempts), so a fault that
 * must last is armed for every attempt.
 */
class ApplyFaultsTest {
    @RegisterExtension
    static final AwsServers AWS = AwsServers.withCeph().withProxy().caller(ApplyAgainstS3Test.TESTER, ApplyAgainstS3Test.ACCOUNT);

    private final CephS3 ceph = AWS.ceph();
    private final FaultyS3 proxy = AWS.proxy();
    private String bucket;
    private String oldPolicy;
    @TempDir
    Path dir;

    @BeforeEach
    void bucketWithAPolicy() {
        bucket = ceph.createBucket("faults");
        oldPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PartnerRead\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
        ceph.s3().putBucketPolicy(b -> b.bucket(bucket).policy(oldPolicy));
    }

    private Cli.Result apply(Optional<RunContext.Terminal> terminal, String... extra) throws IOException {
        String policy = Cli.run("policy", "generate", "--region", ceph.region(), "--bucket", bucket, "--vpc", "vpc-0abc1234def567890",
                "--role-arn", ApplyAgainstS3Test.TESTER, "--actions", ApplyAgainstS3Test.CEPH_KNOWS).out();
        Path file = Files.writeString(dir.resolve("p.json"), policy);
        RunContext context = new RunContext(AWS.envThroughProxy(), terminal, Clock.systemUTC());
        List<String> args = new java.util.ArrayList<>(List.of("policy", "apply", file.toString(), "--bucket", bucket, "--region",
                ceph.region(), "--backup-dir", dir.resolve("backups").toString(),
                terminal.isEmpty() ? "--yes" : "--allow-in-progress-jobs"));
        args.addAll(List.of(extra));
        if (!args.contains("--settle")) {
            args.addAll(List.of("--settle", "1"));
        }
        return Cli.runIn(context, null, args.toArray(String[]::new));
    }

    private RunContext context() {
        return new RunContext(AWS.envThroughProxy(), Optional.empty(), Clock.systemUTC());
    }

    private String serverPolicy() {
        return ceph.s3().getBucketPolicy(b -> b.bucket(bucket)).policy();
    }

    private Path onlyBackup() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    @Test
    void connectionResetDuringPutBucketPolicyLeavesTheOldPolicyAndSaysItMayStillLand() throws IOException {
        proxy.armAlways("PUT", bucket, FaultyS3.Fault.RESET);
        Cli.Result r = apply(Optional.empty());
        assertThat(r.exit()).isEqualTo(3);
        // gtvpc cannot know the reset came before the request reached S3: the previous policy now is no proof (issue 17.4)
        assertThat(r.err()).startsWith("gtvpc: PutBucketPolicy on bucket " + bucket + ": cannot reach " + proxy.endpoint())
                .contains("the bucket still has its previous policy 1 s later, but the request may still take effect")
                .contains("check with 'gtvpc policy get --bucket " + bucket + "' in a minute")
                .contains("backup of the previous policy: " + onlyBackup());
        assertThat(r.err().lines()).hasSize(1);
        assertThat(proxy.forwarded("PUT", bucket)).isZero();
        assertThat(serverPolicy()).isEqualTo(oldPolicy);
        assertThat(Backups.read(onlyBackup()).policy()).contains(oldPolicy);
    }

    @Test
    void aWriteThatLandsBeforeTheConnectionDropsIsReportedAsWritten() throws IOException {
        proxy.armAlways("PUT", bucket, FaultyS3.Fault.FORWARD_THEN_RESET);
        Cli.Result r = apply(Optional.empty());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("yet the bucket has the new policy: the write took effect")
                .contains("backup of the previous policy: " + onlyBackup());
        assertThat(serverPolicy()).contains("DenyAccessFromNonGTandCustomerVPC");
    }

    @Test
    void a500OnTheReadBackSaysTheWriteSucceededAndWhereTheBackupIs() throws IOException {
        // the prompt comes after the plan's read; from there the re-read is GET 1, the read-back GET 2 and its retries 3 and 4
        Cli.Result r = apply(Optional.of(question -> {
            for (int nth = 2; nth <= 4; nth++) {
                proxy.arm("GET", bucket, FaultyS3.Fault.ERROR, nth);
            }
            return Optional.of("y");
        }));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: PutBucketPolicy succeeded, but reading the policy back failed: GetBucketPolicy on bucket "
                + bucket + ": the service failed and kept failing after the retries (HTTP 500 InternalError)")
                .contains("backup of the previous policy: " + onlyBackup());
        assertThat(serverPolicy()).contains("DenyAccessFromNonGTandCustomerVPC");
    }

    @Test
    void oneTransient500IsRetriedAndTheApplySucceeds() throws IOException {
        proxy.arm("PUT", bucket, FaultyS3.Fault.ERROR);
        Cli.Result r = apply(Optional.empty());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(proxy.received("PUT", bucket)).isEqualTo(2);
        assertThat(proxy.forwarded("PUT", bucket)).isEqualTo(1);
        assertThat(serverPolicy()).contains("DenyAccessFromNonGTandCustomerVPC").contains("PartnerRead");
    }

    @Test
    void aCutGetBucketPolicyBodyIsANetworkErrorAndNoFileIsWritten() throws IOException {
        proxy.armAlways("GET", bucket, FaultyS3.Fault.FORWARD_THEN_TRUNCATE);
        Path out = dir.resolve("current.json");
        Cli.Result r = Cli.runIn(context(), null, "policy", "get", "--bucket", bucket, "--region", ceph.region(), "-o", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: GetBucketPolicy on bucket " + bucket + ": the response was cut off")
                .contains("a network error");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    /** Issue 28.6: the cut is told by the JSON, not only by the length, so a proxy that re-frames it cannot hide it. */
    @Test
    void aCutBodyWhoseLengthWasRewrittenToMatchIsStillANetworkErrorAndNoFileIsWritten() throws IOException {
        proxy.armAlways("GET", bucket, FaultyS3.Fault.FORWARD_THEN_CUT_WITH_MATCHING_LENGTH);
        Path out = dir.resolve("current.json");
        Cli.Result r = Cli.runIn(context(), null, "policy", "get", "--bucket", bucket, "--region", ceph.region(), "-o", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: GetBucketPolicy on bucket " + bucket + ": the response was cut off")
                .contains("not a complete JSON object").contains("a network error");
        assertThat(out).doesNotExist();
    }

    @Test
    void oneCutBodyWhoseLengthMatchesIsReadAgainByApplyNotCalledInvalidJson() throws IOException {
        proxy.arm("GET", bucket, FaultyS3.Fault.FORWARD_THEN_CUT_WITH_MATCHING_LENGTH);
        Cli.Result r = apply(Optional.empty());
        assertThat(r.err()).doesNotContain("invalid JSON").doesNotContain("cannot be read");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(serverPolicy()).contains("DenyAccessFromNonGTandCustomerVPC");
    }

    @Test
    void aCutBodyOnThePlanReadStopsTheApplyBeforeAnything() throws IOException {
        proxy.armAlways("GET", bucket, FaultyS3.Fault.FORWARD_THEN_TRUNCATE);
        Cli.Result r = apply(Optional.empty());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: GetBucketPolicy on bucket " + bucket + ": the response was cut off")
                .doesNotContain("cannot be read").doesNotContain("changed since");
        assertThat(proxy.received("PUT", bucket)).isZero();
        assertThat(serverPolicy()).isEqualTo(oldPolicy);
    }

    @Test
    void aCutBodyOnTheReadBackIsANetworkErrorNotSomeoneElsesChange() throws IOException {
        Cli.Result r = apply(Optional.of(question -> {
            // after the prompt: GET 1 is the re-read, GET 2 and on the read-back and its retries
            for (int nth = 2; nth <= 6; nth++) {
                proxy.arm("GET", bucket, FaultyS3.Fault.FORWARD_THEN_TRUNCATE, nth);
            }
            return Optional.of("y");
        }));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: PutBucketPolicy succeeded, but reading the policy back failed: GetBucketPolicy on bucket "
                + bucket + ": the response was cut off").doesNotContain("someone changed it");
        assertThat(serverPolicy()).contains("DenyAccessFromNonGTandCustomerVPC");
    }

    @Test
    void oneCutBodyIsReadAgainAndTheWholePolicyPrinted() throws IOException {
        proxy.arm("GET", bucket, FaultyS3.Fault.FORWARD_THEN_TRUNCATE);
        int before = proxy.received("GET", bucket);
        Cli.Result r = Cli.runIn(context(), null, "policy", "get", "--bucket", bucket, "--region", ceph.region(), "--raw");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(serverPolicy() + "\n");
        assertThat(proxy.received("GET", bucket) - before).isEqualTo(2);
    }

    @Test
    void aTricklingServerIsCutOffByTheCallTimeout() {
        // each piece comes within the 1 s read timeout; only the attempt and call limits stop the read
        // (CallLimitTest: apply's reader gives up a call that never returns). The outcome is checked, not the time.
        proxy.holdFor(java.time.Duration.ofSeconds(60));
        proxy.armAlways("GET", bucket, FaultyS3.Fault.FORWARD_THEN_TRICKLE);
        Cli.Result r = Cli.runIn(context(), null, "policy", "get", "--bucket", bucket, "--region", ceph.region(),
                "--cli-read-timeout", "1", "--cli-connect-timeout", "1");
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        // the SDK's attempt timeout closes the stream under the reader; either way it is a network error, not exit 70
        assertThat(r.err()).startsWith("gtvpc: GetBucketPolicy on bucket " + bucket + ": ").contains(proxy.endpoint().toString())
                .containsAnyOf("broke off", "no complete answer").contains("--cli-read-timeout");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void aWriteThatLandsAfterGtvpcGaveUpIsFoundByTheRecheck() throws IOException {
        // every PUT attempt is held 8 s on its way to Ceph; gtvpc's attempts time out after 2 s, the call after 6 s
        proxy.holdFor(java.time.Duration.ofSeconds(8));
        proxy.armAlways("PUT", bucket, FaultyS3.Fault.HOLD_THEN_FORWARD);
        Cli.Result r = apply(Optional.empty(), "--cli-read-timeout", "1", "--cli-connect-timeout", "1", "--settle", "7");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: PutBucketPolicy on bucket " + bucket + ": ")
                .contains("the bucket had its previous policy right after the failure, but 7 s later it has the new policy: the"
                        + " write took effect late")
                .contains("backup of the previous policy: " + onlyBackup());
        assertThat(proxy.landedLate()).isPositive();
        assertThat(serverPolicy()).contains("DenyAccessFromNonGTandCustomerVPC");
    }

    /** A rollback to a backup that records no policy: its write is a DeleteBucketPolicy. */
    private Cli.Result rollbackToNoPolicy() {
        Path none = Backups.write(dir.resolve("none"), new dev.gtvpc.apply.Backup(bucket, ceph.region(), ApplyAgainstS3Test.ACCOUNT,
                java.time.Instant.now(), Optional.empty()));
        return Cli.runIn(context(), null, "policy", "rollback", "--bucket", bucket, "--backup", none.toString(), "--yes",
                "--backup-dir", dir.resolve("backups").toString(), "--settle", "1");
    }

    @Test
    void aDeleteThatLandsBeforeTheConnectionDropsSaysTheBucketHasNoPolicyNotANewOne() throws IOException {
        proxy.armAlways("DELETE", bucket, FaultyS3.Fault.FORWARD_THEN_RESET);
        Cli.Result r = rollbackToNoPolicy();
        assertThat(r.exit()).isEqualTo(3);
        // issue 17.8: this said "yet the bucket has the new policy: the write took effect"
        assertThat(r.err()).startsWith("gtvpc: DeleteBucketPolicy on bucket " + bucket + ": ")
                .contains("yet the bucket has no policy: the deletion took effect")
                .doesNotContain("new policy")
                .contains("backup of the previous policy: " + onlyBackup());
        assertThat(r.err().lines()).hasSize(1);
        assertThat(proxy.forwarded("DELETE", bucket)).isPositive();
        assertThat(Backups.read(onlyBackup()).policy()).contains(oldPolicy);
    }

    @Test
    void aRefusedDeleteSaysThePreviousPolicyStaysAndNeverClaimsANewOne() throws IOException {
        proxy.armAlways("DELETE", bucket, FaultyS3.Fault.ERROR);
        Cli.Result r = rollbackToNoPolicy();
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: DeleteBucketPolicy on bucket " + bucket + ": the service failed and kept failing after"
                        + " the retries (HTTP 500 InternalError)")
                .contains("the bucket still has its previous policy 1 s later, but the request may still take effect")
                .doesNotContain("new policy")
                .contains("backup of the previous policy: " + onlyBackup());
        assertThat(proxy.forwarded("DELETE", bucket)).isZero();
        assertThat(serverPolicy()).isEqualTo(oldPolicy);
    }

    @Test
    void aDeleteWhoseReadBackFailsSaysTheBucketMostLikelyHasNoPolicy() throws IOException {
        // GET 1 is the plan's read, 2 the re-read before the write; 3 on the read-back and its retries
        for (int nth = 3; nth <= 5; nth++) {
            proxy.arm("GET", bucket, FaultyS3.Fault.ERROR, nth);
        }
        Cli.Result r = rollbackToNoPolicy();
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: DeleteBucketPolicy succeeded, but reading the policy back failed: GetBucketPolicy on"
                        + " bucket " + bucket + ": the service failed and kept failing after the retries (HTTP 500 InternalError);"
                        + " the bucket most likely has no policy")
                .doesNotContain("new policy");
    }

    /** What a stopped child process printed on stderr, and its exit code. */
    private record Stopped(String err, int exit) {
    }

    /**
     * An apply in a child process, its PutBucketPolicy held at the proxy, stopped by {@code signal}
     * once the PUT has reached the proxy.
     */
    private Stopped interruptedApply(String signal) throws IOException, InterruptedException {
        String policy = Cli.run("policy", "generate", "--region", ceph.region(), "--bucket", bucket, "--vpc", "vpc-0abc1234def567890",
                "--role-arn", ApplyAgainstS3Test.TESTER, "--actions", ApplyAgainstS3Test.CEPH_KNOWS).out();
        Path file = Files.writeString(dir.resolve("p.json"), policy);
        proxy.armHold("PUT", bucket, 1, java.time.Duration.ofSeconds(15));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.gtvpc.cli.Main", "policy", "apply", file.toString(), "--bucket",
                bucket, "--region", ceph.region(), "--backup-dir", dir.resolve("backups").toString(), "--yes", "--settle", "1");
        pb.environment().clear();
        pb.environment().putAll(AWS.envThroughProxy());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (proxy.received("PUT", bucket) == 0 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(proxy.received("PUT", bucket)).as("the apply reached its PutBucketPolicy").isEqualTo(1);
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor()).isZero();
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("the apply stopped on SIG" + signal).isTrue();
        return new Stopped(new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), p.exitValue());
    }

    private void assertReportsTheBackupAndTheUnknownState(String err) throws IOException {
        Path backup = onlyBackup();
        assertThat(err).isEqualTo("gtvpc: interrupted during the write to bucket " + bucket + ": PutBucketPolicy was sent and not"
                + " answered yet: the bucket may have its previous policy or the new policy; backup of the previous policy: " + backup
                + "; check with 'gtvpc policy get --bucket " + bucket + " --region " + ceph.region() + "', and to put the previous"
                + " policy back: gtvpc policy rollback --bucket " + bucket + " --backup " + backup + "\n");
        assertThat(Backups.read(backup).policy()).contains(oldPolicy);
    }

    @Test
    void sigtermDuringTheWritePrintsTheBackupAndWhatIsKnown() throws IOException, InterruptedException {
        // issue 17.5: the process used to die silently, the backup's path unsaid
        Stopped r = interruptedApply("TERM");
        assertThat(r.exit()).isEqualTo(143);
        assertReportsTheBackupAndTheUnknownState(r.err());
    }

    @Test
    void sigintDuringTheWritePrintsTheBackupAndWhatIsKnown() throws IOException, InterruptedException {
        // a process started with SIGINT ignored (a background job of a non-interactive shell, as CI may run the
        // build) keeps it ignored, and the JVM then installs no handler: Ctrl-C cannot reach it at all
        String ignored = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("SigIgn:"))
                .map(l -> l.substring("SigIgn:".length()).strip()).findFirst().orElse("0");
        org.junit.jupiter.api.Assumptions.assumeTrue((Long.parseLong(ignored, 16) & 0x2) == 0,
                "SIGINT is ignored in this process (SigIgn " + ignored + "), and so in its children");
        Stopped r = interruptedApply("INT");
        assertThat(r.exit()).isEqualTo(130);
        assertReportsTheBackupAndTheUnknownState(r.err());
    }
}
