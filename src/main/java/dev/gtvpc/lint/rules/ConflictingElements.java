package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.ReadProblemRule;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.ReadProblem;

/**
 * Flags a statement with an element and its negation (Principal and NotPrincipal, Action and
 * NotAction, Resource and NotResource).
 * The reader finds it, with its location; this rule gives it an id and a severity.
 */
public final class ConflictingElements extends ReadProblemRule {
    public ConflictingElements() {
        super(RuleInfo.of("conflicting-elements", Severity.ERROR, RuleGroup.GRAMMAR, 50,
                "Principal with NotPrincipal, Action with NotAction, …",
                Docs.GRAMMAR), ReadProblem.Kind.CONFLICTING_ELEMENTS,
                "keep one of the two");
    }
}
