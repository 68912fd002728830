package dev.gtvpc.render;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyWriter;
import java.util.List;
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
