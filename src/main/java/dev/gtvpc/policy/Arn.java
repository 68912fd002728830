package dev.gtvpc.policy;

import java.util.Optional;

/**
 * An ARN split into its six parts, {@code arn:partition:service:region:account:resource}. The
 * resource part keeps any further colons ({@code function:PRE-BoundingBox}).
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    public static Optional<Arn> parse(String text) {
        if (!text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    /** The bucket an S3 bucket or object ARN names, when it names exactly one (no wildcard or variable in it). */
    public Optional<String> s3Bucket() {
        if (!service.equals("s3")) {
            return Optional.empty();
        }
        String bucket = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
        boolean exact = !bucket.isEmpty() && !bucket.contains("*") && !bucket.contains("?") && !bucket.contains("${");
        return exact ? Optional.of(bucket) : Optional.empty();
    }

    /** The directory bucket an s3express ARN names ({@code bucket/NAME--ZONE-ID--x-s3}), without wildcards. */
    public Optional<String> directoryBucket() {
        if (!service.equals("s3express") || !resource.startsWith("bucket/")) {
            return Optional.empty();
        }
        String bucket = resource.substring("bucket/".length());
        boolean exact = !bucket.isEmpty() && !bucket.contains("/") && !bucket.contains("*") && !bucket.contains("?") && !bucket.contains("${");
        return exact ? Optional.of(bucket) : Optional.empty();
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
