package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.aws.AwsService;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.preflight.Preflight;
import dev.gtvpc.preflight.PreflightReport;
import dev.gtvpc.preflight.PreflightRequest;
import dev.gtvpc.render.PreflightRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "preflight",
        header = "Check every prerequisite of a Ground Truth labeling job in a VPC against the account (read-only).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "A checklist of what the AWS page asks for, each PASS, WARN or FAIL with the evidence and the fix:",
            "  bucket-region     the bucket exists and is in --region (S3 GetBucketLocation);",
            "  bucket-policy     its policy lets Ground Truth's endpoint, your VPCs, endpoints and roles in,",
            "                    and denies s3:GetObject and s3:PutObject to everyone else (S3",
            "                    GetBucketPolicy, then gtvpc's verifier);",
            "  policy-lockout    you keep s3:Get/Put/DeleteBucketPolicy (STS GetCallerIdentity);",
            "  s3-endpoint       each VPC has an available S3 endpoint, gateway or interface (EC2",
            "                    DescribeVpcEndpoints);",
            "  endpoint-policy   its policy lets the VPC reach the bucket and the region's two Ground Truth",
            "                    system buckets;",
            "  subnets, security-groups",
            "                    they exist and are in the VPC (EC2 DescribeSubnets, DescribeSecurityGroups);",
            "  in-progress-jobs  no IN_PROGRESS labeling job uses the bucket; a WARN, as changing its policy",
            "                    could make it fail (SageMaker ListLabelingJobs, DescribeLabelingJob).",
            "A call the caller is not allowed to make is reported in its check with the permission to add.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc preflight --region us-east-1 --bucket my-labeling-data --vpc vpc-0abc1234def567890",
            "  gtvpc preflight --region us-east-1 --bucket my-labeling-data --vpc vpc-0abc1234def567890 \\",
            "      --subnet subnet-0a1b2c3d4e5f60718 --security-group sg-0a1b2c3d4e5f60718 \\",
            "      --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
            "",
            "Exit codes: 0 nothing failed (warnings allowed), 1 a check failed, 2 bad input, 3 AWS or",
            "network error that prevented checking (no credentials, network, throttling, a service failure)."})
public final class PreflightCommand implements Callable<Integer>, OptionWording.Worded, AwsOptions.Reaching {
    @Spec
    CommandSpec spec;

    @Mixin
    Inside.RequiredRegion region;

    @Mixin
    Inside.RequiredBucket bucket;

    @Mixin
    Inside.RequiredVpcs vpcs;

    @Mixin
    Inside.Vpces vpces;

    @Option(names = "--subnet", paramLabel = "SUBNET_ID", split = ",",
            description = "A subnet of the job's VpcConfig (automated labeling; repeatable): it must exist and be in the VPC.")
    List<String> subnets = new ArrayList<>();

    @Option(names = "--security-group", paramLabel = "SG_ID", split = ",",
            description = "A security group of the job's VpcConfig (repeatable): it must exist and be in the VPC.")
    List<String> securityGroups = new ArrayList<>();

    @Mixin
    Inside.Roles roles;

    @Option(names = "--caller-vpce", paramLabel = "VPCE_ID",
            description = "You manage the bucket through this VPC endpoint (default: from the internet), for policy-lockout.")
    String callerVpce;

    @Mixin
    Formats.Report.Option format;

    @Mixin
    AwsOptions aws;

    @Mixin
    GroundTruthOptions groundTruth;

    @Override
    public Set<AwsService> endpointUrlReaches() {
        // every check: the caller, the bucket, the VPC and the labeling jobs
        return Set.of(AwsService.S3, AwsService.STS, AwsService.SAGEMAKER, AwsService.EC2);
    }

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--region", "The region of the labeling job: the bucket and the VPC endpoints must be in it too.",
                "--bucket", "The bucket the labeling job reads and writes.",
                "--vpc", "The VPC the job's traffic comes from (repeatable): it needs an S3 endpoint, and the bucket policy must let it in.",
                "--vpce", "A VPC endpoint the bucket policy must let in (repeatable).",
                "--role-arn", "A role the bucket policy must let in from anywhere, e.g. the console user's (repeatable).");
    }

    @Override
    public Integer call() {
        Formats.Report chosen = format.value();
        PreflightRequest request = request();
        RegionTable table = groundTruth.table();
        region.require(table);
        PreflightReport report;
        try (AwsServices services = aws.connect(spec, Optional.of(region.name))) {
            report = new Preflight(services.buckets(), services.labelingJobs(), services.callerIdentity(), services.vpcInventory(), table)
                    .run(request);
        }
        String text = switch (chosen) {
            case JSON -> PreflightRenderer.json(report);
            case MARKDOWN -> PreflightRenderer.markdown(report);
            case TEXT -> PreflightRenderer.text(report);
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return report.ok() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }

    /** Every input checked before any request, so a typo costs no AWS call. */
    private PreflightRequest request() {
        region.checkName();
        bucket.check();
        vpcs.check();
        vpces.check();
        Validate.each("--subnet", subnets, AwsIds::checkSubnetId);
        Validate.each("--security-group", securityGroups, AwsIds::checkSecurityGroupId);
        roles.check(AwsIds.partitionOf(region.name));
        if (callerVpce != null) {
            Validate.each("--caller-vpce", List.of(callerVpce), AwsIds::checkVpceId);
        }
        return new PreflightRequest(region.name, bucket.name, distinct(vpcs.ids()), distinct(vpces.ids), distinct(subnets),
                distinct(securityGroups), distinct(roles.arns), Optional.ofNullable(callerVpce));
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().toList();
    }
}
