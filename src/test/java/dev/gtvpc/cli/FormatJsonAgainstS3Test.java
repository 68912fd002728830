package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.CephS3;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code policy get --format json} (and the apply plan's JSON) against a real S3 server, as in ApplyAgainstS3Test. */
class FormatJsonAgainstS3Test {
    static final String ACCOUNT = "210987654321";
    static final String TESTER = "arn:aws:iam::" + ACCOUNT + ":user/tester";
    static final Instant NOW = Instant.parse("2026-11-25T10:15:00Z");

    @RegisterExtension
    static final AwsServers AWS = AwsServers.withCeph().caller(TESTER, ACCOUNT);

    private final CephS3 ceph = AWS.ceph();
    private String bucket;
    @TempDir
    Path dir;

    @BeforeEach
    void freshBucket() {
        bucket = ceph.createBucket("fmt");
    }

    Cli.Result run(String... args) {
        return Cli.runIn(new RunContext(AWS.env(), Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC)), null, args);
    }

    String foreign() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PartnerRead\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
    }

    /** The hash covers the bucket's name, which differs per run; it is checked against the server's text instead. */
    String normalized(String text) {
        return text.replace(bucket, "BUCKET").replaceAll("\"sha256\": \"[0-9a-f]{64}\"", "\"sha256\": \"SHA256\"");
    }

    @Test
    void getAsJsonCarriesThePolicyParsedAndTheHashOfWhatS3Returned() {
        Cli.Result none = run("policy", "get", "--bucket", bucket, "--region", ceph.region(), "--format", "json");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).isEqualTo("gtvpc: bucket " + bucket + " has no bucket policy\n");
        Golden.assertMatches(Golden.testResource("golden/apply/get-format-json-none.json"), normalized(none.out()));

        ceph.s3().putBucketPolicy(b -> b.bucket(bucket).policy(foreign()));
        Cli.Result got = run("policy", "get", "--bucket", bucket, "--region", ceph.region(), "--format", "json");
        assertThat(got.exit()).as(got.err()).isZero();
        Golden.assertMatches(Golden.testResource("golden/apply/get-format-json.json"), normalized(got.out()));
        String served = ceph.s3().getBucketPolicy(b -> b.bucket(bucket)).policy();
        assertThat(got.out()).contains("\"sha256\": \"" + PolicyGetCommand.sha256(served) + "\"");
    }

    @Test
    void getRefusesRawWithJsonAndUnknownFormats() {
        Cli.Result both = run("policy", "get", "--bucket", bucket, "--region", ceph.region(), "--format", "json", "--raw");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.out()).isEmpty();
        assertThat(both.err()).startsWith("gtvpc: --raw: ").doesNotContain("\tat ").hasLineCount(1);
        Cli.Result yaml = run("policy", "get", "--bucket", bucket, "--region", ceph.region(), "--format", "yaml");
        assertThat(yaml.exit()).isEqualTo(2);
        assertThat(yaml.err()).isEqualTo("gtvpc: --format: 'yaml' is not one of text, json\n");
    }

    String vpcOnly() {
        return Cli.run("policy", "generate", "--region", ceph.region(), "--bucket", bucket, "--vpc", "vpc-0abc1234def567890",
                "--role-arn", TESTER, "--actions", "s3:GetObject,s3:PutObject,s3:DeleteObject,s3:ListBucket").out();
    }

    @Test
    void applyDryRunAsJsonIsThePlanAndWritesNothing() throws Exception {
        ceph.s3().putBucketPolicy(b -> b.bucket(bucket).policy(foreign()));
        Path policy = java.nio.file.Files.writeString(dir.resolve("p.json"), vpcOnly());
        Cli.Result r = run("policy", "apply", policy.toString(), "--bucket", bucket, "--region", ceph.region(),
                "--backup-dir", dir.resolve("backups").toString(), "--replace", "--dry-run", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        Golden.assertMatches(Golden.testResource("golden/apply/dry-run-format-json.json"), normalized(r.out()));
        assertThat(ceph.s3().getBucketPolicy(b -> b.bucket(bucket)).policy()).isEqualTo(foreign());
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void applyJsonWithoutDryRunIsRefusedBeforeAnyRequest() throws Exception {
        Path policy = java.nio.file.Files.writeString(dir.resolve("p.json"), vpcOnly());
        Cli.Result r = run("policy", "apply", policy.toString(), "--bucket", bucket, "--region", ceph.region(), "--yes",
                "--format", "json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("gtvpc: --format json: ").hasLineCount(1);
        assertThat(AWS.stubs().getAllServeEvents()).isEmpty();
    }

    @Test
    void mergeDryRunAsJsonKeepsTheForeignStatementAndGetJsonGoesToTheFile() throws Exception {
        ceph.s3().putBucketPolicy(b -> b.bucket(bucket).policy(foreign()));
        Path policy = java.nio.file.Files.writeString(dir.resolve("p.json"), vpcOnly());
        Cli.Result r = run("policy", "apply", policy.toString(), "--bucket", bucket, "--region", ceph.region(),
                "--backup-dir", dir.resolve("backups").toString(), "--dry-run", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"mode\": \"merge\"").contains("\"statementsKept\": [\n    \"PartnerRead\"\n  ]")
                .contains("\"statementsAdded\": [\n    \"DenyAccessFromNonGTandCustomerVPC\"\n  ]")
                .contains("\"statementsRemoved\": []").contains("\"applied\": false").doesNotContain("Plan for bucket");
        Path out = dir.resolve("current.json");
        Cli.Result got = run("policy", "get", "--bucket", bucket, "--region", ceph.region(), "--format", "json", "-o", out.toString());
        assertThat(got.exit()).as(got.err()).isZero();
        assertThat(got.out()).isEmpty();
        assertThat(normalized(java.nio.file.Files.readString(out)))
                .isEqualTo(Golden.read(Golden.testResource("golden/apply/get-format-json.json")));
    }
}
