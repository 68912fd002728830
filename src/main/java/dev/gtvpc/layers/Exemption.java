package dev.gtvpc.layers;

/** A documented privilege that overrides a layer's word. */
public enum Exemption {
    /**
     * The bucket account's root user needs no Allow: "all requests are implicitly denied with the exception
     * of the AWS account root user, which has full access" (reference_policies_evaluation-logic_policy-eval-denyallow.html).
     */
    ACCOUNT_ROOT_USER,
    /**
     * The bucket owner's root user may Get, Put and Delete the bucket policy "even if their bucket policy
     * explicitly denies the root principal's access"; only endpoint and Organizations policies can stop it
     * (API_PutBucketPolicy.html).
     */
    BUCKET_OWNER_ROOT_POLICY_ACTIONS
}
