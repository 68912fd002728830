package dev.gtvpc.apply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bucket's policy was before gtvpc changed it: the exact text S3 returned (empty: the bucket had
 * no policy), where and when it was read, and the text's SHA-256, so a damaged backup is noticed before
 * it is restored.
 */
public record Backup(String bucket, String region, String account, Instant time, Optional<String> policy) {
    public Backup {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(policy, "policy");
    }

    /** The SHA-256 of the policy's UTF-8 text, in lowercase hex; empty when there was no policy. */
    public Optional<String> sha256() {
        return policy.map(Backup::sha256Of);
    }

    static String sha256Of(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
