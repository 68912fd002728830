package dev.gtvpc.lint;

import java.util.Set;

/**
 * What a policy is attached to. It decides the vocabulary: a bucket policy names S3 actions and only
 * its bucket and objects; VPC endpoint policies (an S3 endpoint's names any S3 resource: buckets,
 * access points, Multi-Region access points, Object Lambda access points; other services' endpoints
 * have policies too), identity policies, service control policies (SCPs) and resource control
 * policies (RCPs) may name any service's actions and ARNs, so only the {@code s3:} actions are checked
 * against the catalogue and other ARNs for their syntax. It
 * also decides the grammar (a Principal is required in bucket, endpoint and resource control
 * policies, and refused in identity and service control policies), and which rules make sense at all:
 * an endpoint policy's Allow for every principal is what it is for, an identity policy has no
 * Principal, the Ground Truth and lock-out rules are about a bucket policy.
 */
public enum PolicyKind {
    BUCKET("bucket", false, Set.of("principal-in-identity-policy")),
    VPC_ENDPOINT("vpc-endpoint", true, Set.of("principal-in-identity-policy", "public-allow", "bucket-mismatch", "lockout-risk",
            "gt-endpoint-missing", "gt-endpoint-wrong-region", "gt-split-exemptions", "gt-actions-open", "deny-misses-bucket")),
    IDENTITY("identity", true, Set.of("missing-principal", "public-allow", "bucket-mismatch", "lockout-risk", "gt-endpoint-missing",
            "gt-endpoint-wrong-region", "gt-split-exemptions", "gt-actions-open", "resource-type-mismatch", "not-principal-allow")),
    // the Organizations pages do not say whether Resource may be left out, so missing-resource does not judge SCPs and RCPs
    SCP("scp", true, Set.of("missing-principal", "principal-in-identity-policy", "public-allow", "bucket-mismatch", "lockout-risk",
            "gt-endpoint-missing", "gt-endpoint-wrong-region", "gt-split-exemptions", "gt-actions-open", "resource-type-mismatch",
            "not-principal-allow", "missing-resource")),
    RCP("rcp", true, Set.of("principal-in-identity-policy", "public-allow", "bucket-mismatch", "lockout-risk", "gt-endpoint-missing",
            "gt-endpoint-wrong-region", "gt-split-exemptions", "gt-actions-open", "resource-type-mismatch",
            "not-principal-allow", "missing-resource"));

    private final String cliName;
    private final boolean anyService;
    private final Set<String> notApplicable;

    PolicyKind(String cliName, boolean anyService, Set<String> notApplicable) {
        this.cliName = cliName;
        this.anyService = anyService;
        this.notApplicable = notApplicable;
    }

    public String cliName() {
        return cliName;
    }

    /** True when the policy may name any service's actions and resources (all but a bucket policy). */
    public boolean anyService() {
        return anyService;
    }

    public boolean runs(String ruleId) {
        return !notApplicable.contains(ruleId);
    }

    /** The names --policy-type takes, in order. */
    public static String cliNames() {
        StringBuilder b = new StringBuilder();
        for (PolicyKind k : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(k.cliName);
        }
        return b.toString();
    }
}
