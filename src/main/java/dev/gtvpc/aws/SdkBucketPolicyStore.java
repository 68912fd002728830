package dev.gtvpc.aws;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** {@link BucketPolicyStore} over the SDK's S3 client. */
final class SdkBucketPolicyStore implements BucketPolicyStore {
    private final S3Client s3;
    private final String endpoint;

    private final java.time.Duration limit;

    /**
     * @param limit the longest a call may take, retries included; zero for none. The SDK's own
     *     apiCallTimeout is set too, but a read blocked in the JDK's URL connection can outlive it (a
     *     trickling answer held gtvpc for the whole trickle), so the call runs on a daemon thread that
     *     gtvpc stops waiting for.
     */
    SdkBucketPolicyStore(S3Client s3, String endpoint, java.time.Duration limit) {
        this.s3 = s3;
        this.endpoint = endpoint;
        this.limit = limit;
    }

    private <T> T bounded(String operation, String bucket, java.util.function.Supplier<T> call) {
        if (limit.isZero()) {
            return call.get();
        }
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(call::get);
        Thread t = new Thread(task, "gtvpc-" + operation);
        t.setDaemon(true);
        t.start();
        try {
            return task.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            t.interrupt();
            throw new AwsCallFailed(operation, AwsCallFailed.Reason.OTHER, "", operation + " on bucket " + bucket
                    + ": no complete answer from " + endpoint + " in " + limit.toSeconds() + " s (see --cli-read-timeout)", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsCallFailed(operation, AwsCallFailed.Reason.OTHER, "", operation + " on bucket " + bucket
                    + ": interrupted while waiting for " + endpoint, e);
        }
    }

    @Override
    public String bucketRegion(String bucket) {
        try {
            GetBucketLocationResponse r = bounded("GetBucketLocation", bucket, () -> s3.getBucketLocation(b -> b.bucket(bucket)));
            String constraint = r.locationConstraintAsString();
            if (constraint == null || constraint.isEmpty()) {
                return "us-east-1";
            }
            // buckets made before eu-west-1 had its name report the legacy constraint
            return constraint.equals("EU") ? "eu-west-1" : constraint;
        } catch (SdkException e) {
            throw AwsErrors.describe("GetBucketLocation", "bucket " + bucket, endpoint, e);
        } catch (java.io.UncheckedIOException e) {
            throw AwsErrors.describe("GetBucketLocation", "bucket " + bucket, endpoint, e);
        }
    }

    /** Attempts at reading a policy whose body arrived cut, as the SDK's standard retries make for other failures. */
    private static final int CUT_BODY_ATTEMPTS = 3;

    @Override
    public Optional<String> policy(String bucket) {
        String cut = null;
        for (int attempt = 1; attempt <= CUT_BODY_ATTEMPTS; attempt++) {
            Optional<Read> got = policyOnce(bucket);
            if (got.isEmpty()) {
                return Optional.empty();
            }
            // a whole page from a proxy or portal: no retry makes it a policy, and it must not pass as one
            String notPolicy = notAPolicy(got.get().text(), got.get().contentType());
            if (notPolicy != null) {
                throw new AwsCallFailed("GetBucketPolicy", AwsCallFailed.Reason.OTHER, "", "GetBucketPolicy on bucket " + bucket
                        + " failed: " + notPolicy, null);
            }
            // a cut body must never pass as the bucket's policy (issue 17.3): gtvpc would back it up,
            // print it, or take it for someone else's edit
            cut = cutBody(got.get().contentLength(), got.get().encoded(), got.get().text());
            if (cut == null) {
                return Optional.of(got.get().text());
            }
        }
        throw new AwsCallFailed("GetBucketPolicy", AwsCallFailed.Reason.OTHER, "", "GetBucketPolicy on bucket " + bucket
                + ": the response was cut off (" + cut + ") in each of " + CUT_BODY_ATTEMPTS + " attempts — a network error"
                + " between gtvpc and " + endpoint + ", not the bucket's policy; try again", null);
    }

    /**
     * Why {@code body} is not the whole answer, or null when it is: fewer bytes than Content-Length
     * announced (the JDK's URL connection returns a short body when the connection closes early), or,
     * without a Content-Length, not a complete JSON object.
     */
    static String cutBody(Optional<Long> contentLength, boolean encoded, String body) {
        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (contentLength.isPresent() && !encoded && bytes != contentLength.get()) {
            return bytes + " of the " + contentLength.get() + " bytes announced arrived";
        }
        // S3 stores only whole JSON policies, so a body that is not one was cut, even when a proxy
        // re-framed the cut answer with a Content-Length that matches it
        if (contentLength.isPresent() && !encoded) {
            return completeJsonObject(body) ? null : "the " + bytes + " bytes announced arrived, but they are not a complete JSON object";
        }
        return completeJsonObject(body) ? null : "no Content-Length to compare with, and the " + bytes + " bytes that arrived are not a complete"
                + " JSON object";
    }

    /**
     * Why {@code body} is not a policy document at all, or null when it may be one: a policy is a JSON
     * object, and a cut body still begins like one (it loses its end), so a body that begins with
     * anything else came from something other than S3.
     */
    static String notAPolicy(String body, Optional<String> contentType) {
        String t = body.strip();
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1).strip();
        }
        if (t.isEmpty() || t.startsWith("{")) {
            return null;
        }
        return ForeignAnswer.describe("a bucket policy", t, contentType, "policy");
    }

    /** Whether {@code text} is one object whose braces and brackets close, outside strings: what a cut body is not. */
    static boolean completeJsonObject(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0 && i != t.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0 && !inString;
    }

    /** A GetBucketPolicy answer with what tells whether it arrived whole. */
    private record Read(String text, Optional<Long> contentLength, boolean encoded, Optional<String> contentType) {
    }

    private Optional<Read> policyOnce(String bucket) {
        try {
            GetBucketPolicyResponse r = bounded("GetBucketPolicy", bucket, () -> s3.getBucketPolicy(b -> b.bucket(bucket)));
            return Optional.of(new Read(r.policy(),
                    r.sdkHttpResponse().firstMatchingHeader("Content-Length").flatMap(SdkBucketPolicyStore::parseLong),
                    r.sdkHttpResponse().firstMatchingHeader("Content-Encoding").filter(e -> !e.equalsIgnoreCase("identity"))
                            .isPresent(),
                    r.sdkHttpResponse().firstMatchingHeader("Content-Type")));
        } catch (S3Exception e) {
            if (e.awsErrorDetails() != null && "NoSuchBucketPolicy".equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw AwsErrors.describe("GetBucketPolicy", "bucket " + bucket, endpoint, e);
        } catch (SdkException e) {
            throw AwsErrors.describe("GetBucketPolicy", "bucket " + bucket, endpoint, e);
        } catch (java.io.UncheckedIOException e) {
            throw AwsErrors.describe("GetBucketPolicy", "bucket " + bucket, endpoint, e);
        }
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void putPolicy(String bucket, String policyJson, boolean confirmRemoveSelfAccess) {
        PutBucketPolicyRequest.Builder request = PutBucketPolicyRequest.builder().bucket(bucket).policy(policyJson);
        if (confirmRemoveSelfAccess) {
            request.confirmRemoveSelfBucketAccess(true);
        }
        try {
            bounded("PutBucketPolicy", bucket, () -> s3.putBucketPolicy(request.build()));
        } catch (SdkException e) {
            throw AwsErrors.describe("PutBucketPolicy", "bucket " + bucket, endpoint, e);
        } catch (java.io.UncheckedIOException e) {
            throw AwsErrors.describe("PutBucketPolicy", "bucket " + bucket, endpoint, e);
        }
    }

    @Override
    public void deletePolicy(String bucket) {
        try {
            bounded("DeleteBucketPolicy", bucket, () -> s3.deleteBucketPolicy(b -> b.bucket(bucket)));
        } catch (SdkException e) {
            throw AwsErrors.describe("DeleteBucketPolicy", "bucket " + bucket, endpoint, e);
        } catch (java.io.UncheckedIOException e) {
            throw AwsErrors.describe("DeleteBucketPolicy", "bucket " + bucket, endpoint, e);
        }
    }
}
