package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.groundtruth.IdentityPolicy;
import dev.gtvpc.groundtruth.IdentityPolicyAudience;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.S3ActionCatalog;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.render.OutputFormat;
import dev.gtvpc.render.PolicyRenderer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "generate",
        header = "Write the identity policy a labeling job's execution role or a console user needs on the bucket.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Write an IAM identity policy (attach it to a role or user; it has no Principal) that grants exactly the S3"
                    + " actions the Ground Truth VPC page lists, each on the resource type it acts on:",
            "  execution-role  the role Ground Truth assumes for the job: s3:AbortMultipartUpload, s3:GetObject,"
                    + " s3:PutObject on the objects; s3:ListBucket, s3:GetBucketLocation on the bucket.",
            "  console-user    a person who starts jobs in the console: s3:GetObject, s3:PutObject on the objects;"
                    + " s3:ListBucket, s3:GetBucketCORS, s3:PutBucketCORS on the bucket; s3:ListAllMyBuckets on \"*\"",
            "                  (it has no resource-level permissions, so only an identity policy can grant it).",
            "",
            "The bucket policy must also let these identities through: give the console user's role to"
                    + " 'gtvpc policy generate --role-arn'. The execution role needs SageMaker's own permissions too"
                    + " (e.g. the AmazonSageMakerGroundTruthExecution managed policy); this policy covers only the bucket.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc iam-policy generate --bucket my-labeling-data --for execution-role > execution-role-s3.json",
            "  aws iam put-role-policy --role-name LabelingJobRole --policy-name labeling-bucket \\",
            "      --policy-document file://execution-role-s3.json",
            "  gtvpc iam-policy generate --bucket my-labeling-data --for console-user --format terraform",
            "  gtvpc iam-policy generate --bucket my-data --for execution-role --region cn-north-1   # aws-cn ARNs"})
public final class IamPolicyGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", split = ",",
            description = "The labeling bucket (input, output). Repeatable.")
    List<String> buckets = new ArrayList<>();

    @Option(names = "--for", required = true, paramLabel = "WHO", converter = AudienceConverter.class,
            completionCandidates = AudienceConverter.class,
            description = "execution-role or console-user.")
    IdentityPolicyAudience audience;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The bucket's region; only its partition matters (aws, aws-cn, aws-us-gov…). Default: aws.")
    String region;

    @Option(names = "--partition", paramLabel = "PARTITION",
            description = "The ARNs' partition, instead of --region: aws (default), aws-cn, aws-us-gov.")
    String partition;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            converter = Converters.Format.class, completionCandidates = Converters.Format.class,
            description = "json (default), cloudformation (an AWS::IAM::ManagedPolicy, YAML) or terraform (an aws_iam_policy).")
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
        Policy policy = IdentityPolicy.generate(audience, buckets, partition(), S3ActionCatalog.bundled());
        String who = audience == IdentityPolicyAudience.EXECUTION_ROLE ? "a labeling job's execution role" : "a console user";
        String description = "S3 permissions the Ground Truth VPC page lists for " + who + " on " + String.join(", ", buckets)
                + ". Generated by gtvpc.";
        String name = (audience == IdentityPolicyAudience.EXECUTION_ROLE ? "LabelingJobExecutionRole" : "LabelingConsoleUser")
                + "S3Access";
        String text = switch (format) {
            case JSON -> PolicyRenderer.json(policy, compact);
            case CLOUDFORMATION -> PolicyRenderer.identityCloudFormation(policy, name, description);
            case TERRAFORM -> PolicyRenderer.identityTerraform(policy,
                    audience.cliName().replace('-', '_') + "_labeling_s3", description);
        };
        Outputs.write(text, output, spec.commandLine().getOut());
        return 0;
    }

    private String partition() {
        if (region != null && partition != null) {
            throw GtvpcException.badInput("give --region or --partition, not both");
        }
        if (region != null) {
            if (!AwsIds.isRegionName(region)) {
                throw GtvpcException.badInput("--region: '" + region + "' is not an AWS Region name such as us-east-1");
            }
            return groundTruth.table().find(region).map(RegionInfo::partition).map(f -> f.value())
                    .orElse(AwsIds.partitionOf(region));
        }
        if (partition == null) {
            return "aws";
        }
        if (!partition.matches("aws(-[a-z]+)*")) {
            throw GtvpcException.badInput("--partition: '" + partition + "' is not a partition such as aws, aws-cn or aws-us-gov");
        }
        return partition;
    }

    static final class AudienceConverter implements ITypeConverter<IdentityPolicyAudience>, Iterable<String> {
        @Override
        public IdentityPolicyAudience convert(String value) {
            return Arrays.stream(IdentityPolicyAudience.values()).filter(a -> a.cliName().equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("'" + value + "' is not one of execution-role, console-user"));
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(IdentityPolicyAudience.values()).map(IdentityPolicyAudience::cliName).iterator();
        }
    }
}
