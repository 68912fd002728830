package dev.gtvpc.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.verify.VerifyInputs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The access diff compares two policies whose own request spaces differ: one that names two VPCs
 * tells apart more origins than one that names none. Issue 17.6: the state two merged applies leave
 * (two Deny statements, each with its own VPC) could not be rolled back to "no policy", or replaced by
 * an Allow-only policy, because the diff indexed the one matrix with the other's dimensions.
 */
class AccessDiffTest {
    private static final String TWO_VPCS = """
            {"Version":"2012-10-17","Statement":[\
            {"Sid":"DenyOutsideVpcA","Effect":"Deny","Principal":"*","Action":"s3:GetObject",\
            "Resource":"arn:aws:s3:::labeling-data/*","Condition":{"StringNotEquals":{"aws:SourceVpc":"vpc-0aaaaaaaaaaaaaaaa"}}},\
            {"Sid":"DenyOutsideVpcB","Effect":"Deny","Principal":"*","Action":"s3:PutObject",\
            "Resource":"arn:aws:s3:::labeling-data/*","Condition":{"StringNotEquals":{"aws:SourceVpc":"vpc-0bbbbbbbbbbbbbbbb"}}}]}""";
    private static final String ALLOW_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"PartnerRead","Effect":"Allow",\
            "Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::labeling-data/*"}]}""";

    private static Policy policy(String json) {
        return PolicyReader.read(json, "test").policy();
    }

    private static VerifyInputs inputs(List<Policy> both) {
        return VerifyInputs.of("us-east-1", "aws", "labeling-data", "111122223333")
                .withNetwork(List.of("vpc-0aaaaaaaaaaaaaaaa", "vpc-0bbbbbbbbbbbbbbbb"), List.of(), List.of())
                .withActions(AccessDiff.actionsInPlay(both, S3ActionCatalog.bundled()));
    }

    @Test
    void rollingBackTwoVpcStatementsToNoPolicyListsWhatIsNoLongerDenied() {
        Policy before = policy(TWO_VPCS);
        List<AccessChange> changes = AccessDiff.diff(Optional.of(before), Optional.empty(), inputs(List.of(before)));
        assertThat(changes).isNotEmpty();
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.before()).contains(Decision.EXPLICIT_DENY);
            assertThat(c.after()).contains(Decision.NOT_DENIED);
        });
        // from VPC A, only the PutObject Deny applied (and from B only GetObject): each row names its own action
        assertThat(changes).filteredOn(c -> c.origin().contains("vpc-0aaaaaaaaaaaaaaaa"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.actions()).containsExactly("s3:PutObject"));
        assertThat(changes).filteredOn(c -> c.origin().contains("vpc-0bbbbbbbbbbbbbbbb"))
                .isNotEmpty().allSatisfy(c -> assertThat(c.actions()).containsExactly("s3:GetObject"));
    }

    @Test
    void replacingTwoVpcStatementsWithAnAllowOnlyPolicyIsADiffNotACrash() {
        Policy before = policy(TWO_VPCS);
        Policy after = policy(ALLOW_ONLY);
        List<AccessChange> changes = AccessDiff.diff(Optional.of(before), Optional.of(after), inputs(List.of(before, after)));
        assertThat(changes).isNotEmpty();
        assertThat(changes).anySatisfy(c -> assertThat(c.before()).contains(Decision.EXPLICIT_DENY));
    }

    @Test
    void theReverseDirectionWorksToo() {
        Policy after = policy(TWO_VPCS);
        List<AccessChange> changes = AccessDiff.diff(Optional.empty(), Optional.of(after), inputs(List.of(after)));
        assertThat(changes).isNotEmpty().allSatisfy(c -> assertThat(c.after()).contains(Decision.EXPLICIT_DENY));
    }
}
