package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.ReadProblemRule;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.ReadProblem;

/**
 * Flags a document that is not JSON, at the first position the reader cannot read.
 * The reader finds it, with its location; this rule gives it an id and a severity.
 */
public final class InvalidJson extends ReadProblemRule {
    public InvalidJson() {
        super(RuleInfo.of("invalid-json", Severity.ERROR, RuleGroup.GRAMMAR, 10,
                "The document is not JSON.",
                Docs.GRAMMAR), ReadProblem.Kind.INVALID_JSON,
                "fix the JSON at the position given (a missing comma, a stray character…)");
    }
}
