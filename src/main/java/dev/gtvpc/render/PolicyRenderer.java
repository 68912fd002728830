package dev.gtvpc.render;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/**
 * A bucket policy as JSON, as a CloudFormation template with an {@code AWS::S3::BucketPolicy}, or as a
 * Terraform {@code aws_s3_bucket_policy} resource. Each output ends with a newline and depends only
 * on its inputs.
 */
public final class PolicyRenderer {
    private PolicyRenderer() {
    }

    public static String json(Policy policy, boolean compact) {
        return (compact ? PolicyWriter.compact(policy) : PolicyWriter.pretty(policy)) + "\n";
    }

    /** A complete template, deployable as is with {@code aws cloudformation deploy}. */
    public static String cloudFormation(Policy policy, String bucket, String description) {
        StringBuilder out = new StringBuilder();
        out.append("AWSTemplateFormatVersion: \"2010-09-09\"\n");
        out.append("Description: ").append(Json.quote(description)).append('\n');
        out.append("Resources:\n");
        out.append("  ").append(logicalId(bucket)).append(":\n");
        out.append("    Type: AWS::S3::BucketPolicy\n");
        out.append("    Properties:\n");
        out.append("      Bucket: ").append(Json.quote(bucket)).append('\n');
        out.append("      PolicyDocument:\n");
        Yaml.mapping(PolicyWriter.toJson(policy), 8, out);
        return out.toString();
    }

    /** An {@code aws_s3_bucket_policy} resource whose policy is a {@code jsonencode} of the document. */
    public static String terraform(Policy policy, String bucket, String description) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(description).append('\n');
        out.append("resource \"aws_s3_bucket_policy\" ").append('"').append(resourceName(bucket)).append("\" {\n");
        out.append("  bucket = ");
        Hcl.string(bucket, out);
        out.append('\n');
        out.append("  policy = jsonencode(");
        Hcl.expression(PolicyWriter.toJson(policy), 2, out);
        out.append(")\n");
        out.append("}\n");
        return out.toString();
    }

    /**
     * A template with the VPC's S3 gateway endpoint ({@code AWS::EC2::VPCEndpoint}) carrying the policy;
     * the VPC and its route tables are parameters, since only the user knows them.
     */
    public static String endpointCloudFormation(Policy policy, String region, String description) {
        Json.Obj parameters = Json.obj(List.of(
                Json.member("VpcId", Json.obj(List.of(
                        Json.member("Type", Json.str("AWS::EC2::VPC::Id")),
                        Json.member("Description", Json.str("The VPC of the labeling job's workers and automated labeling"))))),
                Json.member("RouteTableIds", Json.obj(List.of(
                        Json.member("Type", Json.str("CommaDelimitedList")),
                        Json.member("Description", Json.str("The VPC's route tables that get a route to S3 through the endpoint")))))));
        Json.Obj properties = Json.obj(List.of(
                Json.member("VpcEndpointType", Json.str("Gateway")),
                Json.member("ServiceName", Json.str("com.amazonaws." + region + ".s3")),
                Json.member("VpcId", ref("VpcId")),
                Json.member("RouteTableIds", ref("RouteTableIds")),
                Json.member("PolicyDocument", PolicyWriter.toJson(policy))));
        Json.Obj endpoint = Json.obj(List.of(
                Json.member("Type", Json.str("AWS::EC2::VPCEndpoint")),
                Json.member("Properties", properties)));
        return template(description, Optional.of(parameters), "GroundTruthS3Endpoint", endpoint);
    }

    /** An {@code aws_vpc_endpoint_policy} for an existing S3 endpoint, whose ID is a variable. */
    public static String endpointTerraform(Policy policy, String description) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(description).append('\n');
        out.append("variable \"s3_vpc_endpoint_id\" {\n");
        out.append("  type        = string\n");
        out.append("  description = \"The ID of the VPC's S3 endpoint (vpce-...)\"\n");
        out.append("}\n\n");
        out.append("resource \"aws_vpc_endpoint_policy\" \"ground_truth_s3\" {\n");
        out.append("  vpc_endpoint_id = var.s3_vpc_endpoint_id\n");
        out.append("  policy = jsonencode(");
        Hcl.expression(PolicyWriter.toJson(policy), 2, out);
        out.append(")\n");
        out.append("}\n");
        return out.toString();
    }

    /** A template with the identity policy as an {@code AWS::IAM::ManagedPolicy}, to attach to roles or users. */
    public static String identityCloudFormation(Policy policy, String logicalId, String description) {
        Json.Obj managedPolicy = Json.obj(List.of(
                Json.member("Type", Json.str("AWS::IAM::ManagedPolicy")),
                Json.member("Properties", Json.obj(List.of(
                        Json.member("Description", Json.str(description)),
                        Json.member("PolicyDocument", PolicyWriter.toJson(policy)))))));
        return template(description, Optional.empty(), logicalId, managedPolicy);
    }

    private static String template(String description, Optional<Json.Obj> parameters, String logicalId, Json.Obj resource) {
        List<Json.Member> members = new ArrayList<>();
        members.add(Json.member("AWSTemplateFormatVersion", Json.str("2010-09-09")));
        members.add(Json.member("Description", Json.str(description)));
        parameters.ifPresent(p -> members.add(Json.member("Parameters", p)));
        members.add(Json.member("Resources", Json.obj(List.of(Json.member(logicalId, resource)))));
        StringBuilder out = new StringBuilder();
        Yaml.mapping(Json.obj(members), 0, out);
        return out.toString();
    }

    /** An {@code aws_iam_policy} resource whose policy is a {@code jsonencode} of the document. */
    public static String identityTerraform(Policy policy, String name, String description) {
        StringBuilder out = new StringBuilder();
        out.append("resource \"aws_iam_policy\" \"").append(name).append("\" {\n");
        out.append("  name        = ");
        Hcl.string(name, out);
        out.append('\n');
        out.append("  description = ");
        Hcl.string(description, out);
        out.append('\n');
        out.append("  policy = jsonencode(");
        Hcl.expression(PolicyWriter.toJson(policy), 2, out);
        out.append(")\n");
        out.append("}\n");
        return out.toString();
    }

    private static Json.Obj ref(String parameter) {
        return Json.obj(List.of(Json.member("Ref", Json.str(parameter))));
    }

    /** A CloudFormation logical ID (alphanumeric) from the bucket name: my-data.bucket → MyDataBucketVpcOnlyPolicy. */
    static String logicalId(String bucket) {
        StringBuilder id = new StringBuilder();
        for (String part : bucket.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        if (id.length() == 0 || !Character.isLetter(id.charAt(0))) {
            id.insert(0, "Bucket");
        }
        return id + "VpcOnlyPolicy";
    }

    /** A Terraform resource name from the bucket name: my-data.bucket → my_data_bucket_vpc_only. */
    static String resourceName(String bucket) {
        String name = String.join("_", List.of(bucket.split("[^A-Za-z0-9]+"))).toLowerCase(Locale.ROOT);
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "bucket_" + name;
        }
        return name + "_vpc_only";
    }
}
