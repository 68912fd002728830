package dev.gtvpc.eval;

/** What a bucket policy says about one request; with the other layers, what AWS decides. */
public enum Decision {
    /** A Deny statement applies: nothing else can let the request through. */
    EXPLICIT_DENY,
    /** An Allow statement applies and no Deny does. */
    ALLOW,
    /**
     * No statement applies. For a principal of the bucket's own account, its identity policies
     * decide; for anyone else (and anonymous callers) the request is denied.
     */
    NOT_DENIED,
    /**
     * Never the word of one policy: every layer AWS applies was asked ({@code dev.gtvpc.layers}) and none
     * denies explicitly, but a guardrail (a service control policy level, the endpoint policy) has no
     * applicable Allow, or nothing grants the request.
     */
    IMPLICIT_DENY;

    /** Whether the request is refused, explicitly or for want of an Allow. */
    public boolean denied() {
        return this == EXPLICIT_DENY || this == IMPLICIT_DENY;
    }
}
