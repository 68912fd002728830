package dev.gtvpc.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as a bucket policy sees it: the action, the resource ARN, who asks, and the request
 * context. The evaluator reads the context exactly as given; {@link #withPrincipalKeys()} adds the
 * keys AWS derives from the principal and the bucket, for callers that describe a request by its
 * principal alone.
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

    /** The request with the keys AWS derives from the principal and the bucket ({@link DerivedKeys}), where the context does not already have them. */
    public Request withPrincipalKeys() {
        return withDerivedKeys(DerivedKeys.Facts.NONE);
    }

    /** As {@link #withPrincipalKeys()}, knowing also a session's role ARN or the bucket account's organization. */
    public Request withDerivedKeys(DerivedKeys.Facts facts) {
        ContextKeys c = context;
        for (Map.Entry<String, List<String>> e : DerivedKeys.of(principal, bucketAccount, facts).entrySet()) {
            c = c.withDefault(e.getKey(), e.getValue());
        }
        return new Request(action, resource, principal, bucketAccount, c);
    }
}
