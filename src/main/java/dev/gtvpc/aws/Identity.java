package dev.gtvpc.aws;

import java.util.Objects;

/** What STS GetCallerIdentity returns: the account, the caller's ARN and its unique user ID. */
public record Identity(String account, String arn, String userId) {
    public Identity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userId, "userId");
    }
}
