package dev.gtvpc.groundtruth;

import java.util.Objects;

/**
 * A complete CreateLabelingJob request for an automated labeling job in a VPC, member for member in
 * the API's names. The numbers are those of the Ground Truth VPC page's Boto3 example.
 */
public record LabelingJobSkeleton(
        String labelingJobName,
        String labelAttributeName,
        String manifestS3Uri,
        String s3OutputPath,
        String roleArn,
        String labelCategoryConfigS3Uri,
        LabelingJobAlgorithms algorithms,
        String workteamArn,
        String uiTemplateS3Uri,
        String preHumanTaskLambdaArn,
        String taskTitle,
        String taskDescription,
        int numberOfHumanWorkersPerDataObject,
        int taskTimeLimitInSeconds,
        int taskAvailabilityLifetimeInSeconds,
        int maxConcurrentTaskCount,
        String annotationConsolidationLambdaArn) {

    public LabelingJobSkeleton {
        Objects.requireNonNull(labelingJobName, "labelingJobName");
        Objects.requireNonNull(labelAttributeName, "labelAttributeName");
        Objects.requireNonNull(manifestS3Uri, "manifestS3Uri");
        Objects.requireNonNull(s3OutputPath, "s3OutputPath");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(labelCategoryConfigS3Uri, "labelCategoryConfigS3Uri");
        Objects.requireNonNull(algorithms, "algorithms");
        Objects.requireNonNull(workteamArn, "workteamArn");
        Objects.requireNonNull(uiTemplateS3Uri, "uiTemplateS3Uri");
        Objects.requireNonNull(preHumanTaskLambdaArn, "preHumanTaskLambdaArn");
        Objects.requireNonNull(taskTitle, "taskTitle");
        Objects.requireNonNull(taskDescription, "taskDescription");
        Objects.requireNonNull(annotationConsolidationLambdaArn, "annotationConsolidationLambdaArn");
    }
}
