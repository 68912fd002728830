package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.ReadProblemRule;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.ReadProblem;

/**
 * Flags a value of a JSON type its element does not take (a number for Action, an object for
 * Resource).
 * The reader finds it, with its location; this rule gives it an id and a severity.
 */
public final class WrongType extends ReadProblemRule {
    public WrongType() {
        super(RuleInfo.of("wrong-type", Severity.ERROR, RuleGroup.GRAMMAR, 30,
                "A value of the wrong JSON type (a number for Action, …).",
                Docs.GRAMMAR), ReadProblem.Kind.WRONG_TYPE,
                "write the value in the type the element takes");
    }
}
