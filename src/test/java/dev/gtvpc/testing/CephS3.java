package dev.gtvpc.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * A real S3 server that evaluates bucket policies: a one-node Ceph radosgw started by
 * {@code scripts/ceph-mini.sh}, once per test JVM (surefire runs every test class in one forked JVM,
 * so once per {@code mvn verify}), on free ports of 127.0.0.1.
 *
 * <pre>
 * &#64;ExtendWith(CephS3.Extension.class)
 * class SomeTest {
 *     &#64;Test void t(CephS3 ceph) { String bucket = ceph.createBucket("t"); ... ceph.s3() ... }
 * }
 * </pre>
 *
 * <p>If the server cannot be installed or started the tests fail, not skip, with the script's
 * message: a silently skipped integration suite would read as a green build.
 *
 * <p>Ceph's quirks, which tests must allow for: exactly one region ({@link #region()}) is accepted as
 * LocationConstraint and reported by GetBucketLocation, also for buckets created without one; a
 * malformed policy is 400 {@code InvalidArgument}, not {@code MalformedPolicy}; a Deny applies to the
 * bucket owner too; {@code aws:SecureTransport} is never present over HTTP, so conditions on it never
 * match.
 */
public final class CephS3 {
    private static final String DEFAULT_REGION = "eu-west-1";
    private static final String DEFAULT_AK = "AKIAIOSFODNN7EXAMPLE";
    private static final String DEFAULT_SK = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    // apt-get install alone took ~40 s on this kind of machine; start bounds itself at 60 s
    private static final long INSTALL_TIMEOUT_S = 600;
    private static final long START_TIMEOUT_S = 120;
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CephS3.class);

    private static CephS3 instance;
    private static RuntimeException startFailure;

    private final Path script;
    private final Path dir;
    private final Path log;
    private final URI endpoint;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final S3Client s3;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong bucketSeq = new AtomicLong();
    private final long startMillis;

    private CephS3(Path script, Path dir, Path log, URI endpoint, String region, String accessKey, String secretKey,
            long startMillis) {
        this.startMillis = startMillis;
        this.script = script;
        this.dir = dir;
        this.log = log;
        this.endpoint = endpoint;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.s3 = clientBuilder(endpoint).build();
    }

    /**
     * Starts the server on first use (later calls return it) and ties its stop to the end of the
     * whole test run; any extension or test can call this with its context.
     */
    public static CephS3 get(ExtensionContext context) {
        CephS3 server = startOnce();
        // the root store is closed when the engine finishes, after the last test class
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Stopper.class, k -> new Stopper(server), Stopper.class);
        return server;
    }

    /** {@code @ExtendWith(CephS3.Extension.class)}: starts the server before the class, resolves {@link CephS3} parameters. */
    public static final class Extension implements BeforeAllCallback, ParameterResolver {
        @Override
        public void beforeAll(ExtensionContext context) {
            get(context);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == CephS3.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return get(context);
        }
    }

    /** The S3 endpoint, {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The one region this server accepts as LocationConstraint ({@code RGW_REGION}, default eu-west-1). */
    public String region() {
        return region;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** A shared client for {@link #endpoint()}, with the SDK's default retries. Do not close it. */
    public S3Client s3() {
        return s3;
    }

    /**
     * A client builder set up for this server's region and keys, against {@code endpoint} (this
     * server's, or a proxy in front of it such as {@link FaultyS3}).
     */
    public S3ClientBuilder clientBuilder(URI endpoint) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                // radosgw has no DNS name configured, so virtual-host style cannot reach a bucket
                .forcePathStyle(true)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                // SDK >= 2.30 sends CRC checksums by default, which Ceph Pacific rejects on PutObject
                // (400 XAmzContentSHA256Mismatch)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new NoExpectContinue()));
    }

    /**
     * Drops the {@code Expect: 100-continue} the S3 client puts on PutObject. When radosgw refuses
     * such a request before reading its body (a Deny in the bucket policy), the JDK's
     * HttpURLConnection never hands the error body to the SDK, so the exception has status 403 and
     * no error code; without the header the body, and the AccessDenied code, come through. Not
     * signed, so removing it keeps the signature valid.
     */
    private static final class NoExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().removeHeader("Expect").build();
        }
    }

    /** Creates a bucket named {@code prefix-<unique>} in {@link #region()} and returns its name. */
    public String createBucket(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (clean.length() > 40) {
            clean = clean.substring(0, 40);
        }
        // every JVM starts its own empty cluster, so a counter is unique enough
        String bucket = (clean.isEmpty() ? "bucket" : clean) + "-" + bucketSeq.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(region)));
        return bucket;
    }

    /** Where the cluster runs and logs ({@code target/ceph-<pid>}), for failure messages. */
    public Path dir() {
        return dir;
    }

    private static synchronized CephS3 startOnce() {
        if (instance != null) {
            return instance;
        }
        // a failed start is not retried for every test class: each would wait the full timeout again
        if (startFailure != null) {
            throw startFailure;
        }
        try {
            instance = start();
            CephS3 started = instance;
            // backup for runs that never close the root store (a JVM exiting early); stop is idempotent
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "ceph-s3-stop"));
            return started;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    private static CephS3 start() {
        Path root = Golden.root();
        Path script = root.resolve("scripts/ceph-mini.sh");
        long pid = ProcessHandle.current().pid();
        Path target = root.resolve("target");
        Path dir = target.resolve("ceph-" + pid);
        Path log = target.resolve("ceph-" + pid + ".log");
        String region = env("RGW_REGION", DEFAULT_REGION);
        String ak = env("S3_AK", DEFAULT_AK);
        String sk = env("S3_SK", DEFAULT_SK);
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(target);
            deleteStaleDirs(target, pid);
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(script, log, INSTALL_TIMEOUT_S, List.of("install"), region, ak, sk, pid);
        run(script, log, START_TIMEOUT_S, List.of("start", dir.toString()), region, ak, sk, pid);
        URI endpoint;
        try {
            endpoint = URI.create(Files.readString(dir.resolve("endpoint"), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new IllegalStateException("ceph-mini.sh start succeeded but wrote no " + dir.resolve("endpoint"), e);
        }
        return new CephS3(script, dir, log, endpoint, region, ak, sk, (System.nanoTime() - t0) / 1_000_000);
    }

    /** How long installing (if needed) and starting the server took, for reports. */
    public long startMillis() {
        return startMillis;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Runs the script; on failure throws with its message (the one line for exit 2, else the whole output). */
    private static void run(Path script, Path log, long timeoutS, List<String> args, String region, String ak, String sk, long pid) {
        List<String> command = Stream.concat(Stream.of("bash", script.toString()), args.stream()).toList();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                // a file, not a pipe: the daemons inherit the script's stdout, and a pipe would not
                // reach EOF until they exit
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("RGW_REGION", region);
        pb.environment().put("S3_AK", ak);
        pb.environment().put("S3_SK", sk);
        // the script stops the cluster when this JVM dies, even by SIGKILL, where no hook runs
        pb.environment().put("CEPH_MINI_OWNER_PID", Long.toString(pid));
        long mark = size(log);
        int exit;
        try {
            Process process = pb.start();
            if (!process.waitFor(timeoutS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ceph-mini.sh " + String.join(" ", args) + " did not finish within "
                        + timeoutS + " s; output in " + log);
            }
            exit = process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
        if (exit == 0) {
            return;
        }
        String output = readFrom(log, mark).strip();
        if (exit == 2) {
            String[] lines = output.split("\n");
            throw new IllegalStateException(lines[lines.length - 1]);
        }
        throw new IllegalStateException("ceph-mini.sh " + args.get(0) + " failed (exit " + exit + "):\n" + output);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String readFrom(Path file, long offset) {
        try {
            byte[] all = Files.readAllBytes(file);
            int from = (int) Math.min(offset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Removes target/ceph-PID dirs of test JVMs that are gone; each holds a mon store and logs. */
    private static void deleteStaleDirs(Path target, long self) throws IOException {
        try (Stream<Path> dirs = Files.list(target)) {
            for (Path d : dirs.toList()) {
                String name = d.getFileName().toString();
                if (!name.matches("ceph-\\d+(\\.log)?")) {
                    continue;
                }
                long owner = Long.parseLong(name.replaceAll("\\D", ""));
                if (owner != self && ProcessHandle.of(owner).map(h -> !h.isAlive()).orElse(true)) {
                    deleteRecursively(d);
                }
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Stops the daemons and waits for them; safe to call more than once. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        s3.close();
        try {
            run(script, log, 60, List.of("stop", dir.toString()), region, accessKey, secretKey, ProcessHandle.current().pid());
        } catch (RuntimeException e) {
            // nothing left to fail at the end of the run; the watchdog in the script still stops it
            System.err.println("CephS3: stop failed: " + e.getMessage());
        }
    }

    /** The root store closes AutoCloseable values at the end of the run (CloseableResource is deprecated in JUnit 5.14). */
    private record Stopper(CephS3 server) implements AutoCloseable {
        @Override
        public void close() {
            server.stop();
        }
    }
}
