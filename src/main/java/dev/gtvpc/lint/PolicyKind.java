package dev.gtvpc.lint;

/**
 * What a policy is attached to. It decides the vocabulary: a bucket policy names S3 actions and only
 * its bucket and objects; VPC endpoint policies (an S3 endpoint's names any S3 resource: buckets,
 * access points, Multi-Region access points, Object Lambda access points; other services' endpoints
 * have policies too), identity policies, service control policies (SCPs) and resource control
 * policies (RCPs) may name any service's actions and ARNs, so only the {@code s3:} actions are checked
 * against the catalogue and other ARNs for their syntax. It
 * also decides the grammar (a Principal is required in bucket, endpoint and resource control
 * policies, and refused in identity and service control policies), and which rules make sense at all
 * (each rule declares the types it runs for in its {@link RuleInfo}): an endpoint policy's Allow for
 * every principal is what it is for, an identity policy has no Principal, the Ground Truth and
 * lock-out rules are about a bucket policy.
 */
public enum PolicyKind {
    BUCKET("bucket", false, "S3"),
    VPC_ENDPOINT("vpc-endpoint", true, "AWS"),
    /** A managed policy (CreatePolicy): IAM's stricter grammar, Version 2012-10-17 required. */
    IDENTITY("identity", true, "IAM"),
    /** A policy embedded in a user, group or role (PutUserPolicy, PutRolePolicy…): Version 2008-10-17 or none is accepted. */
    IDENTITY_INLINE("identity-inline", true, "IAM"),
    SCP("scp", true, "AWS Organizations"),
    RCP("rcp", true, "AWS Organizations");

    private final String cliName;
    private final boolean anyService;
    private final String service;

    PolicyKind(String cliName, boolean anyService, String service) {
        this.cliName = cliName;
        this.anyService = anyService;
        this.service = service;
    }

    /** An identity policy, managed or inline: no Principal, any service's actions. */
    public boolean identity() {
        return this == IDENTITY || this == IDENTITY_INLINE;
    }

    /** The service that validates the document when it is attached ("S3 refuses it"). */
    public String service() {
        return service;
    }

    public String cliName() {
        return cliName;
    }

    /** True when the policy may name any service's actions and resources (all but a bucket policy). */
    public boolean anyService() {
        return anyService;
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
