package dev.gtvpc.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.LabelingJob;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.verify.PropertyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplierTest {
    private static final String BUCKET = "labeling-data";
    private static final String FOREIGN = """
            {"Version":"2012-10-17","Statement":[{"Sid":"AllowPartnerRead","Effect":"Allow",\
            "Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::labeling-data/*"}]}""";
    private static final String VPC_ONLY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"DenyAccessFromNonGTandCustomerVPC","Effect":"Deny","Principal":"*",\
            "Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::labeling-data","arn:aws:s3:::labeling-data/*"],\
            "Condition":{"StringNotEquals":{"aws:SourceVpce":["vpce-0123456789abcdef0","vpce-0e8eb93c4d5a5b0c2"]}}}]}""";

    private final InMemoryAws aws = new InMemoryAws();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:15:00Z"), ZoneOffset.UTC);
    private Applier applier;
    @TempDir
    Path backups;

    @BeforeEach
    void bucket() {
        aws.regions.put(BUCKET, "us-east-1");
        applier = new Applier(aws, aws, aws, GroundTruthAccess.service(RegionTable.bundled()), clock);
    }

    private static Policy policy(String json) {
        return PolicyReader.read(json, "test").policy();
    }

    @Test
    void mergeKeepsForeignStatementsAndReplaceDropsThem() {
        aws.policies.put(BUCKET, FOREIGN);
        ApplyPlan merged = applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true);
        assertThat(merged.target().orElseThrow().statements()).extracting(s -> s.sid().orElseThrow())
                .containsExactly("AllowPartnerRead", "DenyAccessFromNonGTandCustomerVPC");
        assertThat(merged.statementChanges()).extracting(StatementChange::kind)
                .containsExactly(StatementChange.Kind.KEPT, StatementChange.Kind.ADDED);
        ApplyPlan replaced = applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), false);
        assertThat(replaced.statementChanges()).extracting(StatementChange::kind)
                .containsExactly(StatementChange.Kind.ADDED, StatementChange.Kind.REMOVED);
    }

    @Test
    void sameSidReplacesInPlaceAndShowsALineDiff() {
        aws.policies.put(BUCKET, VPC_ONLY);
        String changed = VPC_ONLY.replace("\"s3:GetObject\",\"s3:PutObject\"", "\"s3:GetObject\",\"s3:PutObject\",\"s3:DeleteObject\"");
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(changed)), true);
        assertThat(plan.statementChanges()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(StatementChange.Kind.CHANGED);
            assertThat(c.lines()).anyMatch(l -> l.startsWith("+ ") && l.contains("\"s3:DeleteObject\""));
            // only the line that gains a comma goes; everything else is context
            assertThat(c.lines()).filteredOn(l -> l.startsWith("- ")).singleElement().asString().contains("\"s3:PutObject\"");
        });
        assertThat(plan.accessChanges()).isNotEmpty().allSatisfy(a -> assertThat(a.actions()).containsExactly("s3:DeleteObject"));
        assertThat(plan.accessChanges()).anySatisfy(a -> assertThat(a.origin()).isEqualTo("internet"));
    }

    @Test
    void applyingTheSamePolicyAgainChangesNothing() {
        aws.policies.put(BUCKET, VPC_ONLY);
        assertThat(applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true).changesAnything()).isFalse();
    }

    @Test
    void s3sOwnSpellingOfTheSamePolicyIsNoChange() {
        // what S3 returns for a policy written with a bare account ID
        aws.policies.put(BUCKET, FOREIGN);
        String asWritten = FOREIGN.replace("arn:aws:iam::444455556666:root", "444455556666");
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(asWritten)), true);
        assertThat(plan.statementChanges()).extracting(StatementChange::kind).containsExactly(StatementChange.Kind.KEPT);
        assertThat(plan.changesAnything()).isFalse();
        String otherAccount = FOREIGN.replace("444455556666", "777788889999");
        assertThat(applier.plan(BUCKET, "us-east-1", Optional.of(policy(otherAccount)), true).statementChanges())
                .extracting(StatementChange::kind).containsExactly(StatementChange.Kind.CHANGED);
    }

    @Test
    void aBucketInAnotherRegionIsRefusedBeforeItsPolicyIsRead() {
        aws.regions.put(BUCKET, "eu-west-1");
        assertThatThrownBy(() -> applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true))
                .isInstanceOf(GtvpcException.class)
                .hasMessageContaining("is in eu-west-1, not us-east-1")
                .extracting(e -> ((GtvpcException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(aws.calls).containsExactly("GetBucketLocation");
    }

    @Test
    void writeBacksUpFirstThenWritesAndReadsBack() throws IOException {
        aws.policies.put(BUCKET, FOREIGN);
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true);
        aws.calls.clear();
        WriteOutcome outcome = applier.write(plan, backups, false);
        assertThat(aws.calls).containsExactly("GetBucketPolicy", "PutBucketPolicy", "GetBucketPolicy");
        Backup b = Backups.read(outcome.backup());
        assertThat(b.policy()).contains(FOREIGN);
        assertThat(b.account()).isEqualTo("111122223333");
        assertThat(b.time()).isEqualTo(clock.instant());
        assertThat(outcome.backup().getFileName().toString()).isEqualTo("labeling-data-20261125T101500.000Z.json");
        assertThat(policy(aws.policies.get(BUCKET)).statements()).hasSize(2);
        assertThat(Files.readString(outcome.backup())).contains("\"sha256\": \"" + Backup.sha256Of(FOREIGN) + "\"");
    }

    @Test
    void aChangeBetweenPlanAndWriteStopsWithNothingWritten() {
        aws.policies.put(BUCKET, FOREIGN);
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true);
        aws.policies.put(BUCKET, FOREIGN.replace("444455556666", "777788889999"));
        assertThatThrownBy(() -> applier.write(plan, backups, false))
                .hasMessageContaining("changed since gtvpc read it")
                .hasMessageContaining("nothing was written")
                .hasMessageContaining(backups.toString())
                .extracting(e -> ((GtvpcException) e).exitCode()).isEqualTo(ExitCode.AWS_ERROR);
        assertThat(aws.calls).doesNotContain("PutBucketPolicy");
    }

    @Test
    void aFailedWriteSaysTheOldPolicyIsStillThere() {
        aws.policies.put(BUCKET, FOREIGN);
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true);
        aws.failPut = true;
        assertThatThrownBy(() -> applier.write(plan, backups, false))
                .hasMessageContaining("connection reset")
                .hasMessageContaining("the bucket still has its previous policy")
                .hasMessageContaining("backup of the previous policy: " + backups);
    }

    @Test
    void aWriteThatLandedDespiteAnErrorSaysSo() {
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true);
        aws.putLandsThenFails = true;
        assertThatThrownBy(() -> applier.write(plan, backups, false))
                .hasMessageContaining("yet the bucket has the new policy");
    }

    @Test
    void aFailedReadBackSaysTheWriteSucceeded() {
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true);
        aws.failGetFrom = 3; // the plan read 1, the re-read 2, the read-back 3
        assertThatThrownBy(() -> applier.write(plan, backups, false))
                .hasMessageContaining("PutBucketPolicy succeeded, but reading the policy back failed")
                .extracting(e -> ((GtvpcException) e).exitCode()).isEqualTo(ExitCode.AWS_ERROR);
        assertThat(aws.policies.get(BUCKET)).isNotNull();
    }

    @Test
    void anUnwritableBackupDirectoryStopsBeforeS3IsTouched() throws IOException {
        Path file = Files.writeString(backups.resolve("not-a-dir"), "x");
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true);
        aws.calls.clear();
        assertThatThrownBy(() -> applier.write(plan, file.resolve("sub"), false))
                .hasMessageContaining("cannot write the backup")
                .extracting(e -> ((GtvpcException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(aws.calls).isEmpty();
    }

    @Test
    void aSettledPolicyAlikeInMeaningButWithoutOurSidIsARace() {
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true);
        // the plan read 1, the re-read 2, the read-back 3, the settle re-read 4: another merge-apply's
        // statement, the same in meaning under its own Sid, has replaced this one's
        aws.beforeGet.put(4, a -> a.policies.put(BUCKET, VPC_ONLY.replace("DenyAccessFromNonGTandCustomerVPC", "TheirSid")));
        assertThatThrownBy(() -> applier.write(plan, backups, false, Duration.ofMillis(1)))
                .hasMessageContaining("race")
                .hasMessageContaining("DenyAccessFromNonGTandCustomerVPC")
                .extracting(e -> ((GtvpcException) e).exitCode()).isEqualTo(ExitCode.AWS_ERROR);
    }

    @Test
    void aReadBackAlikeInMeaningButWithoutOurSidIsARace() {
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(VPC_ONLY)), true);
        aws.beforeGet.put(3, a -> a.policies.put(BUCKET, VPC_ONLY.replace("DenyAccessFromNonGTandCustomerVPC", "TheirSid")));
        assertThatThrownBy(() -> applier.write(plan, backups, false))
                .hasMessageContaining("race")
                .hasMessageContaining("DenyAccessFromNonGTandCustomerVPC");
    }

    @Test
    void rollbackToNoPolicyDeletesIt() {
        aws.policies.put(BUCKET, VPC_ONLY);
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.empty(), false);
        assertThat(plan.changesAnything()).isTrue();
        WriteOutcome outcome = applier.write(plan, backups, false);
        assertThat(aws.policies).doesNotContainKey(BUCKET);
        assertThat(outcome.readBack()).isEmpty();
        assertThat(Backups.read(outcome.backup()).policy()).contains(VPC_ONLY);
    }

    @Test
    void jobsUsingTheBucketAreFoundByAnyOfTheirLocations() {
        aws.jobs.add(new LabelingJob("a", "arn:a", List.of(new LabelingJob.Location("manifest", "s3://other/m.json"),
                new LabelingJob.Location("UI template", "s3://labeling-data/ui.html"))));
        aws.jobs.add(new LabelingJob("b", "arn:b", List.of(new LabelingJob.Location("output", "s3://labeling-data-2/out/"))));
        assertThat(applier.jobsUsing(BUCKET)).extracting(LabelingJob::name).containsExactly("a");
    }

    @Test
    void lockoutFromTheInternetIsFoundAndAnEndpointCallerIsNotLockedOut() {
        String denyPolicyActions = VPC_ONLY.replace("\"s3:GetObject\",\"s3:PutObject\"", "\"s3:*\"");
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(denyPolicyActions)), false);
        PropertyResult fromInternet = applier.lockout(plan, Optional.empty(), Optional.empty());
        assertThat(fromInternet.status()).isEqualTo(PropertyResult.Status.REFUTED);
        assertThat(fromInternet.counterexample().orElseThrow().request().action()).isEqualTo("s3:GetBucketPolicy");
        assertThat(applier.lockout(plan, Optional.of("vpce-0123456789abcdef0"), Optional.empty()).status())
                .isEqualTo(PropertyResult.Status.PROVED);
    }

    @Test
    void aPolicyThatKeepsTheCallerInFromSomeAddressesOnlyIsALockoutUnlessTheAddressIsGiven() {
        String byAddress = """
                {"Version":"2012-10-17","Statement":[{"Sid":"OfficeOnly","Effect":"Deny","Principal":"*","Action":"s3:*",\
                "Resource":["arn:aws:s3:::labeling-data","arn:aws:s3:::labeling-data/*"],\
                "Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}""";
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(byAddress)), false);
        assertThat(applier.lockout(plan, Optional.empty(), Optional.empty()).status()).isEqualTo(PropertyResult.Status.REFUTED);
        assertThat(applier.lockout(plan, Optional.empty(), Optional.of("203.0.113.9")).status()).isEqualTo(PropertyResult.Status.PROVED);
        assertThat(applier.lockout(plan, Optional.empty(), Optional.of("198.51.100.1")).status()).isEqualTo(PropertyResult.Status.REFUTED);
    }

    @Test
    void anOperatorGtvpcCannotEvaluateLeavesTheLockoutUndecided() {
        String unknown = VPC_ONLY.replace("\"s3:GetObject\",\"s3:PutObject\"", "\"s3:*\"").replace("StringNotEquals", "StringNotEqualz");
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(unknown)), false);
        assertThat(applier.lockout(plan, Optional.empty(), Optional.empty()).status()).isEqualTo(PropertyResult.Status.UNDECIDED);
    }

    @Test
    void theCallersRoleExemptionKeepsItsSessionsIn() {
        String exemptAdmin = VPC_ONLY.replace("\"s3:GetObject\",\"s3:PutObject\"", "\"s3:*\"")
                .replace("\"aws:SourceVpce\":", "\"aws:PrincipalArn\":\"arn:aws:iam::111122223333:role/Admin\",\"aws:SourceVpce\":");
        ApplyPlan plan = applier.plan(BUCKET, "us-east-1", Optional.of(policy(exemptAdmin)), false);
        assertThat(applier.lockout(plan, Optional.empty(), Optional.empty()).status()).isEqualTo(PropertyResult.Status.PROVED);
    }

    @Test
    void aMergedPolicyOverTheSizeLimitIsRefused() {
        StringBuilder big = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < 100; i++) {
            big.append(i == 0 ? "" : ",").append("{\"Sid\":\"S").append(i)
                    .append("\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\",")
                    .append("\"Resource\":\"arn:aws:s3:::labeling-data/p").append(i).append("/*\"}");
        }
        aws.policies.put(BUCKET, big.append("]}").toString());
        StringBuilder endpoints = new StringBuilder("\"vpce-0123456789abcdef0\"");
        for (int i = 0; i < 300; i++) {
            endpoints.append(String.format(",\"vpce-%017x\"", i));
        }
        String manyEndpoints = VPC_ONLY.replace("\"vpce-0123456789abcdef0\"", endpoints.toString());
        assertThat(PolicyReader.compactSize(manyEndpoints)).isLessThan(PolicyReader.MAX_POLICY_BYTES);
        assertThatThrownBy(() -> applier.plan(BUCKET, "us-east-1", Optional.of(policy(manyEndpoints)), true))
                .hasMessageContaining("over S3's limit")
                .extracting(e -> ((GtvpcException) e).exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
    }
}
