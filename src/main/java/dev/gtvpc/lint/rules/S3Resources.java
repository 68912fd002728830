package dev.gtvpc.lint.rules;

import dev.gtvpc.policy.Arn;
import java.util.Optional;

/** What an S3 Resource pattern can name: the bucket, its objects, or both. */
public final class S3Resources {
    private S3Resources() {
    }

    static boolean namesObjects(String pattern) {
        return pattern.equals("*") || Arn.parse(pattern).map(a -> a.resource().contains("/") || a.resource().contains("*"))
                .orElse(false);
    }

    static boolean namesBucket(String pattern) {
        return pattern.equals("*") || Arn.parse(pattern).map(a -> !a.resource().contains("/")).orElse(false);
    }

    /** The bucket an S3 ARN names, when it names exactly one (no wildcard in the bucket part). */
    public static Optional<String> bucket(String pattern) {
        return Arn.parse(pattern).flatMap(Arn::s3Bucket);
    }
}
