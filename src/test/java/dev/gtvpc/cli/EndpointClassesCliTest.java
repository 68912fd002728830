package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Endpoints nobody names are tried with every owner the space knows (the organization's, outsiders'): a service's
 * endpoint (Ground Truth's, owned by an AWS account) alike under aws:SourceVpce must not stand for them, and a
 * Null condition's true/false is never an endpoint ID (IAM User Guide, condition operators: Null tests presence).
 */
class EndpointClassesCliTest {
    private static final String RCP = "src/test/resources/audit/org/policies/network_perimeter_vpceorgid_rcp.json";

    @Test
    void theOrganizationsEndpointsAreTriedWhenGroundTruthIsChecked() {
        Cli.Result r = Cli.run("policy", "verify", "--no-bucket-policy", "--bucket", "labeling-data", "--region", "us-east-1",
                "--bucket-account", "210987654321", "--org-id", "o-gtvpc00001", "--principal-tag", "dp:include:network=true",
                "--bucket-tag", "none", "--org-endpoints", "--endpoint-account", "444455556666", "--rcp", RCP);
        // before: both VACUOUS ("no request of this kind exists"), Ground Truth's endpoint standing for every unnamed one
        assertThat(r.out()).containsPattern("PROVED +org-endpoint-can-access").containsPattern("PROVED +endpoint-account-can-access")
                .doesNotContain("VACUOUS");
    }

    @Test
    void aNullConditionsValueIsNotAnEndpoint(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("p.json");
        Files.writeString(policy, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OurAccountsEndpoints\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::labeling-data\",\"arn:aws:s3:::labeling-data/*\"],"
                + "\"Condition\":{\"StringNotEqualsIfExists\":{\"aws:VpceAccount\":\"210987654321\"}}},{\"Sid\":\"EndpointsOnly\","
                + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::labeling-data\","
                + "\"arn:aws:s3:::labeling-data/*\"],\"Condition\":{\"Null\":{\"aws:SourceVpce\":\"true\"}}}]}");
        Cli.Result r = Cli.run("policy", "verify", policy.toString(), "--bucket", "labeling-data", "--region", "us-east-1",
                "--bucket-account", "210987654321", "--vpce", "vpce-0123456789abcdef0");
        // before: "from endpoint true"
        assertThat(r.out()).containsPattern("REFUTED +outside-denied").doesNotContain("endpoint true").doesNotContain("aws:SourceVpce=true");
    }

    /**
     * A policy that lets in a partner organization's endpoints (aws:VpceOrgID, IAM User Guide, global condition keys):
     * refuted through an endpoint of that organization until --endpoint-org says the partner's endpoints are inside.
     */
    @ParameterizedTest
    @CsvSource({"partner-refuted,1,", "partner-inside,0,--endpoint-org o-partner1234", "partner-bad-org,2,--endpoint-org o-BAD"})
    void aPartnerOrganizationsEndpointsAreOutsideUntilNamed(String golden, int exit, String extra) {
        String args = "policy verify src/test/resources/verify/partner/partner-org-endpoints.json --bucket labels --region us-east-1"
                + " --bucket-account 111122223333 --vpce vpce-0abc1234def567890 --no-ground-truth " + (extra == null ? "" : extra);
        Cli.Result r = Cli.run(args.trim().split(" +"));
        assertThat(r.exit()).isEqualTo(exit);
        Golden.assertMatches(Golden.testResource("golden/verify/partner/" + golden + ".txt"), r.out() + r.err());
    }
}
