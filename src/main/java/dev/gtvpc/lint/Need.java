package dev.gtvpc.lint;

/** What a rule reads beyond the policy and the options every rule may read (--bucket, --region, the policy type). */
public enum Need {
    /** It asks the evaluator what the policy decides for requests it makes up: the slow rules. */
    EVALUATOR,
    /**
     * It reads the trusted service's endpoints ({@link LintContext#trustedService()}); the context
     * refuses a rule that did not declare it.
     */
    TRUSTED_SERVICE,
    /** It judges the policy against the user's own VPCs and endpoints (--vpc, --vpce); without them it has nothing to check. */
    USER_NETWORK
}
