package dev.gtvpc.audit;

/** The organization's policies for each account an audit meets (thread-safe: buckets are judged on several threads). */
public interface OrgLayers {
    /** No organization asked about: every bucket is judged by its bucket policy, without a mark. */
    OrgLayers NONE = account -> AccountLayers.NONE;

    AccountLayers of(String account);
}
