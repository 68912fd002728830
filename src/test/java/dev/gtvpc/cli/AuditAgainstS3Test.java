package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.CephS3;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.FaultyS3;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --account} against a real S3 server (Ceph radosgw): a few hundred buckets, each with a
 * published policy template filled in for it (or none), listed with ListBuckets and read with
 * GetBucketPolicy in parallel, through a proxy that fails some GetBucketPolicy calls for good (those
 * buckets are unreadable, with the error) and some once (the client retries). Other test classes
 * share the server, so the audit is filtered to this class's buckets.
 */
class AuditAgainstS3Test {
    static final String ACCOUNT = "210987654321";
    static final int PER_TEMPLATE = 30;
    static final int FAULTY = 3;
    static final Path CORPUS = Golden.testResource("corpus/bucket");

    @RegisterExtension
    static final AwsServers AWS = AwsServers.withCeph().withProxy();

    private final CephS3 ceph = AWS.ceph();
    private final WireMockServer stubs = AWS.stubs();
    private final FaultyS3 proxy = AWS.proxy();
    @TempDir
    Path dir;

    /** Template name → (file, placeholder → value); {@code null} file: no policy. */
    private Map<String, Object[]> templates() {
        String gt = RegionTable.bundled().require(ceph.region()).groundTruthEndpoint().value();
        Map<String, Object[]> t = new LinkedHashMap<>();
        // generated for a bucket in us-east-1: its VPC's ARN and Ground Truth's endpoint are moved to the server's Region
        t.put("gt-strict", new Object[] {Golden.root().resolve("policies/generated/example-3.strict.json"), Map.of("bucket-name", "%b",
                "vpce-12345678", "vpce-0a1b2c3d4e5f60718", "vpc-12345678", "vpc-0abc1234def567890", "111122223333", ACCOUNT,
                "role-name", "LabelingAdmin", "vpce-08408e335ebf95b40", gt, ":us-east-1:", ":" + ceph.region() + ":")});
        t.put("gt-doc-example-2", new Object[] {CORPUS.resolve("sagemaker-gt-current-example-2.json"), Map.of("bucket-name", "%b",
                "vpce-12345678", "vpce-0a1b2c3d4e5f60718", "vpc-12345678", "vpc-0abc1234def567890")});
        t.put("tls-only", new Object[] {CORPUS.resolve("s3ug-example-bucket-policies-13.json"), Map.of("DOC-EXAMPLE-BUCKET", "%b")});
        t.put("public-read", new Object[] {CORPUS.resolve("s3dg-2021-anonymous-read.json"), Map.of("DOC-EXAMPLE-BUCKET", "%b")});
        // Ceph's requests come from 127.0.0.1: the address allow-list keeps the owner in here, and out anywhere else
        t.put("ip-allow-list", new Object[] {CORPUS.resolve("s3ug-example-bucket-policies-11.json"), Map.of("DOC-EXAMPLE-BUCKET", "%b",
                "192.0.2.0/24", "127.0.0.0/8")});
        t.put("vpce-only", new Object[] {CORPUS.resolve("s3ug-vpce-restrict-to-endpoint.json"), Map.of("awsexamplebucket1", "%b",
                "vpce-1a2b3c4d", "vpce-0a1b2c3d4e5f60718")});
        t.put("no-policy", new Object[] {null, Map.of()});
        // a policy the proxy in front of Ceph never lets through (HTTP 500 on every GetBucketPolicy, after the retries)
        t.put("unreadable", new Object[] {CORPUS.resolve("s3ug-example-bucket-policies-13.json"), Map.of("DOC-EXAMPLE-BUCKET", "%b")});
        // and one that fails once: the client's retry reads it
        t.put("flaky", new Object[] {CORPUS.resolve("s3ug-example-bucket-policies-13.json"), Map.of("DOC-EXAMPLE-BUCKET", "%b")});
        return t;
    }

    /** Creates the buckets (eight at a time) and returns bucket → template. */
    private Map<String, String> createBuckets() throws Exception {
        Map<String, String> made = new LinkedHashMap<>();
        List<Future<?>> work = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Map.Entry<String, Object[]> t : templates().entrySet()) {
                String text = t.getValue()[0] == null ? null : Files.readString((Path) t.getValue()[0]);
                @SuppressWarnings("unchecked")
                Map<String, String> subs = (Map<String, String>) t.getValue()[1];
                int count = t.getKey().equals("unreadable") || t.getKey().equals("flaky") ? FAULTY : PER_TEMPLATE;
                for (int i = 0; i < count; i++) {
                    String bucket = String.format("audit-%s-%03d", t.getKey(), i);
                    made.put(bucket, t.getKey());
                    work.add(pool.submit(() -> {
                        ceph.s3().createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(ceph.region())));
                        if (text != null) {
                            String policy = text;
                            for (Map.Entry<String, String> s : subs.entrySet()) {
                                policy = policy.replace(s.getKey(), s.getValue().replace("%b", bucket));
                            }
                            String p = policy;
                            ceph.s3().putBucketPolicy(b -> b.bucket(bucket).policy(p));
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return made;
    }

    @Test
    void everyBucketOfTheAccountGetsItsVerdict() throws Exception {
        Map<String, String> buckets = createBuckets();
        stubs.resetAll();
        AwsStubs.callerIdentity(stubs, "arn:aws:iam::" + ACCOUNT + ":user/auditor", ACCOUNT, "AIDAEXAMPLEAUDITOR");
        for (int i = 0; i < FAULTY; i++) {
            proxy.armAlways("GET", String.format("audit-unreadable-%03d", i), FaultyS3.Fault.ERROR);
            proxy.arm("GET", String.format("audit-flaky-%03d", i), FaultyS3.Fault.ERROR, 1);
        }
        audit(buckets, AWS.envThroughProxy());
        for (int i = 0; i < FAULTY; i++) {
            assertThat(proxy.received("GET", String.format("audit-unreadable-%03d", i))).as("attempts").isEqualTo(3);
            assertThat(proxy.received("GET", String.format("audit-flaky-%03d", i))).as("attempts").isEqualTo(2);
        }
    }

    private void audit(Map<String, String> buckets, Map<String, String> env) {
        long start = System.nanoTime();
        // no --bucket-account: the account is the caller's, from STS
        Cli.Result r = Cli.runIn(new RunContext(env, Optional.empty(), Clock.systemUTC()), null, "audit", "--account",
                "--region", ceph.region(), "--filter", "bucket=audit-*", "--format", "csv", "--concurrency", "8");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = r.out().lines().skip(1).toList();
        assertThat(rows).hasSize(buckets.size());
        Map<String, String> verdicts = rows.stream().collect(Collectors.toMap(l -> l.split(",")[2], l -> l.split(",")[3]));
        for (Map.Entry<String, String> b : buckets.entrySet()) {
            String expected = switch (b.getValue()) {
                case "gt-strict" -> "gt-ready";
                case "gt-doc-example-2" -> "perimeter-proved";
                case "public-read" -> "public";
                case "ip-allow-list" -> "lockout-risk";
                case "vpce-only" -> "lockout-risk";
                case "tls-only", "flaky" -> "refuted";
                case "unreadable" -> "unreadable";
                default -> "no-policy";
            };
            assertThat(verdicts.get(b.getKey())).as(b.getKey()).isEqualTo(expected);
        }
        assertThat(rows).allMatch(l -> l.startsWith(ACCOUNT + "," + ceph.region() + ","));
        assertThat(r.out()).contains("GetBucketPolicy on bucket audit-unreadable-000: the service failed and kept failing after the"
                + " retries (HTTP 500 InternalError)");
        // one proof per template (the account and region are the same), the flaky buckets' being the tls-only one's
        // the radosgw of this test JVM also holds other tests' buckets: --filter leaves them out, and the summary says how many
        assertThat(r.err()).contains(buckets.size() + " buckets judged").containsPattern("read (\\d+) of \\1 buckets")
                .contains("; 6 distinct policies proved");
        Golden.assertMatches(Golden.testResource("golden/audit/account-ceph.csv"), r.out());
        System.out.printf("audit --account: %d buckets in %d ms%n", buckets.size(), millis);
    }

    /** A bucket holding the TLS-only example policy (refuted, as in the account test), or none when {@code policy} is false. */
    private void bucket(String name, boolean policy) throws IOException {
        ceph.s3().createBucket(b -> b.bucket(name).createBucketConfiguration(c -> c.locationConstraint(ceph.region())));
        if (policy) {
            String text = Files.readString(CORPUS.resolve("s3ug-example-bucket-policies-13.json")).replace("DOC-EXAMPLE-BUCKET", name);
            ceph.s3().putBucketPolicy(b -> b.bucket(name).policy(text));
        }
    }

    /** {@code audit --account} through {@code proxy}, the caller stubbed, limited to {@code filter}. */
    private Cli.Result auditThrough(String filter, String... more) {
        stubs.resetAll();
        AwsStubs.callerIdentity(stubs, "arn:aws:iam::" + ACCOUNT + ":user/auditor", ACCOUNT, "AIDAEXAMPLEAUDITOR");
        List<String> args = new ArrayList<>(List.of("audit", "--account", "--region", ceph.region(), "--filter", "bucket=" + filter));
        args.addAll(List.of(more));
        return Cli.runIn(new RunContext(AWS.envThroughProxy(), Optional.empty(), Clock.systemUTC()),
                null, args.toArray(String[]::new));
    }

    @Test
    void aPolicyCutByTheNetworkIsANetworkErrorNotAnInvalidPolicy() throws IOException {
        // issue 17.3 for the audit: a cut body was judged as the bucket's policy ("not valid JSON")
        bucket("cut-audit-always", true);
        bucket("cut-audit-once", true);
        proxy.armAlways("GET", "cut-audit-always", FaultyS3.Fault.FORWARD_THEN_TRUNCATE);
        proxy.arm("GET", "cut-audit-once", FaultyS3.Fault.FORWARD_THEN_TRUNCATE);
        Cli.Result r = auditThrough("cut-audit-*", "--format", "jsonl");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = r.out().lines().filter(l -> l.startsWith("{\"bucket\"")).toList();
        assertThat(rows).hasSize(2);
        String always = rows.stream().filter(l -> l.contains("\"cut-audit-always\"")).findFirst().orElseThrow();
        assertThat(always).contains("\"verdict\":\"unreadable\"").contains("the response was cut off").contains("a network error")
                .doesNotContain("JSON");
        assertThat(proxy.received("GET", "cut-audit-always")).as("attempts").isEqualTo(3);
        // read whole at the second attempt: judged as the policy it is (TLS only: refuted, as in the account test)
        String once = rows.stream().filter(l -> l.contains("\"cut-audit-once\"")).findFirst().orElseThrow();
        assertThat(once).contains("\"verdict\":\"refuted\"");
        assertThat(proxy.received("GET", "cut-audit-once")).as("attempts").isEqualTo(2);
    }

    @Test
    void aTricklingBucketIsUnreadableWithinTheCallTimeout() throws IOException {
        // issue 17.5 for the audit: one bucket whose answer trickles must not hold the whole audit. Each
        // piece comes within the 1 s read timeout, so only a limit on the attempt or the call stops the
        // read: the SDK's attempt timeout closing the stream ("broke off"), or gtvpc's own call limit
        // when the read outlives it ("no complete answer"); CallLimitTest shows the audit's reader gives
        // up a call that never returns. The outcome is checked, not the time it took.
        bucket("trickle-audit", true);
        proxy.holdFor(java.time.Duration.ofSeconds(60));
        proxy.armAlways("GET", "trickle-audit", FaultyS3.Fault.FORWARD_THEN_TRICKLE);
        Cli.Result r = auditThrough("trickle-audit", "--format", "jsonl", "--cli-read-timeout", "1",
                "--cli-connect-timeout", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("\"bucket\":\"trickle-audit\"")
                .contains("\"verdict\":\"unreadable\"").contains("GetBucketPolicy on bucket trickle-audit: ")
                .containsAnyOf("broke off", "no complete answer").contains("--cli-read-timeout");
    }

    @Test
    void anErrorThatEchoesTheRequestIsReportedWithoutItsSignature() throws IOException {
        // issue 17.7 for what gtvpc prints on standard output: the audit's detail of an unreadable bucket
        bucket("echo-audit", false);
        proxy.armAlways("GET", "echo-audit", FaultyS3.Fault.ECHO);
        for (String format : List.of("jsonl", "csv", "text")) {
            Cli.Result r = auditThrough("echo-audit", "--format", format);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).as(format).contains("echo-audit").contains("unreadable").contains("refused by the gateway")
                    .contains("[REDACTED]").doesNotContain("Signature=").doesNotContain("Credential=" + ceph.accessKey());
            assertThat(r.err()).doesNotContain("Signature=");
        }
    }

    @Test
    void anUnreachableS3IsExitThreeInOneLine() throws IOException {
        Map<String, String> env = new LinkedHashMap<>(AWS.env());
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9");
        Cli.Result r = Cli.runIn(new RunContext(env, Optional.empty(), Clock.systemUTC()), null, "audit", "--account",
                "--region", ceph.region(), "--bucket-account", ACCOUNT);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("ListBuckets").contains("cannot reach");
    }
}
