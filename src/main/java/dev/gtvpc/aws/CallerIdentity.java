package dev.gtvpc.aws;

/** Who the credentials belong to (STS GetCallerIdentity). */
public interface CallerIdentity {
    Identity whoAmI();
}
