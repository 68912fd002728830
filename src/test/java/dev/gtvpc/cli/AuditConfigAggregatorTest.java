package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.ConfigStubs;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code audit --config-aggregator} against a stub of AWS Config's SelectAggregateResourceConfig in its
 * JSON 1.1 wire format, so the SDK's own marshalling, error parsing and retries run: the count per
 * account and region in two pages (the second throttled once), then the policies of three accounts — one
 * in two pages, one whose second page fails for good (the names of its buckets are then asked for: they
 * are unreadable, and the summary says so), one throttled once. The rows are AWS Config's shape with the encodings it uses (see audit/SOURCES.md).
 */
class AuditConfigAggregatorTest {
    static final String AGG = "org-inventory";
    static final String A = "111122223333";
    static final String B = "444455556666";
    static final String C = "777788889999";
    static final List<String> INVENTORY_FIELDS = List.of("resourceName", "accountId", "awsRegion", "configurationItemStatus");
    static final List<String> SHARD_FIELDS = List.of("accountId", "awsRegion", "COUNT(*)");
    static final String SHARDS = "GROUP BY accountId, awsRegion";
    static final List<String> POLICY_FIELDS = List.of("arn", "resourceName", "accountId", "awsRegion",
            "supplementaryConfiguration.BucketPolicy", "tags");
    private static final Pattern FIELD = Pattern.compile("\"(resourceName|awsRegion)\":\"([^\"]+)\"");

    @RegisterExtension
    static final AwsServers AWS = AwsServers.stubsOnly();

    private final WireMockServer stubs = AWS.stubs();

    private static String inventoryRow(String row, String account) {
        Matcher m = FIELD.matcher(row);
        String name = null;
        String region = null;
        while (m.find()) {
            if (m.group(1).equals("resourceName")) {
                name = m.group(2);
            } else {
                region = m.group(2);
            }
        }
        return "{\"resourceName\":\"" + name + "\",\"accountId\":\"" + account + "\",\"awsRegion\":\"" + region + "\"}";
    }

    private static String shardRow(String account, int count) {
        return "{\"accountId\":\"" + account + "\",\"awsRegion\":\"us-east-1\",\"COUNT(*)\":" + count + "}";
    }

    @Test
    void pagesThrottlesAndAFailedPage() throws IOException {
        List<String> rows = Files.readAllLines(Golden.testResource("audit/config-rows.jsonl"));
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> c = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String account = i < 5 ? A : i < 9 ? B : C;
            // the row's account, and the roles its policy names in that account
            (i < 5 ? a : i < 9 ? b : c).add(rows.get(i).replace("210000000000", account));
        }
        c.add("{\"arn\":\"arn:aws:s3:::labeling-empty-c\",\"resourceName\":\"labeling-empty-c\",\"accountId\":\"" + C + "\","
                + "\"awsRegion\":\"us-east-1\",\"supplementaryConfiguration\":{\"BucketPolicy\":{\"policyText\":null}}}");
        // Config keeps an item for a deleted bucket (its last configuration): not a live bucket to audit
        c.add("{\"arn\":\"arn:aws:s3:::labeling-deleted-c\",\"resourceName\":\"labeling-deleted-c\",\"accountId\":\"" + C + "\","
                + "\"awsRegion\":\"us-east-1\",\"configurationItemStatus\":\"ResourceDeleted\",\"supplementaryConfiguration\":{}}");
        List<String> inventory = new ArrayList<>();
        a.forEach(r -> inventory.add(inventoryRow(r, A)));
        b.forEach(r -> inventory.add(inventoryRow(r, B)));
        c.forEach(r -> inventory.add(inventoryRow(r, C)));

        ConfigStubs.page(stubs, AGG, SHARDS, Optional.empty(), List.of(shardRow(C, 4), shardRow(A, 5)), Optional.of("shards-2"),
                SHARD_FIELDS);
        ConfigStubs.page(stubs, AGG, SHARDS, Optional.of("shards-2"), List.of(shardRow(B, 4)), Optional.empty(), SHARD_FIELDS);
        ConfigStubs.throttleFirst(stubs, AGG, SHARDS, Optional.of("shards-2"), 1);
        String names = "SELECT resourceName, accountId, awsRegion, configurationItemStatus WHERE";
        ConfigStubs.pageFirst(stubs, AGG, names, Optional.empty(), inventory.subList(5, 9), Optional.empty(), INVENTORY_FIELDS);
        String inA = "AND accountId = '" + A + "'";
        ConfigStubs.page(stubs, AGG, inA, Optional.empty(), a.subList(0, 3), Optional.of("a-2"), POLICY_FIELDS);
        ConfigStubs.page(stubs, AGG, inA, Optional.of("a-2"), a.subList(3, 5), Optional.empty(), POLICY_FIELDS);
        String inB = "AND accountId = '" + B + "'";
        ConfigStubs.page(stubs, AGG, inB, Optional.empty(), b.subList(0, 2), Optional.of("b-2"), POLICY_FIELDS);
        ConfigStubs.failAlways(stubs, AGG, inB, Optional.of("b-2"));
        String inC = "AND accountId = '" + C + "'";
        ConfigStubs.page(stubs, AGG, inC, Optional.empty(), c, Optional.empty(), POLICY_FIELDS);
        ConfigStubs.throttleFirst(stubs, AGG, inC, Optional.empty(), 1);

        Cli.Result r = Cli.runIn(AWS.context(), null, "audit", "--config-aggregator", AGG,
                "--region", "us-east-1", "--fail-on", "unreadable");
        // the stubs' accounts are in no organization: said once, and every verdict is the bucket policy's alone
        assertThat(r.err().lines()).singleElement().asString().contains("AWSOrganizationsNotInUseException");
        assertThat(r.exit()).isEqualTo(1);
        Golden.assertMatches(Golden.testResource("golden/audit/config-aggregator.txt"), r.out());
        assertThat(r.out()).contains("read 12 of 12 buckets the source reported")
                .contains("note: account " + B + " in us-east-1: 2 bucket(s) unreadable after 2 read")
                .contains("1 item(s) AWS Config keeps for deleted buckets").doesNotContain("labeling-deleted-c");
        // retried: the throttled pages twice, the failed page three times (the SDK's attempts), then given up
        assertThat(ConfigStubs.calls(stubs, SHARDS, Optional.of("shards-2"))).isEqualTo(2);
        // the names are asked for only of the shard that failed
        assertThat(ConfigStubs.calls(stubs, names, Optional.empty())).isEqualTo(1);
        assertThat(ConfigStubs.calls(stubs, inC, Optional.empty())).isEqualTo(2);
        assertThat(ConfigStubs.calls(stubs, inB, Optional.of("b-2"))).isEqualTo(3);
        // every AWS Config request asked for pages of 100
        assertThat(stubs.getAllServeEvents()).filteredOn(e -> String.valueOf(e.getRequest().getHeader("X-Amz-Target"))
                .startsWith("StarlingDoveService.")).isNotEmpty().allMatch(e -> e.getRequest().getBodyAsString().contains("\"Limit\":100"));
    }

    @Test
    void endpointUrlReachesAwsConfig() throws IOException {
        String row = Files.readAllLines(Golden.testResource("audit/config-rows.jsonl")).get(0);
        ConfigStubs.page(stubs, AGG, SHARDS, Optional.empty(), List.of(shardRow("210000000000", 1)), Optional.empty(), SHARD_FIELDS);
        ConfigStubs.page(stubs, AGG, "AND accountId = '210000000000'", Optional.empty(), List.of(row), Optional.empty(), POLICY_FIELDS);
        Map<String, String> env = new HashMap<>(AWS.env());
        env.remove("AWS_ENDPOINT_URL_CONFIG_SERVICE");
        Cli.Result r = Cli.runIn(new RunContext(env, Optional.empty(), Clock.systemUTC()), null, "audit", "--config-aggregator", AGG,
                "--region", "us-east-1", "--endpoint-url", AwsStubs.endpoint(stubs), "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("labeling-gt-strict-000000,gt-ready");
        assertThat(r.err()).contains("read 1 of 1 buckets");
    }

    @Test
    void anInventoryThatCannotBeCountedIsExitThreeAndAuditsNothing() {
        ConfigStubs.failAlways(stubs, AGG, SHARDS, Optional.empty());
        Cli.Result r = Cli.runIn(AWS.context(), null, "audit", "--config-aggregator", AGG,
                "--region", "us-east-1");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("counting the aggregator's buckets failed after 0 page(s), so nothing was audited")
                .contains("SelectAggregateResourceConfig on aggregator " + AGG);
        assertThat(r.out()).isEmpty();
    }
}
