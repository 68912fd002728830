package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.ReadProblemRule;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.ReadProblem;

/**
 * Flags a bucket policy over S3's 20 KB limit, which S3 refuses.
 * The reader finds it, with its location; this rule gives it an id and a severity.
 */
public final class PolicyTooLarge extends ReadProblemRule {
    public PolicyTooLarge() {
        super(RuleInfo.of("policy-too-large", Severity.ERROR, RuleGroup.GRAMMAR, 70,
                "The policy is over S3's 20 KB limit.",
                Docs.S3_LIMITS), ReadProblem.Kind.TOO_LARGE,
                "remove redundant statements or values; list patterns instead of many values");
    }
}
