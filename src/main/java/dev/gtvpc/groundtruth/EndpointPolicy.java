package dev.gtvpc.groundtruth;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PrincipalBlock;
import dev.gtvpc.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The policy for the VPC's S3 endpoint (gateway or interface): an endpoint policy is an allow list,
 * so everything the VPC must reach through the endpoint is named here, and nothing else.
 * <ul>
 * <li>the labeling buckets ({@code --bucket}): the five actions the Ground Truth page says must work
 * on "the S3 buckets you use to configure the labeling job" ({@link ActionSelection#GROUND_TRUTH_ACTIONS}).
 * The S3 endpoint-policy example the page's "Create an Amazon S3 VPC Endpoint" step leads to grants
 * s3:GetObject and s3:PutObject; the automated-labeling training and inference jobs that run in the VPC
 * also list input prefixes and upload model artifacts in parts, hence the other three;</li>
 * <li>the region's system buckets {@code sagemaker-labeling-data-<region>} and
 * {@code sm-bxcb-<region>-saved-task-states}: the worker portal reads task data and saves task state
 * there, object operations only, so s3:GetObject and s3:PutObject on their objects;</li>
 * <li>other buckets ({@code --extra-bucket}), read only: s3:GetObject, s3:ListBucket, s3:GetBucketLocation.</li>
 * </ul>
 * Every statement has {@code "Principal": "*"}: for a gateway endpoint AWS allows no other principal
 * (a named account would mean its root user only).
 */
public final class EndpointPolicy {
    /** What the worker portal does on the system buckets: it reads task data and saves task state. */
    public static final List<String> SYSTEM_BUCKET_ACTIONS = List.of("s3:GetObject", "s3:PutObject");

    /** What the VPC may do on a bucket named with --extra-bucket. */
    public static final List<String> READ_ONLY_ACTIONS = List.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation");

    private EndpointPolicy() {
    }

    public static Policy generate(EndpointPolicyRequest request, RegionTable table, S3ActionCatalog catalog) {
        RegionInfo region = table.require("--region", request.region());
        if (request.buckets().isEmpty()) {
            throw GtvpcException.badInput("name at least one --bucket: the bucket your labeling job reads and writes");
        }
        checkBuckets("--bucket", request.buckets());
        checkBuckets("--extra-bucket", request.readOnlyBuckets());
        List<String> labeling = distinct(request.buckets());
        List<String> readOnly = distinct(request.readOnlyBuckets());
        readOnly.removeAll(labeling);
        for (String bucket : labeling) {
            if (region.systemBuckets().contains(bucket)) {
                throw GtvpcException.badInput("--bucket: " + bucket + " is a Ground Truth system bucket; the policy"
                        + " always lets the VPC reach it, so name only your own buckets");
            }
        }
        readOnly.removeAll(region.systemBuckets());

        String partition = region.partition().value();
        Optional<PrincipalBlock> everyone = Optional.of(PrincipalBlock.everyone());
        List<Statement> statements = new ArrayList<>();
        statements.addAll(S3Grants.allow("LabelingData", ActionSelection.GROUND_TRUTH_ACTIONS, labeling, partition,
                everyone, catalog));
        statements.addAll(S3Grants.allow("GroundTruthSystem", SYSTEM_BUCKET_ACTIONS, region.systemBuckets(), partition,
                everyone, catalog));
        if (!readOnly.isEmpty()) {
            statements.addAll(S3Grants.allow("ReadOnly", READ_ONLY_ACTIONS, readOnly, partition, everyone, catalog));
        }
        return Policy.builder().statements(statements).build();
    }

    private static void checkBuckets(String option, List<String> buckets) {
        for (String bucket : buckets) {
            AwsIds.checkBucketName(bucket).ifPresent(p -> {
                throw GtvpcException.badInput(option + ": " + p);
            });
        }
    }

    private static List<String> distinct(List<String> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }
}
