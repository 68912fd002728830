package dev.gtvpc.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.cli.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers a test of gtvpc against AWS runs on, declared by the test class instead of set up by
 * it: WireMock stubs for STS, SageMaker, EC2 and AWS Config in their wire formats (always), the Ceph
 * S3 server ({@link CephS3}, started once per test JVM), and a {@link FaultyS3} proxy in front of it.
 * The stubs and the proxy live as long as the class; before each test the stubs are reset (and, with
 * {@link #caller}, answer who the caller is and that no labeling job runs), the proxy is disarmed, and
 * the test gets a fresh HOME without AWS files. Environments come from {@link AwsEnv}, so none
 * forgets {@code AWS_EC2_METADATA_DISABLED}.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final AwsServers aws = AwsServers.withCeph().withProxy().caller(TESTER, ACCOUNT);
 * ... Cli.runIn(aws.context(), null, "policy", "get", "--bucket", aws.ceph().createBucket("t"), ...)
 * </pre>
 */
public final class AwsServers implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final boolean ceph;
    private final boolean proxy;
    private final Optional<String[]> caller;

    private WireMockServer stubs;
    private CephS3 server;
    private FaultyS3 faulty;
    private Path home;

    private AwsServers(boolean ceph, boolean proxy, Optional<String[]> caller) {
        this.ceph = ceph;
        this.proxy = proxy;
        this.caller = caller;
    }

    /** The stub server alone: every service, S3 included, is WireMock (S3 answers a test shapes itself). */
    public static AwsServers stubsOnly() {
        return new AwsServers(false, false, Optional.empty());
    }

    /** The stubs, and S3 is Ceph. */
    public static AwsServers withCeph() {
        return new AwsServers(true, false, Optional.empty());
    }

    /** Also a fault-injecting proxy in front of Ceph ({@link #proxy()}, {@link #envThroughProxy()}). */
    public AwsServers withProxy() {
        if (!ceph) {
            throw new IllegalStateException("the proxy stands in front of Ceph: start from withCeph()");
        }
        return new AwsServers(true, true, caller);
    }

    /** Before each test, STS says the caller is {@code arn} of {@code account}, and SageMaker lists no labeling job. */
    public AwsServers caller(String arn, String account) {
        return new AwsServers(ceph, proxy, Optional.of(new String[] {arn, account}));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stubs = AwsStubs.server();
        if (ceph) {
            server = CephS3.get(context);
        }
        if (proxy) {
            faulty = FaultyS3.start(server);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (faulty != null) {
            faulty.close();
        }
        stubs.stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        stubs.resetAll();
        // the accounts these servers stand for are in no organization, unless a test says otherwise
        OrgStubs.refuse(stubs, "AWSOrganizationsNotInUseException", 10);
        caller.ifPresent(c -> {
            AwsStubs.callerIdentity(stubs, c[0], c[1], "AIDAEXAMPLETESTER");
            AwsStubs.labelingJobs(stubs, 10, List.of());
        });
        if (faulty != null) {
            faulty.disarm();
        }
        home = Files.createTempDirectory("gtvpc-home");
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    public WireMockServer stubs() {
        return stubs;
    }

    public CephS3 ceph() {
        if (server == null) {
            throw new IllegalStateException("this class did not ask for Ceph: AwsServers.withCeph()");
        }
        return server;
    }

    public FaultyS3 proxy() {
        if (faulty == null) {
            throw new IllegalStateException("this class did not ask for the proxy: AwsServers.withCeph().withProxy()");
        }
        return faulty;
    }

    /** This test's HOME: empty, no ~/.aws. */
    public Path home() {
        return home;
    }

    /** The environment a user pointed at these servers would have: S3 at Ceph (or at the stubs without it). */
    public Map<String, String> env() {
        return ceph ? AwsEnv.of(home, server, server.endpoint(), stubs) : stubsEnv();
    }

    /** As {@link #env()}, S3 reached through the fault proxy. */
    public Map<String, String> envThroughProxy() {
        return AwsEnv.of(home, server, proxy().endpoint(), stubs);
    }

    /** A run in {@link #env()}: no terminal, the system clock. */
    public RunContext context() {
        return new RunContext(env(), Optional.empty(), Clock.systemUTC());
    }

    private Map<String, String> stubsEnv() {
        Map<String, String> env = AwsEnv.stubs(home, AwsStubs.ACCESS_KEY_ID, AwsStubs.SECRET_ACCESS_KEY, stubs);
        String endpoint = AwsStubs.endpoint(stubs);
        env.put("AWS_ENDPOINT_URL_S3", endpoint);
        env.put("AWS_ENDPOINT_URL_CONFIG_SERVICE", endpoint);
        return env;
    }
}
