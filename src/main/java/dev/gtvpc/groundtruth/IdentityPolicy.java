package dev.gtvpc.groundtruth;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Policy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The identity policy (for a role or user, so without Principal) that grants exactly the S3 actions
 * the Ground Truth VPC page lists for the audience, each on the resource type it acts on: object
 * actions on the buckets' objects, bucket actions on the buckets, s3:ListAllMyBuckets on "*" (it has
 * no resource-level permissions, which is also why it cannot go into the bucket policy).
 */
public final class IdentityPolicy {
    private IdentityPolicy() {
    }

    public static Policy generate(IdentityPolicyAudience audience, List<String> buckets, String partition,
            S3ActionCatalog catalog) {
        if (buckets.isEmpty()) {
            throw GtvpcException.badInput("name at least one --bucket");
        }
        for (String bucket : buckets) {
            AwsIds.checkBucketName(bucket).ifPresent(p -> {
                throw GtvpcException.badInput("--bucket: " + p);
            });
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(buckets));
        return Policy.builder()
                .statements(S3Grants.allow(audience.sidStem(), audience.actions(), distinct, partition, Optional.empty(), catalog))
                .build();
    }
}
