package dev.gtvpc.eval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as a bucket policy sees it: the action, the resource ARN, who asks, and the request
 * context. The evaluator reads the context exactly as given; {@link #withPrincipalKeys()} adds the
 * keys AWS derives from the principal, for callers that describe a request by its principal alone.
 */
public record Request(String action, String resource, RequestPrincipal principal, Optional<String> bucketAccount,
        ContextKeys context) {

    public Request {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(bucketAccount, "bucketAccount");
        Objects.requireNonNull(context, "context");
    }

    /**
     * The request with {@code aws:PrincipalArn}, {@code aws:PrincipalAccount} and, for IAM users,
     * {@code aws:username} set from the principal, where the context does not already have them.
     * Anonymous requests carry none of these keys.
     */
    public Request withPrincipalKeys() {
        ContextKeys c = context;
        Optional<String> arn = principal.principalArn();
        if (arn.isPresent()) {
            c = c.withDefault("aws:PrincipalArn", List.of(arn.get()));
        }
        if (principal.kind() != RequestPrincipal.Kind.ANONYMOUS && principal.account().isPresent()) {
            c = c.withDefault("aws:PrincipalAccount", List.of(principal.account().get()));
        }
        if (principal.kind() == RequestPrincipal.Kind.USER) {
            c = c.withDefault("aws:username", List.of(principal.name().orElseThrow()));
        }
        return new Request(action, resource, principal, bucketAccount, c);
    }
}
