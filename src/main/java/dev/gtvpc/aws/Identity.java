package dev.gtvpc.aws;

import java.util.Objects;

/** What STS GetCallerIdentity returns: the account, the caller's ARN and its unique user ID. */
public record Identity(String account, String arn, String userId) {
    public Identity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userId, "userId");
    }

    /**
     * The ARN a bucket policy's aws:PrincipalArn sees: for an assumed-role session
     * ({@code arn:aws:sts::A:assumed-role/R/S}) the role's ARN {@code arn:aws:iam::A:role/R}; any other
     * ARN as it is. STS does not return the role's path, so a role under a path maps to its path-less
     * ARN here.
     */
    public String principalArn() {
        String[] parts = arn.split(":", 6);
        if (parts.length == 6 && parts[2].equals("sts") && parts[5].startsWith("assumed-role/")) {
            String[] names = parts[5].split("/");
            if (names.length >= 2) {
                return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + names[1];
            }
        }
        return arn;
    }
}
