package dev.gtvpc.lint.rules;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.ResourceBlock;
import dev.gtvpc.policy.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Directory buckets (S3 Express One Zone): their ARNs, {@code arn:PARTITION:s3express:REGION:ACCOUNT:bucket/NAME--AZID--x-s3},
 * and the namespace their policies grant in, {@code s3express} ("With directory buckets, you must use the S3
 * Express One Zone namespace to grant permissions", S3 User Guide, s3-express-security-iam.html).
 */
final class DirectoryBuckets {
    static final String PAGE = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-security-iam.html";

    private DirectoryBuckets() {
    }

    static boolean isArn(String resource) {
        String[] parts = resource.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[2].equalsIgnoreCase("s3express");
    }

    /** A statement whose Resource names directory buckets only (at least one). */
    static boolean only(Statement s) {
        List<String> resources = s.resource().filter(r -> !r.negated()).map(ResourceBlock::resources).map(v -> v.items()).orElse(List.of());
        return !resources.isEmpty() && resources.stream().allMatch(DirectoryBuckets::isArn);
    }

    /**
     * A directory bucket's policy: one that names a directory bucket, or (with {@code "Resource": "*"}, as the S3
     * guide's own examples) tests an {@code s3express:} condition key, which only directory buckets' requests carry.
     */
    static boolean named(Policy policy) {
        return policy.statements().stream().anyMatch(s -> s.resource().map(r -> r.resources().items().stream()
                .anyMatch(DirectoryBuckets::isArn)).orElse(false)
                || s.condition().map(c -> c.blocks().stream().anyMatch(b -> b.entries().stream()
                        .anyMatch(e -> s3express(e.key())))).orElse(false));
    }

    static boolean s3express(String action) {
        return action.toLowerCase(Locale.ROOT).startsWith("s3express:");
    }
}
