package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.apply.Backup;
import dev.gtvpc.apply.Backups;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.CephS3;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code policy apply}, {@code get}, {@code rollback} and {@code jobs in-progress} end to end, in
 * process, against a real S3 server that enforces bucket policies (Ceph radosgw) and WireMock stubs
 * of STS and SageMaker in their wire formats. The environment is the AWS CLI's: keys and
 * AWS_ENDPOINT_URL_* variables.
 */
class ApplyAgainstS3Test {
    // not the documentation's sample account, which lint rightly calls a placeholder
    static final String ACCOUNT = "210987654321";
    static final String TESTER = "arn:aws:iam::" + ACCOUNT + ":user/tester";
    static final String CEPH_KNOWS = "s3:GetObject,s3:PutObject,s3:DeleteObject,s3:ListBucket";
    static final Instant NOW = Instant.parse("2026-11-25T10:15:00Z");

    @RegisterExtension
    static final AwsServers AWS = AwsServers.withCeph().caller(TESTER, ACCOUNT);

    private final CephS3 ceph = AWS.ceph();
    private final WireMockServer stubs = AWS.stubs();
    private String bucket;
    @TempDir
    Path dir;

    @BeforeEach
    void freshBucket() {
        bucket = ceph.createBucket("apply");
    }

    Map<String, String> env() {
        return AWS.env();
    }

    Cli.Result run(Optional<RunContext.Terminal> terminal, String... args) {
        return Cli.runIn(new RunContext(env(), terminal, Clock.fixed(NOW, ZoneOffset.UTC)), null, args);
    }

    Cli.Result run(String... args) {
        return run(Optional.empty(), args);
    }

    Path policyFile(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    /**
     * A generated policy. Ceph Pacific refuses actions newer than itself (s3:GetObjectAttributes and
     * others of the default preset) with InvalidArgument, so the Deny names the ones it knows.
     */
    String vpcOnly() {
        return Cli.run("policy", "generate", "--region", ceph.region(), "--bucket", bucket, "--vpc", "vpc-0abc1234def567890",
                "--role-arn", TESTER, "--actions", CEPH_KNOWS).out();
    }

    String foreign() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PartnerRead\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
    }

    Optional<String> serverPolicy() {
        try {
            return Optional.of(ceph.s3().getBucketPolicy(b -> b.bucket(bucket)).policy());
        } catch (S3Exception e) {
            if ("NoSuchBucketPolicy".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    void putServerPolicy(String json) {
        ceph.s3().putBucketPolicy(b -> b.bucket(bucket).policy(json));
    }

    List<Path> backups() throws IOException {
        Path backupDir = dir.resolve("backups");
        if (!Files.isDirectory(backupDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(backupDir)) {
            return files.sorted().toList();
        }
    }

    String[] apply(Path policy, String... extra) {
        // a short settle read keeps the suite quick; ApplyConcurrencyTest is where it matters
        List<String> args = new ArrayList<>(List.of("policy", "apply", policy.toString(), "--bucket", bucket, "--region", ceph.region(),
                "--backup-dir", dir.resolve("backups").toString(), "--settle", "0.5"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The output with this run's bucket and temporary directory replaced, for golden files. */
    String normalized(String text) {
        return text.replace(bucket, "BUCKET").replace(dir.toString(), "DIR");
    }

    @Test
    void appliesToABucketWithoutPolicyAndBacksUpThatThereWasNone() throws IOException {
        Cli.Result r = run(apply(policyFile("p.json", vpcOnly()), "--yes"));
        assertThat(r.exit()).as(r.err()).isZero();
        Golden.assertMatches(Golden.testResource("golden/apply/no-policy-before.txt"), normalized(r.out()));
        assertThat(serverPolicy()).isPresent();
        assertThat(serverPolicy().get()).contains("DenyAccessFromNonGTandCustomerVPC");
        Backup backup = Backups.read(backups().get(0));
        assertThat(backup.policy()).isEmpty();
        assertThat(backup.bucket()).isEqualTo(bucket);
        assertThat(backup.region()).isEqualTo(ceph.region());
        assertThat(backup.account()).isEqualTo(ACCOUNT);
        assertThat(backup.time()).isEqualTo(NOW);
        assertThat(Files.readString(backups().get(0))).contains("\"hadPolicy\": false");
    }

    @Test
    void mergeKeepsAForeignStatementAndReplaceRemovesIt() throws IOException {
        putServerPolicy(foreign());
        Path policy = policyFile("p.json", vpcOnly());
        Cli.Result merged = run(apply(policy, "--yes"));
        assertThat(merged.exit()).as(merged.err()).isZero();
        Golden.assertMatches(Golden.testResource("golden/apply/merge-keeps-foreign.txt"), normalized(merged.out()));
        assertThat(serverPolicy().orElseThrow()).contains("PartnerRead").contains("DenyAccessFromNonGTandCustomerVPC");
        Backup first = Backups.read(backups().get(0));
        assertThat(first.policy()).contains(serverPolicyOf(first));
        assertThat(first.sha256()).isPresent();

        Cli.Result replaced = run(apply(policy, "--replace", "--yes"));
        assertThat(replaced.exit()).as(replaced.err()).isZero();
        assertThat(replaced.out()).contains("- PartnerRead (removed)");
        assertThat(serverPolicy().orElseThrow()).doesNotContain("PartnerRead").contains("DenyAccessFromNonGTandCustomerVPC");
        assertThat(backups()).hasSize(2);
    }

    private String serverPolicyOf(Backup b) {
        return b.policy().orElseThrow();
    }

    @Test
    void applyingTheSamePolicyTwiceWritesNothingTheSecondTime() throws IOException {
        Path policy = policyFile("p.json", vpcOnly());
        assertThat(run(apply(policy, "--yes")).exit()).isZero();
        Cli.Result again = run(apply(policy, "--yes"));
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("Nothing to change");
        assertThat(backups()).hasSize(1);
    }

    @Test
    void dryRunWritesNothing() throws IOException {
        putServerPolicy(foreign());
        String before = serverPolicy().orElseThrow();
        Cli.Result r = run(apply(policyFile("p.json", vpcOnly()), "--dry-run"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Dry run: nothing was written.");
        assertThat(serverPolicy()).contains(before);
        assertThat(backups()).isEmpty();
    }

    @Test
    void theTerminalIsAskedAndANoWritesNothing() throws IOException {
        List<String> asked = new ArrayList<>();
        Cli.Result no = run(Optional.of(q -> {
            asked.add(q);
            return Optional.of("n");
        }), apply(policyFile("p.json", vpcOnly())));
        assertThat(no.exit()).isEqualTo(1);
        assertThat(no.err()).isEqualTo("gtvpc: not confirmed: nothing was written\n");
        assertThat(asked).containsExactly("Apply this policy to bucket " + bucket + "? [y/N] ");
        assertThat(serverPolicy()).isEmpty();
        Cli.Result yes = run(Optional.of(q -> Optional.of("yes")), apply(policyFile("p.json", vpcOnly())));
        assertThat(yes.exit()).as(yes.err()).isZero();
        assertThat(serverPolicy()).isPresent();
    }

    @Test
    void aChangeBetweenPlanAndWriteStopsTheApply() throws IOException {
        putServerPolicy(foreign());
        String colleagues = foreign().replace("444455556666", "777788889999");
        Cli.Result r = run(Optional.of(q -> {
            putServerPolicy(colleagues); // someone else edits while the user reads the plan
            return Optional.of("y");
        }), apply(policyFile("p.json", vpcOnly())));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: the policy of bucket " + bucket + " changed since gtvpc read it")
                .contains("nothing was written").contains(dir.resolve("backups").toString());
        assertThat(serverPolicy().orElseThrow()).contains("777788889999").doesNotContain("DenyAccessFromNonGTandCustomerVPC");
    }

    @Test
    void aBucketInAnotherRegionIsRefused() throws IOException {
        String other = ceph.region().equals("us-east-1") ? "us-west-2" : "us-east-1";
        String policy = Cli.run("policy", "generate", "--region", other, "--bucket", bucket, "--vpc", "vpc-0abc1234def567890",
                "--actions", CEPH_KNOWS).out();
        Cli.Result r = run("policy", "apply", policyFile("p.json", policy).toString(), "--bucket", bucket, "--region", other, "--yes",
                "--backup-dir", dir.resolve("backups").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("gtvpc: bucket " + bucket + " is in " + ceph.region() + ", not " + other + ": the bucket, the VPC"
                + " endpoints and the labeling job must be in one region; nothing was changed (use --region " + ceph.region()
                + " if that is the region you mean)\n");
        assertThat(serverPolicy()).isEmpty();
    }

    @Test
    void aMalformedPolicyIsRefusedBeforeAnyRequest() throws IOException {
        Path broken = policyFile("broken.json", vpcOnly().replace("\"Effect\": \"Deny\"", "\"Effect\": \"Deny\", \"Effect\": \"Allow\""));
        int before = stubs.getAllServeEvents().size();
        Map<String, String> env = env();
        // S3 sent to the stub server too, so any request at all would be counted there
        env.put("AWS_ENDPOINT_URL_S3", AwsStubs.endpoint(stubs));
        Cli.Result r = Cli.runIn(new RunContext(env, Optional.empty(), Clock.systemUTC()), null, apply(broken, "--yes"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("error duplicate-key").endsWith("has 1 lint error (listed above): nothing was sent to AWS\n");
        assertThat(stubs.getAllServeEvents()).hasSize(before);
        assertThat(backups()).isEmpty();
    }

    @Test
    void aRealLockOutIsRefusedAndWithConfirmationTheServerReallyRefusesTheCaller() throws IOException {
        String denyPolicyWrites = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyFromTheOffice\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":[\"s3:PutBucketPolicy\",\"s3:DeleteBucketPolicy\"],\"Resource\":\"arn:aws:s3:::"
                + bucket + "\",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":\"198.51.100.0/24\"}}}]}";
        Path policy = policyFile("lockout.json", denyPolicyWrites);
        Cli.Result refused = run(apply(policy, "--yes"));
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.out()).contains("would lose access to the bucket policy").contains("decided EXPLICIT_DENY by statement OnlyFromTheOffice");
        assertThat(refused.err()).startsWith("gtvpc: refused: the new policy would deny " + TESTER);
        assertThat(serverPolicy()).isEmpty();

        Cli.Result confirmed = run(apply(policy, "--yes", "--confirm-remove-self-access"));
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(serverPolicy().orElseThrow()).contains("OnlyFromTheOffice");
        assertThatThrownBy(() -> putServerPolicy(foreign()))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void aConfirmedLockOutThatDeniesTheReadBackIsASuccessAndSaysHowToRecover() throws IOException {
        String denyPolicyActions = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyFromTheOffice\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":[\"s3:GetBucketPolicy\",\"s3:PutBucketPolicy\",\"s3:DeleteBucketPolicy\"],"
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "\",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":\"198.51.100.0/24\"}}}]}";
        Path policy = policyFile("lockout.json", denyPolicyActions);
        Cli.Result confirmed = run(apply(policy, "--yes", "--confirm-remove-self-access"));
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("Applied; as confirmed, you can no longer read this bucket's policy — the denied read-back"
                + " shows the new policy is in force. To recover, the account's root user can delete the bucket policy");
        assertThat(confirmed.err()).isEmpty();
        assertThatThrownBy(() -> serverPolicy())
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void theCallersAddressDecidesWhenGiven() throws IOException {
        // 0.0.0.0/1 holds the loopback address the local server sees, and is not a private-only range,
        // which private-source-ip refuses (aws:SourceIp holds public addresses on AWS)
        String onlyLoopback = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyFromHere\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket
                + "/*\"],\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":\"0.0.0.0/1\"},\"StringNotEquals\":{\"aws:SourceVpce\":\""
                + RegionTable.bundled().require(ceph.region()).groundTruthEndpoint().value() + "\"}}}]}";
        Path policy = policyFile("loopback.json", onlyLoopback);
        Cli.Result anywhere = run(apply(policy, "--yes"));
        assertThat(anywhere.exit()).as(anywhere.err()).isEqualTo(1);
        assertThat(anywhere.err()).contains("from the internet (at some addresses)");
        Cli.Result fromHere = run(apply(policy, "--yes", "--caller-ip", "127.0.0.1"));
        assertThat(fromHere.exit()).as(fromHere.err()).isZero();
        assertThat(serverPolicy().orElseThrow()).contains("OnlyFromHere");
    }

    @Test
    void anInProgressJobOnTheBucketBlocksTheApplyUnlessAllowed() throws IOException {
        AwsStubs.labelingJobs(stubs, 1, List.of(AwsStubs.JobStub.inBucket("cats-vs-dogs", bucket),
                AwsStubs.JobStub.inBucket("elsewhere", "another-bucket")));
        Path policy = policyFile("p.json", vpcOnly());
        Cli.Result blocked = run(apply(policy, "--yes"));
        assertThat(blocked.exit()).isEqualTo(1);
        assertThat(blocked.out()).contains("1 IN_PROGRESS labeling job uses bucket " + bucket + ":").contains("cats-vs-dogs")
                .doesNotContain("elsewhere");
        assertThat(blocked.err()).contains("add --allow-in-progress-jobs");
        assertThat(serverPolicy()).isEmpty();
        Cli.Result allowed = run(apply(policy, "--yes", "--allow-in-progress-jobs"));
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(serverPolicy()).isPresent();
    }

    @Test
    void withoutSageMakerPermissionsTheApplyStopsUnlessJobsAreAllowed() throws IOException {
        stubs.resetAll();
        AwsStubs.callerIdentity(stubs, TESTER, ACCOUNT, "AIDAEXAMPLETESTER");
        AwsStubs.error(stubs, AwsStubs.Operation.LIST_LABELING_JOBS, 400, "AccessDeniedException",
                "User is not authorized to perform: sagemaker:ListLabelingJobs");
        Path policy = policyFile("p.json", vpcOnly());
        Cli.Result stopped = run(apply(policy, "--yes"));
        assertThat(stopped.exit()).isEqualTo(3);
        assertThat(stopped.err()).startsWith("gtvpc: ListLabelingJobs: access denied (HTTP 400 AccessDeniedException)")
                .contains("with --allow-in-progress-jobs it goes on without that check");
        assertThat(serverPolicy()).isEmpty();
        Cli.Result allowed = run(apply(policy, "--yes", "--allow-in-progress-jobs"));
        assertThat(allowed.exit()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("Labeling jobs: not checked (ListLabelingJobs: access denied");
        assertThat(serverPolicy()).isPresent();
    }

    @Test
    void rollbackRestoresTheBackupAndABackupOfNoPolicyDeletesIt() throws IOException {
        putServerPolicy(foreign());
        String original = serverPolicy().orElseThrow();
        assertThat(run(apply(policyFile("p.json", vpcOnly()), "--replace", "--yes")).exit()).isZero();
        Path backup = backups().get(0);
        Cli.Result rolledBack = run("policy", "rollback", "--bucket", bucket, "--backup", backup.toString(), "--yes",
                "--backup-dir", dir.resolve("backups").toString());
        assertThat(rolledBack.exit()).as(rolledBack.err()).isZero();
        assertThat(serverPolicy()).contains(original);
        assertThat(backups()).hasSize(2);

        String other = ceph.createBucket("rollback-none");
        Cli.Result applied = run("policy", "apply", policyFile("q.json", vpcOnly().replace(bucket, other)).toString(), "--bucket", other,
                "--region", ceph.region(), "--yes", "--backup-dir", dir.resolve("other").toString());
        assertThat(applied.exit()).as(applied.err()).isZero();
        Path none;
        try (Stream<Path> files = Files.list(dir.resolve("other"))) {
            none = files.findFirst().orElseThrow();
        }
        Cli.Result deleted = run("policy", "rollback", "--bucket", other, "--backup", none.toString(), "--yes", "--backup-dir",
                dir.resolve("other").toString());
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("Deleted the bucket policy");
        assertThatThrownBy(() -> ceph.s3().getBucketPolicy(b -> b.bucket(other)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
    }

    @Test
    void rollbackPutsBackTheBackupsExactTextSoItsSha256MatchesTheBucketAgain() throws IOException {
        // spaced, keys in another order than gtvpc writes them: a re-serialised policy would differ in its bytes
        String spaced = "{\n  \"Statement\": [ { \"Resource\": \"arn:aws:s3:::" + bucket + "/*\", \"Action\": \"s3:GetObject\",\n"
                + "    \"Principal\": { \"AWS\": \"arn:aws:iam::444455556666:root\" }, \"Effect\": \"Allow\", \"Sid\": \"PartnerRead\" } ],\n"
                + "  \"Version\": \"2012-10-17\"\n}\n";
        putServerPolicy(spaced);
        String original = serverPolicy().orElseThrow();
        assertThat(run(apply(policyFile("p.json", vpcOnly()), "--replace", "--yes")).exit()).isZero();
        Path backup = backups().get(0);
        assertThat(Files.readString(backup)).contains(sha256(original));
        Cli.Result rolledBack = run("policy", "rollback", "--bucket", bucket, "--backup", backup.toString(), "--yes",
                "--backup-dir", dir.resolve("backups").toString());
        assertThat(rolledBack.exit()).as(rolledBack.err()).isZero();
        assertThat(serverPolicy()).contains(original);
    }

    @Test
    void rollbackRefusesABackupOfAnotherBucket() throws IOException {
        assertThat(run(apply(policyFile("p.json", vpcOnly()), "--yes")).exit()).isZero();
        Cli.Result r = run("policy", "rollback", "--bucket", "some-other-bucket", "--backup", backups().get(0).toString(), "--yes");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is a backup of bucket " + bucket + ", not some-other-bucket");
    }

    @Test
    void rollbackRefusesABackupWhosePolicyWasNulledAndLeavesTheBucketAlone() throws IOException {
        putServerPolicy(foreign());
        assertThat(run(apply(policyFile("p.json", vpcOnly()), "--replace", "--yes")).exit()).isZero();
        String applied = serverPolicy().orElseThrow();
        Path backup = backups().get(0);
        // issue 17.2: a nulled policy used to read as "there was no policy", and rollback deleted the bucket's policy
        Files.writeString(backup, Files.readString(backup).replaceAll("\"policy\": \"(\\\\.|[^\"\\\\])*\"", "\"policy\": null")
                .replaceAll("\"sha256\": \"[0-9a-f]+\"", "\"sha256\": null"));
        Cli.Result r = run("policy", "rollback", "--bucket", bucket, "--backup", backup.toString(), "--yes",
                "--backup-dir", dir.resolve("backups").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: --backup: " + backup + " is damaged or was edited: 'hadPolicy' is true, but 'policy'"
                + " and 'sha256' are not both strings; refusing to restore it\n");
        assertThat(serverPolicy()).contains(applied);
    }

    @Test
    void rollbackRefusesAnOldFormatBackupWhoseBucketWasEditedToThisOne() throws IOException {
        // a format-1 backup (no record hash) of another bucket, its bucket field edited to this one
        String others = foreign().replace(bucket, "someone-elses-bucket");
        Path backup = Files.writeString(dir.resolve("edited.json"), "{\"gtvpcBackup\": 1, \"bucket\": \"" + bucket + "\", \"region\": \""
                + ceph.region() + "\", \"account\": \"" + ACCOUNT + "\", \"time\": \"2026-11-25T10:15:00Z\", \"hadPolicy\": true,"
                + " \"policy\": \"" + others.replace("\"", "\\\"") + "\", \"sha256\": \"" + sha256(others) + "\"}");
        putServerPolicy(foreign());
        Cli.Result r = run("policy", "rollback", "--bucket", bucket, "--backup", backup.toString(), "--yes",
                "--backup-dir", dir.resolve("backups").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("gtvpc: --backup: " + backup + " holds a policy for another bucket than " + bucket + " (")
                .contains("someone-elses-bucket").endsWith("; refusing to restore it\n");
        assertThat(serverPolicy()).contains(foreign());
        assertThat(backups()).isEmpty();
    }

    @Test
    void rollbackToNoPolicyFromTwoVpcStatementsIsNotACrash() throws IOException {
        // issue 17.6: the state two merged applies leave (two Deny statements, each its own VPC); undo was exit 70
        Path none = Backups.write(dir.resolve("none"), new Backup(bucket, ceph.region(), ACCOUNT, NOW, Optional.empty()));
        String twoVpcs = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"DenyOutsideA\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::"
                + bucket + "/*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpc\":\"vpc-0aaaaaaaaaaaaaaaa\"}}},"
                + "{\"Sid\":\"DenyOutsideB\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::"
                + bucket + "/*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpc\":\"vpc-0bbbbbbbbbbbbbbbb\"}}}]}";
        putServerPolicy(twoVpcs);
        Cli.Result r = run("policy", "rollback", "--bucket", bucket, "--backup", none.toString(), "--yes",
                "--backup-dir", dir.resolve("backups").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Deleted the bucket policy");
        assertThat(serverPolicy()).isEmpty();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void getPrintsThePolicyAndSaysWhenThereIsNone() throws IOException {
        Cli.Result none = run("policy", "get", "--bucket", bucket, "--region", ceph.region());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("gtvpc: bucket " + bucket + " has no bucket policy\n");
        putServerPolicy(foreign());
        Cli.Result got = run("policy", "get", "--bucket", bucket, "--region", ceph.region());
        assertThat(got.exit()).isZero();
        Golden.assertMatches(Golden.testResource("golden/apply/get.json"), normalized(got.out()));
        Cli.Result raw = run("policy", "get", "--bucket", bucket, "--region", ceph.region(), "--raw");
        assertThat(raw.out()).isEqualTo(serverPolicy().orElseThrow() + "\n");
    }

    @Test
    void anEndpointUrlThatIsNotHttpIsBadInput() {
        Cli.Result r = run("policy", "get", "--bucket", bucket, "--region", ceph.region(), "--endpoint-url", "ftp://127.0.0.1:21");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: endpoint URL 'ftp://127.0.0.1:21' is not an http(s)://host[:port] URL\n");
    }

    @Test
    void getOfAMissingBucketIsAnAwsError() {
        Cli.Result r = run("policy", "get", "--bucket", "no-such-bucket-gtvpc", "--region", ceph.region());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("gtvpc: GetBucketPolicy on bucket no-such-bucket-gtvpc: the bucket does not exist (HTTP 404"
                + " NoSuchBucket)\n");
    }

    @Test
    void wrongKeysAreOneLineWithoutTheSecret() {
        Map<String, String> env = env();
        env.put("AWS_SECRET_ACCESS_KEY", "not-the-right-secret-0123456789");
        Cli.Result r = Cli.runIn(new RunContext(env, Optional.empty(), Clock.systemUTC()), null, "--verbose", "policy", "get",
                "--bucket", bucket, "--region", ceph.region());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("gtvpc: GetBucketPolicy on bucket " + bucket + ": AWS refused the"
                + " credentials");
        assertThat(r.err() + r.out()).doesNotContain("not-the-right-secret").doesNotContain(ceph.secretKey());
    }

    @Test
    void anErrorMessageThatEchoesTheSecretsIsPrintedWithoutThem() throws IOException {
        // a server (or proxy) that echoes the request back in its error message (issue 17.7)
        String authorization = "AWS4-HMAC-SHA256 Credential=" + ceph.accessKey() + "/20261203/eu-west-1/sts/aws4_request,"
                + " SignedHeaders=host;x-amz-date, Signature=" + "0123456789abcdef".repeat(4);
        stubs.resetAll();
        AwsStubs.error(stubs, AwsStubs.Operation.GET_CALLER_IDENTITY, 400, "InvalidParameterValue",
                "Request rejected: secret=" + ceph.secretKey() + " Authorization: " + authorization);
        Cli.Result r = run("--verbose", "policy", "apply", policyFile("p.json", vpcOnly()).toString(), "--bucket", bucket, "--region",
                ceph.region(), "--yes", "--backup-dir", dir.resolve("backups").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: GetCallerIdentity").contains("[REDACTED]");
        assertThat(r.err() + r.out()).doesNotContain(ceph.secretKey()).doesNotContain("0123456789abcdef0123")
                .doesNotContain("Credential=" + ceph.accessKey());
    }

    @Test
    void aPolicyTheServerRefusesPrintsItsCodeAndMessageAndTheNoteOnUnknownActions() throws IOException {
        // the default preset names actions newer than Ceph Pacific (s3:GetObjectAttributes…), which it refuses (issue 16 apply 2)
        String policy = Cli.run("policy", "generate", "--region", ceph.region(), "--bucket", bucket, "--vpc", "vpc-0abc1234def567890",
                "--role-arn", TESTER).out();
        Cli.Result r = run(apply(policyFile("p.json", policy), "--yes"));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: PutBucketPolicy on bucket " + bucket + " failed (HTTP 400 InvalidArgument)")
                .contains("S3 refused the policy itself").contains("actions the server may not know")
                .contains("the bucket still has its previous policy: nothing changed");
        assertThat(serverPolicy()).isEmpty();
    }

    @Test
    void jobsInProgressListsTheJobsThatUseTheBucket() {
        AwsStubs.labelingJobs(stubs, 2, List.of(AwsStubs.JobStub.inBucket("job-a", bucket), AwsStubs.JobStub.inBucket("job-b", "x-bucket"),
                AwsStubs.JobStub.inBucket("job-c", bucket)));
        Cli.Result text = run("jobs", "in-progress", "--bucket", bucket, "--region", AwsStubs.REGION);
        assertThat(text.exit()).as(text.err()).isZero();
        Golden.assertMatches(Golden.testResource("golden/apply/jobs-in-progress.txt"), normalized(text.out()));
        Cli.Result json = run("jobs", "in-progress", "--bucket", bucket, "--region", AwsStubs.REGION, "--format", "json");
        Golden.assertMatches(Golden.testResource("golden/apply/jobs-in-progress.json"), normalized(json.out()));
    }
}
