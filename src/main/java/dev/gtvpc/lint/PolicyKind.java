package dev.gtvpc.lint;

import java.util.Set;

/**
 * What a policy is attached to. The rules are written for bucket policies; on the VPC endpoint and
 * identity policies gtvpc also writes, some would report what is right there — an endpoint policy's
 * Allow for every principal, an identity policy without a Principal, several buckets in one policy —
 * so those rules do not run for them.
 */
public enum PolicyKind {
    BUCKET("bucket", Set.of("principal-in-identity-policy")),
    VPC_ENDPOINT("vpc-endpoint", Set.of("principal-in-identity-policy", "public-allow", "bucket-mismatch", "lockout-risk", "gt-endpoint-missing",
            "gt-endpoint-wrong-region", "gt-split-exemptions", "gt-actions-open")),
    IDENTITY("identity", Set.of("missing-principal", "public-allow", "bucket-mismatch", "lockout-risk", "gt-endpoint-missing",
            "gt-endpoint-wrong-region", "gt-split-exemptions", "gt-actions-open", "resource-type-mismatch"));

    private final String cliName;
    private final Set<String> notApplicable;

    PolicyKind(String cliName, Set<String> notApplicable) {
        this.cliName = cliName;
        this.notApplicable = notApplicable;
    }

    public String cliName() {
        return cliName;
    }

    public boolean runs(String ruleId) {
        return !notApplicable.contains(ruleId);
    }
}
