package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PolicyScan;

/** Flags a statement without Action or NotAction, or with an empty list. Access Analyzer: MISSING_ACTION. */
public final class MissingAction extends BaseRule {
    public MissingAction() {
        super(RuleInfo.of("missing-action", Severity.ERROR, RuleGroup.GRAMMAR, 150, "A statement has no Action.", Docs.GRAMMAR));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().action().isEmpty()) {
                if (c.unreadable(s.pointer() + "/Action") || c.unreadable(s.pointer() + "/NotAction")) {
                    continue; // written, but unreadable: the reader's finding says so
                }
                c.report(s.pointer(), "statement " + s.label() + " has no Action", "add \"Action\": [\"s3:GetObject\", ...]");
            } else if (s.statement().action().get().actions().items().isEmpty()) {
                c.report(s.pointer() + "/" + s.statement().action().get().elementName(),
                        "statement " + s.label() + " has an empty " + s.statement().action().get().elementName() + " list",
                        "name at least one action");
            }
        }
    }
}
