package dev.gtvpc.groundtruth;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the labeling job's configuration for automated data labeling in a VPC ("Create an Automated
 * Data Labeling Job in a VPC" on the Ground Truth VPC page): the LabelingJobAlgorithmsConfig, and a
 * whole CreateLabelingJob request around it. Every ID is checked here, because CreateLabelingJob
 * reports a bad one only after the user has assembled and sent the request.
 */
public final class LabelingJobConfig {
    private static final Pattern JOB_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

    /** The page's Boto3 example's numbers: one worker per object, an hour per task, six hours on offer, 1000 at a time. */
    static final int WORKERS_PER_OBJECT = 1;
    static final int TASK_TIME_LIMIT_SECONDS = 3600;
    static final int TASK_AVAILABILITY_SECONDS = 21600;
    static final int MAX_CONCURRENT_TASKS = 1000;

    private LabelingJobConfig() {
    }

    public static LabelingJobAlgorithms algorithms(VpcJobRequest request, RegionTable table, LabelingTasks tasks) {
        RegionInfo region = region(request.region(), table);
        LabelingTaskType type = tasks.requireAutomated(request.taskType());
        List<String> subnets = distinct(request.subnets());
        List<String> groups = distinct(request.securityGroupIds());
        if (subnets.isEmpty()) {
            throw GtvpcException.badInput("name at least one --subnet for the automated labeling jobs to run in");
        }
        if (subnets.size() > LabelingJobAlgorithms.MAX_SUBNETS) {
            throw GtvpcException.badInput("--subnet: " + subnets.size() + " subnets; VpcConfig takes at most "
                    + LabelingJobAlgorithms.MAX_SUBNETS);
        }
        if (groups.isEmpty()) {
            throw GtvpcException.badInput("name at least one --security-group for the automated labeling jobs");
        }
        if (groups.size() > LabelingJobAlgorithms.MAX_SECURITY_GROUPS) {
            throw GtvpcException.badInput("--security-group: " + groups.size() + " security groups; VpcConfig takes at most "
                    + LabelingJobAlgorithms.MAX_SECURITY_GROUPS);
        }
        for (String subnet : subnets) {
            AwsIds.checkSubnetId(subnet).ifPresent(p -> {
                throw GtvpcException.badInput("--subnet: " + p);
            });
        }
        for (String group : groups) {
            AwsIds.checkSecurityGroupId(group).ifPresent(p -> {
                throw GtvpcException.badInput("--security-group: " + p);
            });
        }
        request.volumeKmsKey().flatMap(k -> AwsIds.checkKmsKey(k, request.region())).ifPresent(p -> {
            throw GtvpcException.badInput("--volume-kms-key: " + p);
        });
        String arn = "arn:" + region.partition().value() + ":sagemaker:" + region.region() + ":"
                + tasks.algorithmAccount().value() + ":labeling-job-algorithm-specification/" + type.algorithm().orElseThrow();
        return new LabelingJobAlgorithms(arn, request.volumeKmsKey(), groups, subnets);
    }

    public static LabelingJobSkeleton skeleton(VpcJobRequest request, JobSkeletonRequest job, RegionTable table,
            LabelingTasks tasks) {
        LabelingJobAlgorithms algorithms = algorithms(request, table, tasks);
        RegionInfo region = table.require(request.region());
        LabelingTaskType type = tasks.requireAutomated(request.taskType());
        String partition = region.partition().value();
        AwsIds.checkBucketName(job.bucket()).ifPresent(p -> {
            throw GtvpcException.badInput("--bucket: " + p);
        });
        if (!JOB_NAME.matcher(job.jobName()).matches()) {
            throw GtvpcException.badInput("--job-name: '" + job.jobName() + "' is not a labeling job name: 1 to 63 letters,"
                    + " digits and hyphens, starting and ending with a letter or digit");
        }
        job.roleArn().ifPresent(arn -> checkRoleArn(arn, partition));
        job.workteamArn().ifPresent(arn -> checkWorkteamArn(arn, partition, region.region()));
        String roleArn = job.roleArn().orElse("arn:" + partition + ":iam::<ACCOUNT_ID>:role/<LABELING_JOB_EXECUTION_ROLE>");
        String workteamArn = job.workteamArn().orElse("arn:" + partition + ":sagemaker:" + region.region()
                + ":<ACCOUNT_ID>:workteam/private-crowd/<PRIVATE_WORKTEAM_NAME>");
        String prefix = "s3://" + job.bucket() + "/" + job.jobName() + "/";
        String lambdas = "arn:" + partition + ":lambda:" + region.region() + ":" + region.lambdaAccount().value() + ":function:";
        return new LabelingJobSkeleton(
                job.jobName(),
                type.labelAttributeName(),
                prefix + "input.manifest",
                prefix + "output/",
                roleArn,
                prefix + "label-categories.json",
                algorithms,
                workteamArn,
                prefix + "worker-template.liquid",
                lambdas + "PRE-" + type.name(),
                type.title(),
                taskDescription(type),
                WORKERS_PER_OBJECT,
                TASK_TIME_LIMIT_SECONDS,
                TASK_AVAILABILITY_SECONDS,
                MAX_CONCURRENT_TASKS,
                lambdas + "ACS-" + type.name());
    }

    private static RegionInfo region(String name, RegionTable table) {
        return table.require("--region", name);
    }

    /** What workers read: one sentence per algorithm, to be edited with the worker template. */
    private static String taskDescription(LabelingTaskType type) {
        return switch (type.algorithm().orElseThrow()) {
            case "object-detection" -> "Draw a box around each object of the categories listed.";
            case "image-classification" -> "Choose the one category that best describes the image.";
            case "semantic-segmentation" -> "Paint every object of the categories listed.";
            case "text-classification" -> "Choose the one category that best describes the text.";
            default -> "Label each data object.";
        };
    }

    private static void checkRoleArn(String arn, String partition) {
        AwsIds.checkPrincipalArn(arn, partition)
                .or(() -> arn.contains(":role/") ? Optional.empty() : Optional.of("'" + arn + "' is a user; a labeling"
                        + " job's execution role is a role, arn:" + partition + ":iam::ACCOUNT:role/NAME"))
                .ifPresent(p -> {
                    throw GtvpcException.badInput("--execution-role-arn: " + p);
                });
    }

    /** A VPC labeling job needs a private work team of the job's own region. */
    private static void checkWorkteamArn(String arn, String partition, String region) {
        Optional<Arn> parsed = Arn.parse(arn);
        String expected = "arn:" + partition + ":sagemaker:" + region + ":ACCOUNT:workteam/private-crowd/NAME";
        if (parsed.isEmpty() || !parsed.get().service().equals("sagemaker") || !parsed.get().partition().equals(partition)
                || !AwsIds.isAccountId(parsed.get().account()) || !parsed.get().resource().startsWith("workteam/")) {
            throw GtvpcException.badInput("--workteam-arn: '" + arn + "' is not a work team ARN; expected " + expected);
        }
        if (!parsed.get().region().equals(region)) {
            throw GtvpcException.badInput("--workteam-arn: '" + arn + "' is in region '" + parsed.get().region()
                    + "' but the labeling job runs in '" + region + "'");
        }
        if (!parsed.get().resource().startsWith("workteam/private-crowd/")) {
            throw GtvpcException.badInput("--workteam-arn: '" + arn + "' is not a private work team; labeling jobs in a"
                    + " VPC need one (" + expected + ")");
        }
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
