package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.ReadProblemRule;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.ReadProblem;

/**
 * Flags an Effect other than "Allow" or "Deny" (case-sensitive).
 * The reader finds it, with its location; this rule gives it an id and a severity.
 */
public final class InvalidEffect extends ReadProblemRule {
    public InvalidEffect() {
        super(RuleInfo.of("invalid-effect", Severity.ERROR, RuleGroup.GRAMMAR, 60,
                "Effect other than \"Allow\" or \"Deny\".",
                Docs.EFFECT), ReadProblem.Kind.INVALID_EFFECT,
                "write \"Allow\" or \"Deny\" (case-sensitive)");
    }
}
