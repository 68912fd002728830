package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.groundtruth.EndpointPolicy;
import dev.gtvpc.groundtruth.EndpointPolicyRequest;
import dev.gtvpc.groundtruth.S3ActionCatalog;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.render.OutputFormat;
import dev.gtvpc.render.PolicyRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate",
        header = "Write the S3 VPC endpoint policy a VPC-only Ground Truth labeling job needs.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Write the policy for your VPC's S3 endpoint (gateway or interface). An endpoint policy is an allow list:"
                    + " requests from the VPC through the endpoint reach only what it names. This one names",
            "  - your labeling buckets (--bucket): s3:AbortMultipartUpload, s3:GetObject, s3:PutObject, s3:ListBucket,"
                    + " s3:GetBucketLocation - what the Ground Truth page says must work on the job's buckets, and what"
                    + " automated labeling's training and inference jobs in the VPC do;",
            "  - the region's system buckets sagemaker-labeling-data-REGION and sm-bxcb-REGION-saved-task-states, which"
                    + " the worker portal uses while a worker is on a task: s3:GetObject, s3:PutObject on their objects;",
            "  - other buckets (--extra-bucket), read only: s3:GetObject, s3:ListBucket, s3:GetBucketLocation.",
            "",
            "Each action is granted on the resource type it acts on (objects, or the bucket). Anything else the VPC"
                    + " reached through the endpoint before (package repositories, other buckets) is cut off: add it"
                    + " with --extra-bucket or a statement of your own.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc endpoint-policy generate --region us-east-1 --bucket my-labeling-data > endpoint-policy.json",
            "  aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-0abc1234def567890 \\",
            "      --policy-document file://endpoint-policy.json",
            "  gtvpc endpoint-policy generate --region eu-west-1 --bucket my-input --bucket my-output \\",
            "      --extra-bucket my-models --format terraform -o endpoint-policy.tf",
            "  gtvpc endpoint-policy generate --region us-east-1 --bucket my-labeling-data --format cloudformation \\",
            "      -o s3-endpoint.yaml   # a gateway endpoint with the policy; VPC and route tables are parameters"})
public final class EndpointPolicyGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--region", required = true, paramLabel = "REGION",
            description = "The region of the VPC, the buckets and the labeling job (they must be the same), e.g. us-east-1.")
    String region;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", split = ",",
            description = "A bucket the labeling job reads or writes (input, output). Repeatable.")
    List<String> buckets = new ArrayList<>();

    @Option(names = "--extra-bucket", paramLabel = "BUCKET", split = ",",
            description = "Another bucket the VPC may read through the endpoint (e.g. a template or model bucket). Repeatable.")
    List<String> extraBuckets = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            converter = Converters.Format.class, completionCandidates = Converters.Format.class,
            description = "json (default); cloudformation (a template with an AWS::EC2::VPCEndpoint whose PolicyDocument"
                    + " this is, YAML); terraform (an aws_vpc_endpoint_policy for an endpoint you already have).")
    OutputFormat format;

    @Option(names = "--compact", description = "JSON on one line (for --format json).")
    boolean compact;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output (all or nothing: never a half-written file).")
    String output;

    @Mixin
    GroundTruthOptions groundTruth;

    @Override
    public Integer call() {
        if (compact && format != OutputFormat.JSON) {
            throw GtvpcException.badInput("--compact applies to --format json only");
        }
        Policy policy = EndpointPolicy.generate(new EndpointPolicyRequest(region, buckets, extraBuckets),
                groundTruth.table(), S3ActionCatalog.bundled());
        String description = "S3 VPC endpoint policy for Ground Truth labeling jobs in " + region
                + ": the VPC reaches the labeling buckets and Ground Truth's system buckets only. Generated by gtvpc.";
        String text = switch (format) {
            case JSON -> PolicyRenderer.json(policy, compact);
            case CLOUDFORMATION -> PolicyRenderer.endpointCloudFormation(policy, region, description);
            case TERRAFORM -> PolicyRenderer.endpointTerraform(policy, description);
        };
        Outputs.write(text, output, spec.commandLine().getOut());
        return 0;
    }
}
