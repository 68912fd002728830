package dev.gtvpc.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * A proxy in front of {@link CephS3} that breaks chosen bucket-policy calls ({@code ?policy} on a
 * bucket) in the ways a real network does, so tests can see what a client does when it cannot tell
 * whether its write happened.
 *
 * <p>WireMock forwards every request with the client's Host header, so the SigV4 signature (which
 * covers Host) still verifies at Ceph. Faults are decided per request by a response-definition
 * transformer, which runs before WireMock forwards anything: it can answer instead of forwarding (a
 * reset or a 500 the server never saw). A fault after forwarding is a response transformer, which
 * runs on Ceph's real answer and replaces it: Ceph applied the write, the client hears a 500 or a
 * reset. So WireMock does all four without a hand-written proxy.
 *
 * <p>Counts are per method and bucket, for {@code ?policy} requests only: {@link #received} is what
 * reached this proxy, {@link #forwarded} what it passed on to Ceph.
 *
 * <p>The SDK's url-connection client runs on HttpURLConnection, which resends a request without a
 * body (GET, DELETE) once when its connection fails, whatever the SDK's retry strategy: one
 * {@link Fault#RESET} on those is invisible to the caller (received 2, forwarded 1). Arm it for the
 * 1st and 2nd request, or {@link #armAlways}, to make the reset reach the caller.
 */
public final class FaultyS3 implements AutoCloseable {
    /** What happens to a matching request. */
    public enum Fault {
        /** The connection is reset before anything is forwarded: Ceph never sees the request. */
        RESET,
        /** A 500 InternalError answers the request; Ceph never sees it. */
        ERROR,
        /** Forwarded, Ceph acts on it, then the client's connection is reset instead of the answer. */
        FORWARD_THEN_RESET,
        /** Forwarded, Ceph acts on it, then the client gets a 500 InternalError instead of the answer. */
        FORWARD_THEN_ERROR,
        /**
         * Forwarded; the client gets Ceph's status and headers, Content-Length included, but only the
         * first half of the body before the connection closes: a body cut by the network.
         */
        FORWARD_THEN_TRUNCATE,
        /**
         * Forwarded; the client gets the first half of Ceph's body with a Content-Length rewritten to
         * match it, as a proxy that buffers and re-frames a cut answer sends it: the length cannot tell.
         */
        FORWARD_THEN_CUT_WITH_MATCHING_LENGTH,
        /**
         * Held for {@link #holdFor} before it is forwarded, on the proxy's thread: a write that lands
         * at the server after the client has given up on it (timed out, retried, or reset).
         */
        HOLD_THEN_FORWARD,
        /** Forwarded; Ceph's answer is sent in pieces spread over {@link #holdFor}: a trickling server. */
        FORWARD_THEN_TRICKLE,
        /**
         * A 400 InvalidRequest whose message echoes the request's Authorization and X-Amz-Security-Token
         * headers back, as some proxies and debugging gateways do; Ceph never sees the request.
         */
        ECHO;

        boolean forwards() {
            return this != RESET && this != ERROR && this != ECHO;
        }
    }

    // WireMock's own Fault, spelled out once: the name is taken by the enum above
    private static final com.github.tomakehurst.wiremock.http.Fault RESET_BY_PEER =
            com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER;
    private static final String ERROR_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Error><Code>InternalError</Code><Message>injected by FaultyS3</Message></Error>";

    private final CephS3 ceph;
    private final WireMockServer server;
    private final URI endpoint;
    private final S3Client s3;
    private final Object lock = new Object();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Integer> received = new HashMap<>();
    private final Map<String, Integer> forwarded = new HashMap<>();
    // faults that must wait for Ceph's answer, by the serve event both transformers see
    private final Map<UUID, Fault> pendingAfter = new ConcurrentHashMap<>();
    private volatile java.time.Duration hold = java.time.Duration.ofSeconds(5);
    private final java.util.concurrent.atomic.AtomicInteger landedLate = new java.util.concurrent.atomic.AtomicInteger();

    private FaultyS3(CephS3 ceph) {
        this.ceph = ceph;
        this.server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .preserveHostHeader(true)
                // bodies must reach the client exactly as Ceph sent them
                .gzipDisabled(true)
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .notifier(new ConsoleNotifier(false))
                .containerThreads(16)
                .extensions(new Before(), new After()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(ceph.endpoint().toString())));
        this.endpoint = URI.create("http://127.0.0.1:" + server.port());
        S3ClientBuilder builder = ceph.clientBuilder(endpoint);
        // a retry would hide the fault, or repeat a write the fault let through; toBuilder keeps
        // CephS3's interceptor, which a fresh override configuration would drop
        this.s3 = builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .build())
                .build();
    }

    /** Starts a proxy in front of {@code ceph}; close it when done. */
    public static FaultyS3 start(CephS3 ceph) {
        return new FaultyS3(ceph);
    }

    /** The proxy's endpoint, {@code http://127.0.0.1:PORT}; use it with {@link CephS3#clientBuilder}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client for {@link #endpoint()} that never retries, so each fault reaches the caller once. */
    public S3Client s3() {
        return s3;
    }

    /** The server behind the proxy. */
    public CephS3 ceph() {
        return ceph;
    }

    /** Applies {@code fault} to the next {@code method} request on {@code bucket?policy}, once. */
    public void arm(String method, String bucket, Fault fault) {
        arm(method, bucket, fault, 1);
    }

    /**
     * Applies {@code fault} to the {@code nth} (1 = next) {@code method} request on
     * {@code bucket?policy} counted from now, once; e.g. GET, 2 is the read-back after one read.
     */
    public void arm(String method, String bucket, Fault fault, int nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("nth counts from 1: " + nth);
        }
        synchronized (lock) {
            rules.add(new Rule(key(method, bucket), fault, nth, false));
        }
    }

    /**
     * Holds the {@code nth} {@code method} request on {@code bucket?policy} (counted from now) for
     * {@code hold} before forwarding it, once: {@link Fault#HOLD_THEN_FORWARD} with its own hold.
     */
    public void armHold(String method, String bucket, int nth, java.time.Duration hold) {
        synchronized (lock) {
            Rule rule = new Rule(key(method, bucket), Fault.HOLD_THEN_FORWARD, nth, false);
            rule.hold = hold;
            rules.add(rule);
        }
    }

    /** Applies {@code fault} to every {@code method} request on {@code bucket?policy} until {@link #disarm()}. */
    public void armAlways(String method, String bucket, Fault fault) {
        synchronized (lock) {
            rules.add(new Rule(key(method, bucket), fault, 1, true));
        }
    }

    /** How long {@link Fault#HOLD_THEN_FORWARD} holds a request and {@link Fault#FORWARD_THEN_TRICKLE} spreads an answer. */
    public void holdFor(java.time.Duration d) {
        this.hold = d;
    }

    /** Held requests forwarded so far (each after its hold). */
    public int landedLate() {
        return landedLate.get();
    }

    /** Drops every armed fault; counts are kept. */
    public void disarm() {
        synchronized (lock) {
            rules.clear();
        }
    }

    /** {@code method} requests on {@code bucket?policy} that reached this proxy. */
    public int received(String method, String bucket) {
        synchronized (lock) {
            return received.getOrDefault(key(method, bucket), 0);
        }
    }

    /** {@code method} requests on {@code bucket?policy} passed on to Ceph. */
    public int forwarded(String method, String bucket) {
        synchronized (lock) {
            return forwarded.getOrDefault(key(method, bucket), 0);
        }
    }

    @Override
    public void close() {
        s3.close();
        server.stop();
    }

    private static String key(String method, String bucket) {
        return method.toUpperCase(Locale.ROOT) + " " + bucket;
    }

    /** The bucket of a path-style {@code /bucket?policy} request, or null for any other request. */
    static String policyBucket(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        boolean policy = false;
        for (String param : url.substring(q + 1).split("&")) {
            int eq = param.indexOf('=');
            if ((eq < 0 ? param : param.substring(0, eq)).equals("policy")) {
                policy = true;
            }
        }
        String path = url.substring(0, q);
        String bucket = path.replaceAll("^/+|/+$", "");
        return policy && !bucket.isEmpty() && !bucket.contains("/") ? bucket : null;
    }

    /** The rule for this request, if any, with the counts updated; null means forward untouched. */
    private Rule decide(String method, String url) {
        String bucket = policyBucket(url);
        if (bucket == null) {
            return null;
        }
        String key = key(method, bucket);
        synchronized (lock) {
            received.merge(key, 1, Integer::sum);
            Rule fault = null;
            for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
                Rule rule = it.next();
                if (!rule.key.equals(key)) {
                    continue;
                }
                if (rule.always) {
                    fault = fault == null ? rule : fault;
                } else if (--rule.countdown == 0) {
                    it.remove();
                    fault = fault == null ? rule : fault;
                }
            }
            if (fault == null || fault.fault.forwards()) {
                forwarded.merge(key, 1, Integer::sum);
            }
            return fault;
        }
    }

    private static final class Rule {
        final String key;
        final Fault fault;
        final boolean always;
        int countdown;
        java.time.Duration hold;

        Rule(String key, Fault fault, int nth, boolean always) {
            this.key = key;
            this.fault = fault;
            this.countdown = nth;
            this.always = always;
        }
    }

    /** Runs before WireMock forwards: answers instead of forwarding, or notes a fault for {@link After}. */
    private final class Before implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Rule rule = decide(event.getRequest().getMethod().getName(), event.getRequest().getUrl());
            if (rule == null) {
                return event.getResponseDefinition();
            }
            Fault fault = rule.fault;
            switch (fault) {
                case RESET:
                    return ResponseDefinitionBuilder.responseDefinition()
                            .withFault(RESET_BY_PEER)
                            .build();
                case ERROR:
                    return ResponseDefinitionBuilder.responseDefinition()
                            .withStatus(500)
                            .withHeader("Content-Type", "application/xml")
                            .withBody(ERROR_BODY)
                            .build();
                case ECHO:
                    return ResponseDefinitionBuilder.responseDefinition()
                            .withStatus(400)
                            .withHeader("Content-Type", "application/xml")
                            .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidRequest</Code><Message>refused by the"
                                    + " gateway; request headers: Authorization: " + event.getRequest().getHeader("Authorization")
                                    + " X-Amz-Security-Token: " + event.getRequest().getHeader("X-Amz-Security-Token")
                                    + "</Message></Error>")
                            .build();
                case HOLD_THEN_FORWARD:
                    try {
                        Thread.sleep((rule.hold != null ? rule.hold : hold).toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    // WireMock forwards once this returns, whether or not the client still waits
                    landedLate.incrementAndGet();
                    return event.getResponseDefinition();
                default:
                    pendingAfter.put(event.getId(), fault);
                    return event.getResponseDefinition();
            }
        }

        @Override
        public String getName() {
            return "faulty-s3-before";
        }
    }

    /** Runs on Ceph's answer: replaces it when {@link Before} noted a fault for this request. */
    private final class After implements ResponseTransformerV2 {
        @Override
        public Response transform(Response response, ServeEvent event) {
            Fault fault = pendingAfter.remove(event.getId());
            if (fault == Fault.FORWARD_THEN_RESET) {
                return Response.Builder.like(response).but()
                        .fault(RESET_BY_PEER)
                        .build();
            }
            if (fault == Fault.FORWARD_THEN_TRUNCATE || fault == Fault.FORWARD_THEN_CUT_WITH_MATCHING_LENGTH) {
                byte[] body = response.getBody();
                java.util.List<HttpHeader> headers = new ArrayList<>();
                for (HttpHeader h : response.getHeaders().all()) {
                    if (!h.keyEquals("Content-Length") && !h.keyEquals("Transfer-Encoding")) {
                        headers.add(h);
                    }
                }
                // the full length announced, half the bytes sent: Jetty then closes the connection
                headers.add(HttpHeader.httpHeader("Content-Length",
                        String.valueOf(fault == Fault.FORWARD_THEN_TRUNCATE ? body.length : body.length / 2)));
                return Response.Builder.like(response).but()
                        .headers(new HttpHeaders(headers))
                        .body(java.util.Arrays.copyOf(body, body.length / 2))
                        .build();
            }
            if (fault == Fault.FORWARD_THEN_TRICKLE) {
                return Response.Builder.like(response).but()
                        .chunkedDribbleDelay(new com.github.tomakehurst.wiremock.http.ChunkedDribbleDelay(
                                Math.max(2, response.getBody().length), (int) hold.toMillis()))
                        .build();
            }
            if (fault == Fault.FORWARD_THEN_ERROR) {
                return Response.response()
                        .status(500)
                        .headers(new HttpHeaders(HttpHeader.httpHeader("Content-Type", "application/xml")))
                        .body(ERROR_BODY)
                        .build();
            }
            return response;
        }

        @Override
        public String getName() {
            return "faulty-s3-after";
        }
    }
}
