package dev.gtvpc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A bucket policy that lets in the endpoints of an organization, a path or an account it names (aws:VpceOrgID,
 * aws:VpceOrgPaths, aws:VpceAccount: the endpoint owner's, IAM User Guide, global condition keys) that is not the
 * user's: a request through such an endpoint comes from outside the perimeter and gets in, so outside-denied must be
 * refuted through an endpoint of that owner, with or without the user's own organization (--org-id).
 */
class OriginsOfNamedEndpointOwnersTest {
    private static final String PARTNER_ORG = "o-partner1234";

    private static Policy policy(String condition) {
        return PolicyReader.read("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyTheseEndpoints\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::labels\",\"arn:aws:s3:::labels/*\"],\"Condition\":" + condition + "},"
                + "{\"Sid\":\"Account\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"s3:*\","
                + "\"Resource\":[\"arn:aws:s3:::labels\",\"arn:aws:s3:::labels/*\"]}]}", "policy.json").policy();
    }

    private static List<VerifyInputs> perimeters() {
        VerifyInputs endpointOnly = VerifyInputs.of("us-east-1", "aws", "labels", "111122223333")
                .withNetwork(List.of(), List.of("vpce-0abc1234def567890"), List.of());
        return List.of(endpointOnly, endpointOnly.withOrganization(Optional.of("o-a1b2c3d4e5"), List.of()));
    }

    private static PropertyResult outsideDenied(VerificationReport r) {
        return r.results().stream().filter(p -> p.property().equals("outside-denied")).findFirst().orElseThrow();
    }

    private static void refutedThrough(String condition, String key, String value) {
        for (VerifyInputs in : perimeters()) {
            PropertyResult outside = outsideDenied(Verifier.verify(policy(condition), in, Optional.empty()));
            assertThat(outside.status()).as(condition + " with org " + in.orgId()).isEqualTo(PropertyResult.Status.REFUTED);
            assertThat(outside.counterexample().orElseThrow().request().context().get(key)).as(condition)
                    .hasValueSatisfying(e -> assertThat(e.values()).contains(value));
        }
    }

    @Test
    void anotherOrganizationsEndpointLetInByOrgIdIsOutside() {
        refutedThrough("{\"StringNotEquals\":{\"aws:VpceOrgID\":\"" + PARTNER_ORG + "\"}}", "aws:VpceOrgID", PARTNER_ORG);
    }

    @Test
    void anotherOrganizationsEndpointLetInByOrgPathIsOutside() {
        refutedThrough("{\"ForAllValues:StringNotLike\":{\"aws:VpceOrgPaths\":\"" + PARTNER_ORG + "/r-ab12/ou-ab12-11111111/*\"}}",
                "aws:VpceOrgPaths", PARTNER_ORG + "/r-ab12/ou-ab12-11111111/x");
    }

    @Test
    void anotherAccountsEndpointLetInByAccountIsOutside() {
        refutedThrough("{\"StringNotEquals\":{\"aws:VpceAccount\":\"444455556666\"}}", "aws:VpceAccount", "444455556666");
    }

    @Test
    void theUsersOwnOrganizationAloneStaysProved() {
        // the endpoints of the user's organization said to be inside: letting in only them keeps everyone else out
        VerifyInputs mine = perimeters().get(1).withTagsAndEndpoints(Optional.empty(), Optional.empty(), true, List.of());
        PropertyResult outside = outsideDenied(Verifier.verify(policy("{\"StringNotEquals\":{\"aws:VpceOrgID\":\"o-a1b2c3d4e5\"}}"), mine,
                Optional.empty()));
        assertThat(outside.status()).isEqualTo(PropertyResult.Status.PROVED);
    }

    @Test
    void aPartnerOrganizationSaidToBeInsideStaysProved() {
        // policy generate --vpce-org says so of each organization it lets in (its self-check)
        for (VerifyInputs in : perimeters()) {
            PropertyResult outside = outsideDenied(Verifier.verify(policy("{\"StringNotEquals\":{\"aws:VpceOrgID\":\"" + PARTNER_ORG + "\"}}"),
                    in.withEndpointOrganizations(List.of(PARTNER_ORG)), Optional.empty()));
            assertThat(outside.status()).as("org " + in.orgId()).isEqualTo(PropertyResult.Status.PROVED);
        }
    }
}
