package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code audit --policies --org-policies DIR} (src/test/resources/audit/org, see audit/SOURCES.md): AWS's VPCE-org-ID
 * network RCP, filled in, attached to one OU. A bucket of that OU with no network Deny of its own is proved by the
 * RCP; a Ground Truth bucket under it has gt-can-access refuted by the RCP's statement; the management account's
 * bucket and one of an OU without the RCP are judged by their bucket policies (RCPs do not reach the first, none is
 * attached above the second); an account the directory does not place is "bucket policy only".
 */
class AuditOrgPoliciesCliTest {
    static final String DIR = "src/test/resources/audit/org/";
    static final String[] TAGS = {"--principal-tag", "dp:include:network=true", "--bucket-tag", "none"};

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"text,org-policies.txt", "json,org-policies.json"})
    void eachAccountIsJudgedWithTheLayersAboveIt(String format, String golden) {
        Cli.Result r = Cli.run(args("--format", format));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        Golden.assertMatches(Golden.testResource("golden/audit/" + golden), r.out());
    }

    @Test
    void theRcpProvesABucketWithoutANetworkDenyAndKeepsGroundTruthOut() {
        List<String> rows = Cli.run(args("--format", "csv")).out().lines().toList();
        assertThat(row(rows, "workloads-tls-only")).contains(",perimeter-proved,")
                .contains("outside-denied decided by").contains("rcp statement EnforceNetworkPerimeterVpceOrgID of p-vpceorgid01");
        assertThat(row(rows, "workloads-labeling")).contains(",perimeter-proved,").contains("gt-can-access refuted")
                .contains("rcp statement EnforceNetworkPerimeterVpceOrgID of p-vpceorgid01 (network-perimeter-vpceorgid, attached to"
                        + " ou-gt01-workloads1)");
        // no RCP above the sandbox OU, and none reaches the management account's buckets: the bucket policy alone decides
        assertThat(row(rows, "sandbox-tls-only")).contains(",refuted,").doesNotContain("bucket policy only");
        assertThat(row(rows, "management-tls-only")).contains(",refuted,").doesNotContain("bucket policy only");
        assertThat(row(rows, "outside-tls-only")).contains(",refuted,").contains("(bucket policy only)");
    }

    @Test
    void withoutThePrincipalTagTheRcpBindsNoOneAndProvesNothing() {
        // AWS's RCP denies only principals tagged dp:include:network=true: untagged, a principal of the account gets in from anywhere
        List<String> rows = Cli.run("audit", "--policies", DIR + "buckets.jsonl", "--org-policies", DIR + "policies", "--format", "csv")
                .out().lines().toList();
        assertThat(row(rows, "workloads-tls-only")).contains(",refuted,");
    }

    @Test
    void tagsWithoutTheOrganizationsPoliciesAreBadInput() {
        Cli.Result r = Cli.run("audit", "--policies", DIR + "buckets.jsonl", "--principal-tag", "dp:include:network=true");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().asString().contains("--principal-tag: give --org-policies too");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown target|\"targets\": [\"ou-gt01-workloads1\"]|\"targets\": [\"ou-gt01-elsewhere1\"]|is no root, OU or account",
        "bad path|\"r-gt01/ou-gt01-sandbox01\"|\"ou-gt01-sandbox01\"|is not a root ID",
        "not an RCP|\"type\": \"RCP\"|\"type\": \"SCP\"|is not a service control policy",
        "unknown member|\"organization\":|\"org\": \"x\", \"organization\":|'org' is not organization"})
    void aBadDirectoryIsOneLineAndExitTwo(String name, String from, String to, String says) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("policies"));
        Path source = Path.of(DIR, "policies");
        Files.copy(source.resolve("network_perimeter_vpceorgid_rcp.json"), dir.resolve("network_perimeter_vpceorgid_rcp.json"));
        String targets = Files.readString(source.resolve("targets.json"));
        assertThat(targets).contains(from);
        Files.writeString(dir.resolve("targets.json"), targets.replace(from, to));
        Cli.Result r = Cli.run("audit", "--policies", DIR + "buckets.jsonl", "--org-policies", dir.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).singleElement().asString().contains(says);
    }

    @Test
    void aPlaceholderLeftInAPolicyIsBadInput() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("policies"));
        Files.copy(Path.of("src/test/resources/corpus/rcp/data-perimeter-network-perimeter-vpceorgid-rcp.json"),
                dir.resolve("network_perimeter_vpceorgid_rcp.json"));
        Files.copy(Path.of(DIR, "policies", "targets.json"), dir.resolve("targets.json"));
        Cli.Result r = Cli.run("audit", "--policies", DIR + "buckets.jsonl", "--org-policies", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).singleElement().asString().contains("still holds the placeholder");
    }

    private static String row(List<String> rows, String bucket) {
        return rows.stream().filter(l -> l.contains("," + bucket + ",")).findFirst().orElseThrow();
    }

    private static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of("audit", "--policies", DIR + "buckets.jsonl", "--org-policies", DIR + "policies"));
        a.addAll(List.of(TAGS));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }
}
