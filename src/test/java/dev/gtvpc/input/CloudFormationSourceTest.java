package dev.gtvpc.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.testing.Golden;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the template reader resolves, what it leaves symbolic, and where each value was written. */
class CloudFormationSourceTest {
    private static List<PolicyTarget> read(Map<String, String> params) throws Exception {
        String text = Files.readString(Golden.testResource("iac/labels-template.yaml"));
        PolicySource.Input in = PolicySource.read(text, "labels-template.yaml", Optional.empty(), params);
        assertThat(in.format()).isEqualTo(InputFormat.CLOUDFORMATION);
        return in.targets();
    }

    private static Json.Value at(PolicyTarget t, String pointer) {
        return at(t.tree().orElseThrow(), pointer);
    }

    private static Json.Value at(Json.Value tree, String pointer) {
        Json.Value v = tree;
        for (String part : pointer.substring(1).split("/")) {
            v = v instanceof Json.Obj o ? o.get(part).orElseThrow() : ((Json.Arr) v).items().get(Integer.parseInt(part));
        }
        return v;
    }

    private static String str(PolicyTarget t, String pointer) {
        return ((Json.Str) at(t, pointer)).value();
    }

    @Test
    void resolvesParametersJoinSubSelectSplitAndMappings() throws Exception {
        PolicyTarget labels = read(Map.of("AWS::AccountId", "111122223333", "AWS::Partition", "aws", "AWS::Region", "us-east-1")).get(0);
        assertThat(labels.address()).isEqualTo("Resources.LabelsPolicy");
        assertThat(labels.kind()).isEqualTo(PolicyKind.BUCKET);
        assertThat(str(labels, "/Statement/1/Resource")).isEqualTo("arn:aws:s3:::labels-111122223333/*");
        assertThat(str(labels, "/Statement/2/Resource")).isEqualTo("arn:aws:s3:::labels-111122223333/in/*");
        assertThat(str(labels, "/Statement/0/Condition/StringNotEquals/aws:SourceVpce/1")).isEqualTo("vpce-08408e335ebf95b40");
        assertThat(at(labels, "/Statement/1/Resource").location().toString()).as("the !Join's place in the file").isEqualTo("45:23");
        assertThat(labels.unknowns()).containsExactly("Condition Strict (checked as true, when StrictTransport = yes)", "Fn::Cidr",
                "Fn::ImportValue LabelersRoleArn", "Ref LabelingVpce", "Ref LabelsBucket");
        assertThat(str(labels, "/Statement/0/Resource/0")).as("a bucket of the template: its ARN's shape is known")
                .isEqualTo("arn:aws:s3:::{{unknown:Ref LabelsBucket}}");
        assertThat(labels.skips()).containsExactly(new InSourceSkip("missing-version",
                "CloudFormation adds nothing here; the team accepts the 2008 language for this legacy bucket"));
        assertThat(read(Map.of()).get(1).kind()).isEqualTo(PolicyKind.VPC_ENDPOINT);
    }

    @Test
    void leavesWhatTheTemplateDoesNotDetermineSymbolic() throws Exception {
        PolicyTarget labels = read(Map.of()).get(0);
        assertThat(str(labels, "/Statement/0/Resource/0")).isEqualTo("arn:{{unknown:Ref AWS::Partition}}:s3:::{{unknown:Ref LabelsBucket}}");
        assertThat(str(labels, "/Statement/0/Resource/1")).isEqualTo("arn:{{unknown:Ref AWS::Partition}}:s3:::{{unknown:Ref LabelsBucket}}/*");
        assertThat(str(labels, "/Statement/2/Principal/AWS")).isEqualTo("{{unknown:Fn::ImportValue LabelersRoleArn}}");
        assertThat(str(labels, "/Statement/1/Resource"))
                .isEqualTo("arn:{{unknown:Ref AWS::Partition}}:s3:::labels-{{unknown:Ref AWS::AccountId}}/*");
        assertThat(str(labels, "/Statement/0/Condition/StringNotEquals/aws:SourceVpce/1"))
                .isEqualTo("{{unknown:Fn::FindInMap GroundTruth Ref AWS::Region Endpoint}}");
        assertThat(str(labels, "/Statement/2/Condition/Bool/aws:SecureTransport")).as("Fn::If: the first variant, Strict").isEqualTo("true");
        assertThat(labels.variants()).extracting(PolicyTarget.Variant::name).containsExactly("Strict=true", "Strict=false");
        assertThat(((Json.Obj) at(labels.variants().get(1).tree(), "/Statement/2/Condition/Bool")).get("aws:SecureTransport"))
                .as("AWS::NoValue drops the member").isEmpty();
        assertThat(labels.notes()).anyMatch(n -> n.startsWith("the Conditions depend on StrictTransport, not given"))
                .anyMatch(n -> n.startsWith("Fn::Cidr (line 55) is not resolved by gtvpc"));
        assertThat(TargetLinter.unknownShape("{{unknown:Fn::GetAtt Queue.Arn}}/*")).isTrue();
        assertThat(TargetLinter.unknownShape(str(labels, "/Statement/1/Resource"))).as("an object ARN whatever the name").isFalse();
    }

    @Test
    void aPolicyDocumentThatIsANumberIsBadInput() {
        assertThatThrownBy(() -> PolicySource.read("Resources:\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      PolicyDocument: 7\n",
                "t.yaml", Optional.empty(), Map.of()))
                .isInstanceOf(GtvpcException.class)
                .hasMessage("t.yaml:5:23: Resources.P: the policy document must be a mapping, not a number");
    }
}
