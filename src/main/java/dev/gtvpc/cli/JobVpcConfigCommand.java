package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.groundtruth.JobSkeletonRequest;
import dev.gtvpc.groundtruth.LabelingJobConfig;
import dev.gtvpc.groundtruth.LabelingTasks;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.groundtruth.VpcJobRequest;
import dev.gtvpc.render.LabelingJobRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "vpc-config",
        header = "Write the LabelingJobAlgorithmsConfig (or a whole CreateLabelingJob request) for automated labeling in a VPC.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Automated data labeling runs training and inference jobs; with a VpcConfig they run in your subnets and"
                    + " security groups. This writes CreateLabelingJob's LabelingJobAlgorithmsConfig: the task type's"
                    + " LabelingJobAlgorithmSpecificationArn in the region, and LabelingJobResourceConfig with VpcConfig"
                    + " (1-16 subnets, 1-5 security groups) and, with --volume-kms-key, VolumeKmsKeyId.",
            "",
            "Only four task types support automated labeling: BoundingBox (object-detection), ImageMultiClass"
                    + " (image-classification), SemanticSegmentation (semantic-segmentation), TextMultiClass"
                    + " (text-classification). Name them either way, in any case.",
            "",
            "--full writes a whole CreateLabelingJob request around it: the region's PRE-/ACS- Lambdas for the task type,"
                    + " S3 URIs under s3://BUCKET/JOB-NAME/ (input.manifest, label-categories.json,"
                    + " worker-template.liquid, output/), and <PLACEHOLDERS> for what only you know - the execution"
                    + " role and the private work team - unless you give --execution-role-arn and --workteam-arn (a warning on"
                    + " stderr names each placeholder left). Send it with"
                    + " 'aws sagemaker create-labeling-job --cli-input-json file://job.json'.",
            "",
            "Before the job: the VPC needs an S3 endpoint ('gtvpc endpoint-policy generate'), and the bucket policy"
                    + " must let Ground Truth in ('gtvpc policy generate').",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc job vpc-config --region us-east-1 --task-type BoundingBox \\",
            "      --subnet subnet-0abc1234def567890 --subnet subnet-0123456789abcdef0 --security-group sg-0abc1234def567890",
            "  gtvpc job vpc-config --region eu-west-1 --task-type text-classification --subnet subnet-0abc1234def567890 \\",
            "      --security-group sg-0abc1234def567890 --volume-kms-key alias/labeling --full --bucket my-labeling-data \\",
            "      --execution-role-arn arn:aws:iam::111122223333:role/LabelingJobRole -o job.json"})
public final class JobVpcConfigCommand implements Callable<Integer>, OptionWording.Worded {
    @Spec
    CommandSpec spec;

    @Mixin
    Inside.RequiredRegion region;

    @Option(names = "--task-type", completionCandidates = Converters.TaskTypes.class, required = true, paramLabel = "TYPE",
            description = "BoundingBox, ImageMultiClass, SemanticSegmentation or TextMultiClass (or their algorithm names).")
    String taskType;

    @Option(names = "--subnet", required = true, paramLabel = "SUBNET_ID", split = ",",
            description = "A subnet for the automated labeling jobs (subnet-…). Repeatable, at most 16.")
    List<String> subnets = new ArrayList<>();

    @Option(names = "--security-group", required = true, paramLabel = "SG_ID", split = ",",
            description = "A security group ID for them (sg-…). Repeatable, at most 5.")
    List<String> securityGroups = new ArrayList<>();

    @Option(names = "--volume-kms-key", paramLabel = "KEY",
            description = "The KMS key that encrypts their storage volumes: key ID, key ARN, alias/NAME or alias ARN.")
    String volumeKmsKey;

    @Option(names = "--full", description = "Write a whole CreateLabelingJob request (needs --bucket).")
    boolean full;

    @Mixin
    Inside.OptionalBucket bucket;

    @Option(names = "--job-name", paramLabel = "NAME",
            description = "With --full: the labeling job's name, also the S3 prefix of its files (default: gtvpc-ALGORITHM).")
    String jobName;

    @Option(names = "--execution-role-arn", paramLabel = "ARN",
            description = "With --full: the job's execution role, the RoleArn SageMaker assumes (otherwise a placeholder).")
    String executionRoleArn;

    /** The old name: elsewhere --role-arn is a role the bucket policy lets in, not the job's own role. */
    @Option(names = "--role-arn", paramLabel = "ARN", hidden = true,
            description = "Deprecated: --execution-role-arn.")
    String deprecatedRoleArn;

    @Option(names = "--workteam-arn", paramLabel = "ARN",
            description = "With --full: the private work team (otherwise a placeholder).")
    String workteamArn;

    @Mixin
    Formats.JsonOnly.Option format;

    @Mixin
    OutputOptions output;

    @Mixin
    GroundTruthOptions groundTruth;

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--region", "The region of the labeling job, its VPC and its bucket, e.g. us-east-1.",
                "--bucket", "With --full: the bucket of the job's input and output (the bucket policy's bucket).");
    }

    @Override
    public Integer call() {
        format.value();
        java.io.PrintWriter err = spec.commandLine().getErr();
        if (deprecatedRoleArn != null) {
            if (executionRoleArn != null) {
                throw GtvpcException.badInput("--role-arn: it is the old name of --execution-role-arn; give only --execution-role-arn");
            }
            executionRoleArn = deprecatedRoleArn;
        }
        String roleArn = executionRoleArn;
        VpcJobRequest request = new VpcJobRequest(region.name, subnets, securityGroups, taskType, Optional.ofNullable(volumeKmsKey));
        RegionTable table = groundTruth.table();
        LabelingTasks tasks = LabelingTasks.bundled();
        String text;
        List<String> placeholders = List.of();
        if (full) {
            if (bucket.given().isEmpty()) {
                throw GtvpcException.badInput("--full needs --bucket: the bucket the job's manifest, templates and output live in");
            }
            String name = jobName != null ? jobName
                    : "gtvpc-" + tasks.requireAutomated(taskType).algorithm().orElseThrow();
            JobSkeletonRequest job = new JobSkeletonRequest(bucket.name, name, Optional.ofNullable(roleArn), Optional.ofNullable(workteamArn));
            text = LabelingJobRenderer.request(LabelingJobConfig.skeleton(request, job, table, tasks), output.compact);
            placeholders = placeholdersLeft(roleArn);
        } else {
            for (String[] onlyWithFull : new String[][] {{"--bucket", bucket.name}, {"--job-name", jobName},
                {deprecatedRoleArn != null ? "--role-arn" : "--execution-role-arn", roleArn}, {"--workteam-arn", workteamArn}}) {
                if (onlyWithFull[1] != null) {
                    throw GtvpcException.badInput(onlyWithFull[0] + " applies to --full only");
                }
            }
            text = LabelingJobRenderer.algorithmsFragment(LabelingJobConfig.algorithms(request, table, tasks), output.compact);
        }
        output.write(text, spec.commandLine().getOut());
        // warnings after the result, so that bad input stays one line on stderr
        if (deprecatedRoleArn != null) {
            err.println("gtvpc: warning: --role-arn is deprecated here: use --execution-role-arn (the job's execution role;"
                    + " in 'policy generate' --role-arn is a role the bucket policy lets in)");
        }
        for (String p : placeholders) {
            err.println("gtvpc: warning: " + p);
        }
        if (full) {
            Validate.warnPlaceholders(err, "the request", "--bucket", bucket.name, "--execution-role-arn", roleArn,
                    "--workteam-arn", workteamArn);
        }
        err.flush();
        return 0;
    }

    /** What --full leaves for the user to fill in: CreateLabelingJob refuses the request until they do. */
    private List<String> placeholdersLeft(String roleArn) {
        List<String> left = new ArrayList<>();
        if (roleArn == null) {
            left.add("RoleArn is a <PLACEHOLDER> (no --execution-role-arn): put the job's execution role there before"
                    + " sending the request");
        }
        if (workteamArn == null) {
            left.add("HumanTaskConfig.WorkteamArn is a <PLACEHOLDER> (no --workteam-arn): put your private work team there"
                    + " before sending the request");
        }
        return left;
    }
}
