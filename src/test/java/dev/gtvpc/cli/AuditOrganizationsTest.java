package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.ConfigStubs;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.OrgStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code audit --config-aggregator} reading the organization's RCPs from a stub of AWS Organizations in its wire
 * format (JSON 1.1, {@code AWSOrganizationsV20161128.*}; see {@link OrgStubs}), so the SDK's marshalling and error
 * parsing run. Account 210987654321 sits in an OU with AWS's VPCE-org-ID network RCP (filled in, as in
 * src/test/resources/audit/org): its bucket without a network Deny of its own is proved by the RCP, its Ground Truth
 * bucket has gt-can-access refuted by the RCP's statement. Without access to Organizations every verdict is marked
 * "bucket policy only", said once on stderr. --endpoint-url reaches Organizations as it reaches Config; the
 * service's own variable still wins.
 */
class AuditOrganizationsTest {
    static final String AGG = "org-inventory";
    static final String ACCOUNT = "210987654321";
    static final String OU = "ou-gt01-workloads1";
    static final String SHARDS = "GROUP BY accountId, awsRegion";

    @RegisterExtension
    static final AwsServers AWS = AwsServers.stubsOnly();

    private final WireMockServer stubs = AWS.stubs();

    @Test
    void theRcpAboveTheAccountProvesItsBucketsAndKeepsGroundTruthOut() throws Exception {
        organization();
        inventory();
        Map<String, String> env = new HashMap<>(AWS.env());
        env.remove("AWS_ENDPOINT_URL_CONFIG_SERVICE");
        env.remove("AWS_ENDPOINT_URL_ORGANIZATIONS");
        // --endpoint-url alone sends both AWS Config and Organizations to the stubs
        Cli.Result r = run(env, "--endpoint-url", AwsStubs.endpoint(stubs), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        Golden.assertMatches(Golden.testResource("golden/audit/organizations.json"), r.out());
        assertThat(r.out()).doesNotContain("bucket policy only");
        // each target's policies and each policy's text read once for both buckets
        assertThat(OrgStubs.calls(stubs)).containsEntry("ListRoots", 1).containsEntry("DescribeOrganization", 1)
                .containsEntry("ListParents", 2).containsEntry("DescribePolicy", 1).containsEntry("ListPoliciesForTarget", 6);
    }

    @Test
    void theServicesOwnVariableWinsOverEndpointUrl() throws Exception {
        organization();
        inventory();
        Cli.Result r = run(new HashMap<>(AWS.env()), "--endpoint-url", "http://127.0.0.1:9", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("workloads-tls-only,perimeter-proved,").doesNotContain("bucket policy only");
    }

    @Test
    void withoutAccessEveryVerdictIsTheBucketPolicysOnlyAndSaysSo() throws Exception {
        OrgStubs.refuse(stubs, "AccessDeniedException", 1);
        inventory();
        Cli.Result r = run(new HashMap<>(AWS.env()), "--format", "text");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err().lines()).singleElement().asString().contains("cannot read the organization's RCPs and SCPs")
                .contains("AccessDeniedException").contains("bucket policy only");
        Golden.assertMatches(Golden.testResource("golden/audit/organizations-no-access.txt"), r.out());
        List<String> csv = run(new HashMap<>(AWS.env()), "--format", "csv").out().lines().skip(1).toList();
        assertThat(csv).hasSize(2).allMatch(row -> row.contains("(bucket policy only)"));
        // asked once per run: the first refusal stops the reading
        assertThat(OrgStubs.calls(stubs)).containsOnlyKeys("ListRoots").containsEntry("ListRoots", 2);
    }

    private Cli.Result run(Map<String, String> env, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "--config-aggregator", AGG, "--region", "us-east-1",
                "--principal-tag", "dp:include:network=true", "--bucket-tag", "none"));
        args.addAll(List.of(more));
        return Cli.runIn(new RunContext(env, Optional.empty(), Clock.systemUTC()), null, args.toArray(String[]::new));
    }

    private void organization() throws Exception {
        OrgStubs.organization(stubs, "o-gtvpc00001", "111100000000", "r-gt01");
        OrgStubs.parent(stubs, ACCOUNT, OU);
        OrgStubs.parent(stubs, OU, "r-gt01");
        OrgStubs.attach(stubs, OU, "RESOURCE_CONTROL_POLICY", "p-vpceorgid01", "network-perimeter-vpceorgid",
                Files.readString(Path.of("src/test/resources/audit/org/policies/network_perimeter_vpceorgid_rcp.json")));
    }

    /** The two buckets of the account in src/test/resources/audit/org/buckets.jsonl, as AWS Config's rows. */
    private void inventory() throws Exception {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/audit/org/buckets.jsonl"))) {
            Json.Obj record = (Json.Obj) Json.parse(line);
            String bucket = ((Json.Str) record.get("bucket").get()).value();
            if (line.contains("\"account\":\"" + ACCOUNT + "\"")) {
                rows.add("{\"arn\":\"arn:aws:s3:::" + bucket + "\",\"resourceName\":\"" + bucket + "\",\"accountId\":\"" + ACCOUNT
                        + "\",\"awsRegion\":\"us-east-1\",\"supplementaryConfiguration\":{\"BucketPolicy\":{\"policyText\":"
                        + Json.quote(Json.write(record.get("policy").get(), false)) + "}}}");
            }
        }
        ConfigStubs.page(stubs, AGG, SHARDS, Optional.empty(), List.of("{\"accountId\":\"" + ACCOUNT + "\",\"awsRegion\":\"us-east-1\","
                + "\"COUNT(*)\":" + rows.size() + "}"), Optional.empty(), AuditConfigAggregatorTest.SHARD_FIELDS);
        ConfigStubs.page(stubs, AGG, "AND accountId = '" + ACCOUNT + "'", Optional.empty(), rows, Optional.empty(),
                AuditConfigAggregatorTest.POLICY_FIELDS);
    }
}
