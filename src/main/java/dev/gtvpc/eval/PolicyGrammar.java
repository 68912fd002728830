package dev.gtvpc.eval;

/**
 * How a policy's statements name who they are about, which depends on what the policy is attached to:
 * <ul>
 * <li>{@link #RESOURCE}: a bucket policy or a resource control policy. Principal is required; an Allow
 *     naming only the caller's account delegates to it (reference_policies_elements_principal.html,
 *     "AWS account principals").</li>
 * <li>{@link #ENDPOINT}: a VPC endpoint policy. Principal is required; an account ID there "grants
 *     access to the AWS account root user only, not all users and roles for the account"
 *     (vpc-endpoints-access.html), so it covers the root user alone.</li>
 * <li>{@link #PRINCIPAL_ATTACHED}: an identity policy or a service control policy. There is no Principal
 *     (IAM refuses one): every statement is about the principal the policy is attached to.</li>
 * </ul>
 */
public enum PolicyGrammar {
    RESOURCE, ENDPOINT, PRINCIPAL_ATTACHED
}
