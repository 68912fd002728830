package dev.gtvpc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.aws.AwsCallFailed;
import dev.gtvpc.aws.OrganizationsReader;
import dev.gtvpc.layers.LayerPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which of an organization's policies reach an account's buckets (orgs_manage_policies_rcps.html,
 * orgs_manage_policies_scps.html): every RCP of its chain, the root's SCPs only, no AWS managed policy, nothing for
 * the management account; and what is said when Organizations cannot be read.
 */
class OrganizationLayersTest {
    static final String DENY_RCP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"%s\",\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
    static final String DENY_SCP = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"%s\",\"Effect\":\"Deny\",\"Action\":\"s3:*\","
            + "\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";

    /** One root r-root1, OU ou-root-aaaaaaaa under it, account 222222222222 in the OU; management 111111111111. */
    static final class Org implements OrganizationsReader {
        final List<String> calls = new ArrayList<>();
        Optional<AwsCallFailed> refuse = Optional.empty();

        @Override
        public Organization organization() {
            calls.add("DescribeOrganization");
            return new Organization("o-abcdefghij", "111111111111");
        }

        @Override
        public List<String> roots() {
            calls.add("ListRoots");
            refuse.ifPresent(e -> {
                throw e;
            });
            return List.of("r-root1");
        }

        @Override
        public Optional<String> parent(String child) {
            calls.add("ListParents " + child);
            return Optional.ofNullable(Map.of("222222222222", "ou-root-aaaaaaaa", "ou-root-aaaaaaaa", "r-root1", "111111111111", "r-root1")
                    .get(child));
        }

        @Override
        public List<AttachedPolicy> policiesFor(String target, PolicyType type) {
            calls.add("ListPoliciesForTarget " + target + " " + type);
            boolean rcp = type == PolicyType.RESOURCE_CONTROL_POLICY;
            List<AttachedPolicy> out = new ArrayList<>(List.of(rcp ? new AttachedPolicy("p-RCPFullAWSAccess", "RCPFullAWSAccess", true)
                    : new AttachedPolicy("p-FullAWSAccess", "FullAWSAccess", true)));
            out.add(new AttachedPolicy("p-" + (rcp ? "rcp" : "scp") + target.replace("-", ""), (rcp ? "rcp at " : "scp at ") + target, false));
            return out;
        }

        @Override
        public String policyText(String id) {
            calls.add("DescribePolicy " + id);
            return String.format(id.startsWith("p-rcp") ? DENY_RCP : DENY_SCP, id.replace("p-", "").replace("_", ""));
        }
    }

    @Test
    void everyRcpOfTheChainAndOnlyTheRootsScps() {
        Org org = new Org();
        List<String> warned = new ArrayList<>();
        OrganizationLayers layers = new OrganizationLayers(org, "AWS Organizations", Optional.empty(), Optional.empty(), warned::add);
        AccountLayers a = layers.of("222222222222");
        assertThat(a.bucketPolicyOnly()).isEmpty();
        assertThat(a.orgId()).contains("o-abcdefghij");
        assertThat(a.layers().rcps()).extracting(LayerPolicy::source).containsExactly(
                "p-rcprroot1 (rcp at r-root1, attached to r-root1)",
                "p-rcpourootaaaaaaaa (rcp at ou-root-aaaaaaaa, attached to ou-root-aaaaaaaa)",
                "p-rcp222222222222 (rcp at 222222222222, attached to 222222222222)");
        assertThat(a.layers().scps()).extracting(LayerPolicy::source).containsExactly("p-scprroot1 (scp at r-root1, attached to r-root1)");
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).startsWith("SCPs attached below the root were not asked")
                .contains("p-scpourootaaaaaaaa").contains("p-scp222222222222"));
        assertThat(warned).isEmpty();
        // read once: the second account of the organization asks for nothing it was told already
        int before = org.calls.size();
        assertThat(layers.of("222222222222")).isSameAs(a);
        assertThat(org.calls).hasSize(before);
    }

    @Test
    void theManagementAccountsBucketsHaveNoLayers() {
        AccountLayers m = new OrganizationLayers(new Org(), "AWS Organizations", Optional.empty(), Optional.empty(), w -> { })
                .of("111111111111");
        assertThat(m.layers().layered()).isFalse();
        assertThat(m.bucketPolicyOnly()).isEmpty();
        assertThat(m.notes()).singleElement().asString().contains("management account");
    }

    @Test
    void anAccountOutsideTheOrganizationOrUnknownIsBucketPolicyOnly() {
        OrganizationLayers layers = new OrganizationLayers(new Org(), "AWS Organizations", Optional.empty(), Optional.empty(), w -> { });
        assertThat(layers.of("333333333333").bucketPolicyOnly()).get().asString().contains("not in organization o-abcdefghij");
        assertThat(layers.of("").bucketPolicyOnly()).get().asString().contains("account is not known");
    }

    @Test
    void noAccessIsSaidOnceAndMarksEveryAccount() {
        Org org = new Org();
        org.refuse = Optional.of(new AwsCallFailed("ListRoots", AwsCallFailed.Reason.ACCESS_DENIED, "AccessDeniedException", 400,
                "ListRoots: access denied", null));
        List<String> warned = new ArrayList<>();
        OrganizationLayers layers = new OrganizationLayers(org, "AWS Organizations", Optional.empty(), Optional.empty(), warned::add);
        assertThat(layers.of("222222222222").bucketPolicyOnly()).get().asString().startsWith("no access to AWS Organizations");
        assertThat(layers.of("111111111111").bucketPolicyOnly()).isPresent();
        assertThat(warned).singleElement().asString().contains("bucket policy only");
        assertThat(org.calls).containsExactly("ListRoots");
    }
}
