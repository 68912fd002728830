package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.apply.Backup;
import dev.gtvpc.apply.Backups;
import dev.gtvpc.testing.AwsEnv;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.CephS3;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.FaultyS3;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Issue 17.1: two merge-applies on one bucket at once, for real — two runs in two threads, each with
 * its own SDK clients, against Ceph (through {@link FaultyS3} where the interleaving must be forced).
 * Both plan against the same policy, so the later write drops the earlier one's statement; what
 * must hold is that no run reports a success it did not keep, and that nothing is in no backup.
 */
@ExtendWith(CephS3.Extension.class)
class ApplyConcurrencyTest {
    private static WireMockServer stubs;
    private static FaultyS3 proxy;
    private static ExecutorService pool;

    private final CephS3 ceph;
    private String bucket;
    private String oldPolicy;
    @TempDir
    Path dir;

    ApplyConcurrencyTest(CephS3 ceph) {
        this.ceph = ceph;
    }

    @BeforeAll
    static void start(CephS3 ceph) {
        stubs = AwsStubs.server();
        proxy = FaultyS3.start(ceph);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        proxy.close();
        stubs.stop();
    }

    @BeforeEach
    void bucketWithAPolicy() {
        stubs.resetAll();
        proxy.disarm();
        AwsStubs.callerIdentity(stubs, ApplyAgainstS3Test.TESTER, ApplyAgainstS3Test.ACCOUNT, "AIDAEXAMPLETESTER");
        AwsStubs.labelingJobs(stubs, 10, List.of());
        newBucket();
    }

    private void newBucket() {
        bucket = ceph.createBucket("race");
        oldPolicy = statementPolicy("PartnerRead", "444455556666", "shared");
        ceph.s3().putBucketPolicy(b -> b.bucket(bucket).policy(oldPolicy));
    }

    private String statementPolicy(String sid, String account, String prefix) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + account + ":root\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/" + prefix + "/*\"}]}";
    }

    private String[] applyArgs(String sid, String account, String... extra) throws IOException {
        Path file = Files.writeString(dir.resolve(sid + ".json"), statementPolicy(sid, account, sid.toLowerCase()));
        List<String> args = new ArrayList<>(List.of("policy", "apply", file.toString(), "--bucket", bucket, "--region", ceph.region(),
                "--backup-dir", dir.resolve("backups").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private RunContext context(URI s3, Optional<RunContext.Terminal> terminal) {
        return new RunContext(AwsEnv.of(dir.resolve("home"), ceph, s3, stubs), terminal, Clock.systemUTC());
    }

    /** A terminal that answers yes once both runs have planned: both then plan against the same policy. */
    private static Optional<RunContext.Terminal> afterBothPlanned(CyclicBarrier barrier) {
        return Optional.of(question -> {
            try {
                barrier.await(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Optional.of("y");
        });
    }

    /** Both runs at once: each thread starts its run when both threads are ready. */
    private List<Cli.Result> together(RunContext a, String[] argsA, RunContext b, String[] argsB) {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Cli.Result> ra = CompletableFuture.supplyAsync(() -> runWhenBothReady(start, a, argsA), pool);
        CompletableFuture<Cli.Result> rb = CompletableFuture.supplyAsync(() -> runWhenBothReady(start, b, argsB), pool);
        return List.of(ra.orTimeout(120, TimeUnit.SECONDS).join(), rb.orTimeout(120, TimeUnit.SECONDS).join());
    }

    private static Cli.Result runWhenBothReady(CyclicBarrier start, RunContext context, String[] args) {
        try {
            start.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Cli.runConcurrently(context, args);
    }

    private String serverPolicy() {
        try {
            return ceph.s3().getBucketPolicy(b -> b.bucket(bucket)).policy();
        } catch (S3Exception e) {
            return "";
        }
    }

    private static List<Path> backupsNamedIn(String message) {
        List<Path> found = new ArrayList<>();
        Matcher m = Pattern.compile("(/\\S+?\\.json)").matcher(message);
        while (m.find()) {
            found.add(Path.of(m.group(1)));
        }
        return found;
    }

    @Test
    void whenTheLaterWriteDropsTheEarlierOnesStatementTheEarlierRunReportsTheRaceWithBothBackups() throws IOException {
        // both re-read before either write lands (the first PUT is held 0.5 s); the second lands 2.5 s in, after the
        // first run's read-back and before its settle read
        proxy.armHold("PUT", bucket, 1, Duration.ofMillis(500));
        proxy.armHold("PUT", bucket, 2, Duration.ofMillis(2500));
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Cli.Result> r = together(
                context(proxy.endpoint(), afterBothPlanned(barrier)), applyArgs("TeamA", "111111111111", "--settle", "4"),
                context(proxy.endpoint(), afterBothPlanned(barrier)), applyArgs("TeamB", "222222222222", "--settle", "4"));
        String now = serverPolicy();
        assertThat(r).extracting(Cli.Result::exit).containsExactlyInAnyOrder(0, 3);
        Cli.Result won = r.get(0).exit() == 0 ? r.get(0) : r.get(1);
        Cli.Result lost = r.get(0).exit() == 0 ? r.get(1) : r.get(0);
        String winner = won == r.get(0) ? "TeamA" : "TeamB";
        String loser = won == r.get(0) ? "TeamB" : "TeamA";
        assertThat(won.out()).contains("Applied; the policy read back decides every request as the one written, and so did the"
                + " read 4 s later.");
        // the run that reported success kept its statement; the other one's is gone and it says so
        assertThat(now).contains(winner).contains("PartnerRead").doesNotContain(loser);
        assertThat(lost.err()).startsWith("gtvpc: race: another write replaced this one on bucket " + bucket + ": PutBucketPolicy succeeded, but 4 s later")
                .contains("without statement " + loser + " written here").contains("Nothing is lost");
        assertThat(lost.err().lines()).hasSize(1);
        List<Path> named = backupsNamedIn(lost.err());
        assertThat(named).hasSize(2);
        assertThat(Backups.read(named.get(0)).policy()).contains(oldPolicy);
        Backup theirs = Backups.read(named.get(1));
        assertThat(theirs.policy().orElseThrow()).isEqualTo(now);
    }

    @Test
    void plainConcurrentAppliesNeverBothReportSuccessWhenAStatementIsLost() throws IOException {
        int trials = 6;
        int raced = 0;
        for (int t = 0; t < trials; t++) {
            if (t > 0) {
                newBucket();
            }
            CyclicBarrier barrier = new CyclicBarrier(2);
            List<Cli.Result> r = together(
                    context(ceph.endpoint(), afterBothPlanned(barrier)), applyArgs("TeamA", "111111111111", "--settle", "2"),
                    context(ceph.endpoint(), afterBothPlanned(barrier)), applyArgs("TeamB", "222222222222", "--settle", "2"));
            String now = serverPolicy();
            for (int i = 0; i < 2; i++) {
                String sid = i == 0 ? "TeamA" : "TeamB";
                Cli.Result run = r.get(i);
                assertThat(run.exit()).as("trial %d, %s: %s", t, sid, run.err()).isIn(0, 3);
                if (run.exit() == 0) {
                    assertThat(now).as("trial %d: %s reported success", t, sid).contains(sid);
                } else if (!now.contains(sid)) {
                    assertThat(run.err()).as("trial %d, %s", t, sid).contains("race:");
                }
            }
            assertThat(now).as("trial %d", t).contains("PartnerRead");
            if (!now.contains("TeamA") || !now.contains("TeamB")) {
                raced++;
            }
        }
        System.out.println("ApplyConcurrencyTest: " + raced + " of " + trials + " plain trials lost a statement (each reported)");
    }

    @Test
    void withLockTheTwoRunsApplyOneAfterTheOtherAndBothStatementsStay() throws IOException {
        // the window that loses a statement without the lock, held open: the first PUT takes a second
        proxy.armHold("PUT", bucket, 1, Duration.ofSeconds(1));
        Optional<RunContext.Terminal> none = Optional.empty();
        List<Cli.Result> r = together(
                context(proxy.endpoint(), none), applyArgs("TeamA", "111111111111", "--yes", "--lock", "--settle", "0.5"),
                context(proxy.endpoint(), none), applyArgs("TeamB", "222222222222", "--yes", "--lock", "--settle", "0.5"));
        assertThat(r).allSatisfy(x -> assertThat(x.exit()).as(x.err()).isZero());
        assertThat(r).anySatisfy(x -> assertThat(x.out()).contains("Waiting for the lock on bucket " + bucket));
        assertThat(serverPolicy()).contains("TeamA").contains("TeamB").contains("PartnerRead");
    }
}
