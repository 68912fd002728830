package dev.gtvpc.lint.rules;

import dev.gtvpc.policy.ResourceBlock;
import dev.gtvpc.policy.Statement;
import java.util.List;

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
}
