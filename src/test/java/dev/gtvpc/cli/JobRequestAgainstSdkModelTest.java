package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gtvpc.groundtruth.LabelingTaskType;
import dev.gtvpc.groundtruth.LabelingTasks;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.testing.Cli;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.services.sagemaker.model.CreateLabelingJobRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The request {@code job vpc-config --full} writes is a CreateLabelingJob request by the SDK's own
 * model: every member is read through the model's field metadata (its wire names and types), and a
 * member the model does not have fails the test instead of being dropped.
 */
class JobRequestAgainstSdkModelTest {
    static List<String> taskTypes() {
        return LabelingTasks.bundled().automated().stream().map(LabelingTaskType::name).toList();
    }

    @ParameterizedTest
    @MethodSource("taskTypes")
    void theFullRequestIsACreateLabelingJobRequest(String taskType) throws Exception {
        Cli.Result r = Cli.run(JobVpcConfigCliTest.append(JobVpcConfigCliTest.args("ap-northeast-2", taskType),
                "--full", "--bucket", "labeling-data", "--volume-kms-key", "alias/labeling",
                "--role-arn", "arn:aws:iam::111122223333:role/LabelingJobRole",
                "--workteam-arn", "arn:aws:sagemaker:ap-northeast-2:111122223333:workteam/private-crowd/labelers"));
        assertThat(r.exit()).isZero();

        CreateLabelingJobRequest request = (CreateLabelingJobRequest) read(CreateLabelingJobRequest::builder,
                (Json.Obj) Json.parse(r.out()));

        LabelingTaskType type = LabelingTasks.bundled().requireAutomated(taskType);
        assertThat(request.labelingJobName()).isEqualTo("gtvpc-" + type.algorithm().orElseThrow());
        assertThat(request.roleArn()).isEqualTo("arn:aws:iam::111122223333:role/LabelingJobRole");
        assertThat(request.inputConfig().dataSource().s3DataSource().manifestS3Uri()).startsWith("s3://labeling-data/");
        assertThat(request.outputConfig().s3OutputPath()).startsWith("s3://labeling-data/");
        assertThat(request.labelingJobAlgorithmsConfig().labelingJobAlgorithmSpecificationArn())
                .endsWith(":027400017018:labeling-job-algorithm-specification/" + type.algorithm().orElseThrow());
        assertThat(request.labelingJobAlgorithmsConfig().labelingJobResourceConfig().volumeKmsKeyId()).isEqualTo("alias/labeling");
        assertThat(request.labelingJobAlgorithmsConfig().labelingJobResourceConfig().vpcConfig().subnets())
                .containsExactly("subnet-0abc1234def567890", "subnet-01234567");
        assertThat(request.labelingJobAlgorithmsConfig().labelingJobResourceConfig().vpcConfig().securityGroupIds())
                .containsExactly("sg-0abc1234def567890");
        assertThat(request.humanTaskConfig().preHumanTaskLambdaArn())
                .isEqualTo("arn:aws:lambda:ap-northeast-2:845288260483:function:PRE-" + type.name());
        assertThat(request.humanTaskConfig().annotationConsolidationConfig().annotationConsolidationLambdaArn())
                .isEqualTo("arn:aws:lambda:ap-northeast-2:845288260483:function:ACS-" + type.name());
        assertThat(request.humanTaskConfig().numberOfHumanWorkersPerDataObject()).isEqualTo(1);
        assertThat(request.humanTaskConfig().workteamArn()).contains("workteam/private-crowd/");
        // the model's required members (CreateLabelingJob's API reference): all present
        assertThat(List.of(request.labelingJobName(), request.labelAttributeName(), request.roleArn(),
                request.humanTaskConfig().uiConfig().uiTemplateS3Uri(), request.humanTaskConfig().taskTitle(),
                request.humanTaskConfig().taskDescription(), request.humanTaskConfig().taskTimeLimitInSeconds()))
                .doesNotContainNull();
    }

    /** Builds a model object member by member through its SdkField metadata. */
    private static SdkPojo read(Supplier<? extends SdkPojo> newBuilder, Json.Obj obj) {
        SdkPojo builder = newBuilder.get();
        Map<String, SdkField<?>> fields = builder.sdkFields().stream()
                .collect(Collectors.toMap(SdkField::locationName, Function.identity()));
        for (Json.Member member : obj.members()) {
            SdkField<?> field = fields.get(member.name());
            if (field == null) {
                fail(member.name() + " is not a member of " + builder.getClass().getName() + "; it has " + fields.keySet());
            }
            field.set(builder, value(field, member.value()));
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object value(SdkField<?> field, Json.Value v) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.STRING) {
            return ((Json.Str) v).value();
        }
        if (type == MarshallingType.INTEGER) {
            return Integer.valueOf(((Json.Num) v).text());
        }
        if (type == MarshallingType.SDK_POJO) {
            return read(field.constructor(), (Json.Obj) v);
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> items = new ArrayList<>();
            for (Json.Value item : ((Json.Arr) v).items()) {
                items.add(value(member, item));
            }
            return items;
        }
        throw new AssertionError(field.locationName() + " has type " + type + ", which the generator never writes");
    }
}
