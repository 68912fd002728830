package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.CephS3;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Ec2Stubs.Endpoint;
import dev.gtvpc.testing.Ec2Stubs.GroupStub;
import dev.gtvpc.testing.Ec2Stubs.SubnetStub;
import dev.gtvpc.testing.Ec2Stubs;
import dev.gtvpc.testing.Golden;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code preflight} end to end, in process: the S3 checks against a real S3 server (Ceph radosgw), EC2,
 * STS and SageMaker against WireMock stubs in their wire formats. One account where every check passes,
 * then one change per check that makes it fail (or warn), each asserted on that check alone.
 */
class PreflightAgainstS3Test {
    static final String ACCOUNT = "210987654321";
    static final String TESTER = "arn:aws:iam::" + ACCOUNT + ":user/tester";
    static final String CEPH_KNOWS = ApplyAgainstS3Test.CEPH_KNOWS;
    static final String VPC = "vpc-0abc1234def567890";
    static final String OTHER_VPC = "vpc-0fedcba9876543210";
    static final String S3_ENDPOINT = "vpce-0a1b2c3d4e5f60718";
    static final String SUBNET_A = "subnet-0aaaaaaaaaaaaaaa1";
    static final String SUBNET_B = "subnet-0aaaaaaaaaaaaaaa2";
    static final String SG = "sg-0bbbbbbbbbbbbbbb1";

    @RegisterExtension
    static final AwsServers AWS = AwsServers.withCeph();

    private final CephS3 ceph = AWS.ceph();
    private final WireMockServer stubs = AWS.stubs();
    private String region;
    private String bucket;

    /** The passing account: a VPC-only bucket policy, an S3 gateway endpoint with gtvpc's endpoint policy, two subnets and a group in the VPC. */
    @BeforeEach
    void passingAccount() {
        region = ceph.region();
        bucket = ceph.createBucket("pre");
        AwsStubs.callerIdentity(stubs, TESTER, ACCOUNT, "AIDAEXAMPLETESTER");
        AwsStubs.labelingJobs(stubs, 10, List.of(AwsStubs.JobStub.inBucket("other-job", "someone-elses-bucket")));
        putBucketPolicy(vpcOnlyPolicy());
        Ec2Stubs.vpcEndpoints(stubs, VPC, List.of(
                Endpoint.s3Gateway(S3_ENDPOINT, VPC, region, endpointPolicy()),
                new Endpoint("vpce-0c1d2e3f4a5b6c7d8", "Interface", VPC, "com.amazonaws." + region + ".sagemaker.api", "available",
                        Optional.of("{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Resource\":\"*\"}]}"))));
        Ec2Stubs.subnets(stubs, List.of(SUBNET_A, SUBNET_B), List.of(new SubnetStub(SUBNET_A, VPC, region + "a"),
                new SubnetStub(SUBNET_B, VPC, region + "b")));
        Ec2Stubs.securityGroups(stubs, List.of(SG), List.of(new GroupStub(SG, "labeling", VPC)));
    }

    String vpcOnlyPolicy() {
        return Cli.run("policy", "generate", "--region", region, "--bucket", bucket, "--vpc", VPC, "--role-arn", TESTER,
                "--actions", CEPH_KNOWS).out();
    }

    String endpointPolicy() {
        return Cli.run("endpoint-policy", "generate", "--region", region, "--bucket", bucket).out();
    }

    void putBucketPolicy(String json) {
        ceph.s3().putBucketPolicy(b -> b.bucket(bucket).policy(json));
    }

    Cli.Result preflight(String... extra) {
        List<String> args = new ArrayList<>(List.of("preflight", "--region", region, "--bucket", bucket, "--vpc", VPC,
                "--role-arn", TESTER, "--subnet", SUBNET_A + "," + SUBNET_B, "--security-group", SG));
        args.addAll(List.of(extra));
        RunContext context = new RunContext(AWS.env(), Optional.empty(),
                Clock.fixed(Instant.parse("2026-11-25T10:15:00Z"), ZoneOffset.UTC));
        return Cli.runIn(context, null, args.toArray(String[]::new));
    }

    String normalized(String text) {
        return text.replace(bucket, "BUCKET");
    }

    /** The block of one check in the text output: its status line, evidence and fix. */
    static String block(String out, String id) {
        List<String> lines = out.lines().toList();
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            if (line.matches("(PASS|WARN|FAIL)  .*")) {
                in = line.substring(6).startsWith(id + " ");
            } else if (!line.startsWith(" ")) {
                in = false;
            }
            if (in) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    static String status(String out, String id) {
        String b = block(out, id);
        return b.isEmpty() ? "ABSENT" : b.substring(0, 4);
    }

    // ------------------------------------------------------------------------------------------ passing

    @Test
    void aReadyAccountPassesEveryCheck() {
        Cli.Result r = preflight();
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.err()).isEmpty();
        Golden.assertMatches(Golden.testResource("golden/preflight/ready.txt"), normalized(r.out()));
        for (String id : List.of("bucket-region", "bucket-policy", "policy-lockout", "s3-endpoint", "endpoint-policy", "subnets",
                "security-groups", "in-progress-jobs")) {
            assertThat(status(r.out(), id)).as(id).isEqualTo("PASS");
        }
        // the request EC2 got is the filtered one, in its own query dialect
        assertThat(Ec2Stubs.requestBodies(stubs, "DescribeVpcEndpoints")).singleElement().asString()
                .contains("Version=2016-11-15").contains("Filter.1.Name=vpc-id").contains("Filter.1.Value.1=" + VPC);
        assertThat(Ec2Stubs.requestBodies(stubs, "DescribeSubnets")).singleElement().asString()
                .contains("SubnetId.1=" + SUBNET_A).contains("SubnetId.2=" + SUBNET_B);
    }

    @Test
    void jsonAndMarkdown() {
        Cli.Result json = preflight("--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        Golden.assertMatches(Golden.testResource("golden/preflight/ready.json"), normalized(json.out()));
        Cli.Result md = preflight("--format", "markdown");
        assertThat(md.exit()).as(md.err()).isZero();
        Golden.assertMatches(Golden.testResource("golden/preflight/ready.md"), normalized(md.out()));
    }

    // ------------------------------------------------------------------------------------------ bucket-region

    @Test
    void aBucketInAnotherRegionFails() {
        String other = region.equals("us-east-1") ? "us-west-2" : "us-east-1";
        Ec2Stubs.vpcEndpoints(stubs, VPC, List.of(Endpoint.s3Gateway(S3_ENDPOINT, VPC, other, null)));
        Cli.Result r = Cli.runIn(AWS.context(), null, "preflight", "--region", other, "--bucket", bucket, "--vpc", VPC);
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(block(r.out(), "bucket-region")).isEqualTo("FAIL  bucket-region     bucket " + bucket + " exists in " + other + "\n"
                + "      GetBucketLocation: " + region + "\n"
                + "      fix: the bucket, the VPC endpoints and the labeling job must be in one region: use a bucket in " + other
                + ", or run the job and its VPC in " + region + " (--region " + region + ")\n");
    }

    @Test
    void aMissingBucketFailsAndItsPolicyIsNotChecked() {
        bucket = bucket + "-gone";
        Cli.Result r = preflight();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(block(r.out(), "bucket-region")).contains("GetBucketLocation: NoSuchBucket")
                .contains("fix: create it in " + region + ": aws s3api create-bucket --bucket " + bucket);
        assertThat(block(r.out(), "bucket-policy")).startsWith("FAIL").contains("not checked: the bucket does not exist");
        assertThat(status(r.out(), "policy-lockout")).isEqualTo("ABSENT");
        assertThat(status(r.out(), "s3-endpoint")).isEqualTo("PASS");
    }

    // ------------------------------------------------------------------------------------------ bucket-policy

    @Test
    void aBucketWithoutPolicyFailsWithTheCommandThatWritesOne() {
        ceph.s3().deleteBucketPolicy(b -> b.bucket(bucket));
        Cli.Result r = preflight();
        assertThat(r.exit()).isEqualTo(1);
        Golden.assertMatches(Golden.testResource("golden/preflight/no-bucket-policy.txt"), normalized(r.out()));
        assertThat(block(r.out(), "bucket-policy")).contains("the data is not confined").contains("fix: gtvpc policy generate --region "
                + region + " --bucket " + bucket + " --vpc " + VPC + " --role-arn " + TESTER + " | gtvpc policy apply - --bucket " + bucket);
        Cli.Result json = preflight("--format", "json");
        Golden.assertMatches(Golden.testResource("golden/preflight/no-bucket-policy.json"), normalized(json.out()));
    }

    @Test
    void aPolicyThatLocksGroundTruthOutFails() {
        // the page's two actions, but the exemptions split into separate statements: each denies on its own
        String arn = "arn:aws:s3:::" + bucket;
        putBucketPolicy("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"VpcOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],"
                + "\"Resource\":[\"" + arn + "\",\"" + arn + "/*\"],\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpc\":\"" + VPC + "\"}}},"
                + "{\"Sid\":\"GtOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],"
                + "\"Resource\":[\"" + arn + "\",\"" + arn + "/*\"],\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0788e7ed8628e595d\"}}}]}");
        Cli.Result r = preflight();
        assertThat(r.exit()).isEqualTo(1);
        String b = block(r.out(), "bucket-policy");
        assertThat(b).startsWith("FAIL").contains("REFUTED gt-can-access").contains("REFUTED vpc-can-access " + VPC)
                .contains("counterexample: s3:GetObject on arn:aws:s3:::" + bucket);
    }

    @Test
    void aBucketPolicyTheCallerMayNotReadFailsNamingThePermission() {
        // Ceph enforces this Deny on the test's own user, as S3 would: the check cannot read the policy
        String arn = "arn:aws:s3:::" + bucket;
        putBucketPolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoReading\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetBucketPolicy\",\"Resource\":\"" + arn + "\"}]}");
        Cli.Result r = preflight();
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(block(r.out(), "bucket-policy")).startsWith("FAIL").contains("not checked: GetBucketPolicy on bucket " + bucket
                + ": access denied").contains("fix: allow s3:GetBucketPolicy on " + arn + " to " + TESTER);
        assertThat(status(r.out(), "s3-endpoint")).isEqualTo("PASS");
    }

    // ------------------------------------------------------------------------------------------ policy-lockout

    @Test
    void aPolicyThatDeniesTheCallerTheBucketPolicyActionsFails() {
        String arn = "arn:aws:s3:::" + bucket;
        String policy = vpcOnlyPolicy().strip();
        String lock = "{\"Sid\":\"PolicyFromVpcOnly\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"s3:PutBucketPolicy\","
                + "\"s3:DeleteBucketPolicy\"],\"Resource\":\"" + arn + "\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpc\":\"" + VPC
                + "\"}}}";
        putBucketPolicy(policy.substring(0, policy.lastIndexOf(']')) + "," + lock + "]}");
        Cli.Result r = preflight();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(status(r.out(), "bucket-policy")).isEqualTo("PASS");
        assertThat(block(r.out(), "policy-lockout")).startsWith("FAIL").contains("REFUTED caller-keeps-policy-access " + TESTER)
                .contains("by statement PolicyFromVpcOnly").contains("fix: exempt your role in the policy (--role-arn " + TESTER);
    }

    // ------------------------------------------------------------------------------------------ s3-endpoint

    @Test
    void aVpcWithoutAnAvailableS3EndpointFails() {
        Ec2Stubs.vpcEndpoints(stubs, VPC, List.of(
                new Endpoint(S3_ENDPOINT, "Gateway", VPC, "com.amazonaws." + region + ".s3", "pending", Optional.empty()),
                new Endpoint("vpce-0c1d2e3f4a5b6c7d8", "Interface", VPC, "com.amazonaws." + region + ".sagemaker.api", "available",
                        Optional.empty())));
        Cli.Result r = preflight();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(block(r.out(), "s3-endpoint")).isEqualTo("FAIL  s3-endpoint       VPC " + VPC + " has an S3 endpoint (com.amazonaws."
                + region + ".s3)\n"
                + "      DescribeVpcEndpoints vpc-id=" + VPC + ": 2 endpoints, 1 for com.amazonaws." + region + ".s3\n"
                + "      " + S3_ENDPOINT + " (Gateway, pending)\n"
                + "      fix: create one: aws ec2 create-vpc-endpoint --region " + region + " --vpc-id " + VPC + " --service-name com.amazonaws."
                + region + ".s3 --route-table-ids RTB_ID… (a gateway endpoint; the labeling job's subnets must use those route tables)\n");
        assertThat(status(r.out(), "endpoint-policy")).isEqualTo("ABSENT");
    }

    @Test
    void withoutPermissionToDescribeEndpointsTheCheckFailsNamingIt() {
        Ec2Stubs.unauthorized(stubs, "DescribeVpcEndpoints", TESTER);
        Cli.Result r = preflight();
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(block(r.out(), "s3-endpoint")).startsWith("FAIL").contains("not checked: DescribeVpcEndpoints on VPC " + VPC
                + ": access denied (HTTP 403 UnauthorizedOperation)").contains("fix: allow ec2:DescribeVpcEndpoints to " + TESTER);
        assertThat(status(r.out(), "subnets")).isEqualTo("PASS");
    }

    @Test
    void anEc2FailureThatIsNotAboutPermissionsStopsWithExit3() {
        Ec2Stubs.error(stubs, "DescribeVpcEndpoints", 500, "InternalError", "An internal error has occurred");
        Cli.Result r = preflight();
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gtvpc: DescribeVpcEndpoints on VPC " + VPC
                + ": the service failed and kept failing after the retries (HTTP 500 InternalError)\n");
    }

    // ------------------------------------------------------------------------------------------ endpoint-policy

    @Test
    void anEndpointPolicyWithoutTheSystemBucketsFails() {
        String onlyMine = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket + "/*\"]}]}";
        Ec2Stubs.vpcEndpoints(stubs, VPC, List.of(Endpoint.s3Gateway(S3_ENDPOINT, VPC, region, onlyMine)));
        Cli.Result r = preflight();
        assertThat(r.exit()).isEqualTo(1);
        Golden.assertMatches(Golden.testResource("golden/preflight/endpoint-policy-without-system-buckets.txt"), normalized(r.out()));
        assertThat(block(r.out(), "endpoint-policy")).startsWith("FAIL")
                .contains(S3_ENDPOINT + ": 4 of 9 requests the VPC needs are refused:")
                .contains("s3:GetObject on arn:aws:s3:::sagemaker-labeling-data-" + region + "/gtvpc-preflight/object: not allowed");
    }

    @Test
    void anEndpointWithoutPolicyDocumentHasFullAccess() {
        Ec2Stubs.vpcEndpoints(stubs, VPC, List.of(Endpoint.s3Gateway(S3_ENDPOINT, VPC, region, null)));
        Cli.Result r = preflight();
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(block(r.out(), "endpoint-policy")).contains(S3_ENDPOINT + ": no policy document, which is full access");
    }

    // ------------------------------------------------------------------------------------------ subnets, security groups

    @Test
    void aMissingSubnetAndOneOfAnotherVpcFail() {
        String gone = "subnet-0ccccccccccccccc9";
        Ec2Stubs.subnets(stubs, List.of(SUBNET_A, SUBNET_B, gone), List.of(new SubnetStub(SUBNET_A, VPC, region + "a"),
                new SubnetStub(SUBNET_B, OTHER_VPC, region + "b")));
        Cli.Result r = preflight("--subnet", gone);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(block(r.out(), "subnets")).isEqualTo("FAIL  subnets           the subnets exist and are in " + VPC + "\n"
                + "      " + SUBNET_A + ": in " + VPC + " (" + region + "a)\n"
                + "      " + SUBNET_B + ": in " + OTHER_VPC + " (" + region + "b), not in " + VPC + "\n"
                + "      " + gone + ": does not exist in " + region + " (InvalidSubnetID.NotFound)\n"
                + "      fix: use subnets of the VPC: aws ec2 describe-subnets --region " + region + " --filters Name=vpc-id,Values=" + VPC
                + "\n");
        // one call for all, refused for the unknown ID, then one per ID
        assertThat(Ec2Stubs.requestBodies(stubs, "DescribeSubnets")).hasSize(4);
    }

    @Test
    void aMissingSecurityGroupFails() {
        String gone = "sg-0ddddddddddddddd9";
        Ec2Stubs.securityGroups(stubs, List.of(SG, gone), List.of(new GroupStub(SG, "labeling", VPC)));
        Cli.Result r = preflight("--security-group", gone);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(block(r.out(), "security-groups")).startsWith("FAIL")
                .contains(SG + " (labeling): in " + VPC).contains(gone + ": does not exist in " + region + " (InvalidGroup.NotFound)");
    }

    // ------------------------------------------------------------------------------------------ in-progress-jobs

    @Test
    void aRunningJobOnTheBucketIsAWarningNotAFailure() {
        stubs.resetAll();
        passingAccountStubsWithJobs(List.of(AwsStubs.JobStub.inBucket("cars-2026", bucket),
                AwsStubs.JobStub.inBucket("other-job", "someone-elses-bucket")));
        Cli.Result r = preflight();
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(normalized(block(r.out(), "in-progress-jobs"))).isEqualTo(
                "WARN  in-progress-jobs  no IN_PROGRESS labeling job uses bucket BUCKET\n"
                + "      cars-2026: manifest s3://BUCKET/cars-2026/input.manifest, output s3://BUCKET/cars-2026/output/,"
                + " label categories s3://BUCKET/cars-2026/categories.json, UI template s3://BUCKET/cars-2026/template.liquid.html\n"
                + "      fix: changing the bucket's policy now can make this job fail: wait until it ends, stop it"
                + " (aws sagemaker stop-labeling-job --labeling-job-name NAME), or use a new bucket\n");
        assertThat(r.out()).endsWith("7 passed, 1 warning, 0 failed: ready\n");
    }

    private void passingAccountStubsWithJobs(List<AwsStubs.JobStub> jobs) {
        AwsStubs.callerIdentity(stubs, TESTER, ACCOUNT, "AIDAEXAMPLETESTER");
        AwsStubs.labelingJobs(stubs, 10, jobs);
        Ec2Stubs.vpcEndpoints(stubs, VPC, List.of(Endpoint.s3Gateway(S3_ENDPOINT, VPC, region, endpointPolicy())));
        Ec2Stubs.subnets(stubs, List.of(SUBNET_A, SUBNET_B), List.of(new SubnetStub(SUBNET_A, VPC, region + "a"),
                new SubnetStub(SUBNET_B, VPC, region + "b")));
        Ec2Stubs.securityGroups(stubs, List.of(SG), List.of(new GroupStub(SG, "labeling", VPC)));
    }

    @Test
    void withoutPermissionToListJobsTheJobsCheckWarns() {
        AwsStubs.error(stubs, AwsStubs.Operation.LIST_LABELING_JOBS, 400, "AccessDeniedException",
                "User: " + TESTER + " is not authorized to perform: sagemaker:ListLabelingJobs");
        Cli.Result r = preflight();
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(block(r.out(), "in-progress-jobs")).startsWith("WARN").contains("not checked: ListLabelingJobs: access denied")
                .contains("fix: allow sagemaker:ListLabelingJobs and sagemaker:DescribeLabelingJob to " + TESTER);
    }

    // ------------------------------------------------------------------------------------------ input

    @Test
    void badInputIsRefusedBeforeAnyRequest() {
        Cli.Result r = preflight("--subnet", "subnet-xyz");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("gtvpc: --subnet: ");
        assertThat(stubs.getAllServeEvents()).isEmpty();
        Cli.Result f = preflight("--format", "yaml");
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).isEqualTo("gtvpc: --format: 'yaml' is not one of text, json, markdown\n");
    }
}
