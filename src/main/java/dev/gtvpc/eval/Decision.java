package dev.gtvpc.eval;

/** What a bucket policy says about one request. */
public enum Decision {
    /** A Deny statement applies: nothing else can let the request through. */
    EXPLICIT_DENY,
    /** An Allow statement applies and no Deny does. */
    ALLOW,
    /**
     * No statement applies. For a principal of the bucket's own account, its identity policies
     * decide; for anyone else (and anonymous callers) the request is denied.
     */
    NOT_DENIED
}
