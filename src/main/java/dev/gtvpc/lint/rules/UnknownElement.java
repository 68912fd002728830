package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.ReadProblemRule;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.ReadProblem;

/**
 * Flags an element the policy grammar does not define (element names are case-sensitive).
 * The reader finds it, with its location; this rule gives it an id and a severity.
 */
public final class UnknownElement extends ReadProblemRule {
    public UnknownElement() {
        super(RuleInfo.of("unknown-element", Severity.ERROR, RuleGroup.GRAMMAR, 40,
                "An element the policy grammar does not define.",
                Docs.GRAMMAR), ReadProblem.Kind.UNKNOWN_ELEMENT,
                "remove it or correct its spelling (element names are case-sensitive)");
    }
}
