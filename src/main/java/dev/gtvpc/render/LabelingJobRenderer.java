package dev.gtvpc.render;

import dev.gtvpc.groundtruth.LabelingJobAlgorithms;
import dev.gtvpc.groundtruth.LabelingJobSkeleton;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The labeling job's configuration as the JSON CreateLabelingJob takes (the AWS CLI's
 * {@code --cli-input-json}, boto3's keyword arguments): members in the API's names and order.
 */
public final class LabelingJobRenderer {
    private LabelingJobRenderer() {
    }

    /** {@code {"LabelingJobAlgorithmsConfig": {…}}}, ready to merge into a request. */
    public static String algorithmsFragment(LabelingJobAlgorithms algorithms, boolean compact) {
        return Json.write(Json.obj(List.of(Json.member("LabelingJobAlgorithmsConfig", algorithms(algorithms)))), !compact) + "\n";
    }

    public static String request(LabelingJobSkeleton job, boolean compact) {
        Json.Obj request = Json.obj(List.of(
                Json.member("LabelingJobName", Json.str(job.labelingJobName())),
                Json.member("LabelAttributeName", Json.str(job.labelAttributeName())),
                Json.member("InputConfig", obj("DataSource", obj("S3DataSource",
                        obj("ManifestS3Uri", Json.str(job.manifestS3Uri()))))),
                Json.member("OutputConfig", obj("S3OutputPath", Json.str(job.s3OutputPath()))),
                Json.member("RoleArn", Json.str(job.roleArn())),
                Json.member("LabelCategoryConfigS3Uri", Json.str(job.labelCategoryConfigS3Uri())),
                Json.member("LabelingJobAlgorithmsConfig", algorithms(job.algorithms())),
                Json.member("HumanTaskConfig", Json.obj(List.of(
                        Json.member("WorkteamArn", Json.str(job.workteamArn())),
                        Json.member("UiConfig", obj("UiTemplateS3Uri", Json.str(job.uiTemplateS3Uri()))),
                        Json.member("PreHumanTaskLambdaArn", Json.str(job.preHumanTaskLambdaArn())),
                        Json.member("TaskTitle", Json.str(job.taskTitle())),
                        Json.member("TaskDescription", Json.str(job.taskDescription())),
                        Json.member("NumberOfHumanWorkersPerDataObject", number(job.numberOfHumanWorkersPerDataObject())),
                        Json.member("TaskTimeLimitInSeconds", number(job.taskTimeLimitInSeconds())),
                        Json.member("TaskAvailabilityLifetimeInSeconds", number(job.taskAvailabilityLifetimeInSeconds())),
                        Json.member("MaxConcurrentTaskCount", number(job.maxConcurrentTaskCount())),
                        Json.member("AnnotationConsolidationConfig", obj("AnnotationConsolidationLambdaArn",
                                Json.str(job.annotationConsolidationLambdaArn()))))))));
        return Json.write(request, !compact) + "\n";
    }

    private static Json.Obj algorithms(LabelingJobAlgorithms a) {
        List<Json.Member> resource = new ArrayList<>();
        a.volumeKmsKeyId().ifPresent(k -> resource.add(Json.member("VolumeKmsKeyId", Json.str(k))));
        resource.add(Json.member("VpcConfig", Json.obj(List.of(
                Json.member("SecurityGroupIds", strings(a.securityGroupIds())),
                Json.member("Subnets", strings(a.subnets()))))));
        return Json.obj(List.of(
                Json.member("LabelingJobAlgorithmSpecificationArn", Json.str(a.algorithmSpecificationArn())),
                Json.member("LabelingJobResourceConfig", Json.obj(resource))));
    }

    private static Json.Obj obj(String name, Json.Value value) {
        return Json.obj(List.of(Json.member(name, value)));
    }

    private static Json.Arr strings(List<String> values) {
        return Json.arr(values.stream().map(Json::str).map(Json.Value.class::cast).toList());
    }

    private static Json.Num number(int value) {
        return new Json.Num(Integer.toString(value), SourceLocation.START);
    }
}
