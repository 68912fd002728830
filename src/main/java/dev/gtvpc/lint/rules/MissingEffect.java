package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PolicyScan;

/** Flags a statement without Effect. Access Analyzer: MISSING_EFFECT. Page: the policy grammar. */
public final class MissingEffect extends BaseRule {
    public MissingEffect() {
        super(RuleInfo.of("missing-effect", Severity.ERROR, RuleGroup.GRAMMAR, 120, "A statement has no Effect.", Docs.GRAMMAR));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().effect().isEmpty() && !c.unreadable(s.pointer() + "/Effect")) {
                c.report(s.pointer(), "statement " + s.label() + " has no Effect", "add \"Effect\": \"Deny\" or \"Allow\"");
            }
        }
    }
}
