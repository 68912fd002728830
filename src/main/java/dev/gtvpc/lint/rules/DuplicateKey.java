package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.ReadProblemRule;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.ReadProblem;

/**
 * Flags a key written twice in one JSON object: JSON parsers keep only the last, so one of the two
 * is silently lost.
 * The reader finds it, with its location; this rule gives it an id and a severity.
 */
public final class DuplicateKey extends ReadProblemRule {
    public DuplicateKey() {
        super(RuleInfo.of("duplicate-key", Severity.ERROR, RuleGroup.GRAMMAR, 20,
                "A key written twice in one object (JSON parsers keep only the last).",
                Docs.GRAMMAR), ReadProblem.Kind.DUPLICATE_KEY,
                "merge the two members into one");
    }
}
