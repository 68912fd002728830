package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;

/** Flags a policy with no Statement element or an empty one. Access Analyzer: MISSING_STATEMENT. Page: the policy grammar. */
public final class MissingStatement extends BaseRule {
    public MissingStatement() {
        super(RuleInfo.of("missing-statement", Severity.ERROR, RuleGroup.GRAMMAR, 110, "The policy has no statement.", Docs.GRAMMAR));
    }

    @Override
    public void check(LintContext c) {
        if (c.unreadable("/Statement")) {
            return; // written, but not as statements: wrong-type says so
        }
        if (!c.policy().hasStatementElement()) {
            c.report("", "the policy has no Statement element", "add \"Statement\": [ ... ] with at least one statement");
        } else if (c.policy().statements().isEmpty()) {
            c.report("/Statement", "the Statement list is empty", "add at least one statement");
        }
    }
}
