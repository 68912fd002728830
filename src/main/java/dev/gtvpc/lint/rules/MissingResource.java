package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PolicyScan;

/** Flags a statement without Resource or NotResource, or with an empty list. Access Analyzer: MISSING_RESOURCE. */
public final class MissingResource extends BaseRule {
    public MissingResource() {
        super(RuleInfo.of("missing-resource", Severity.ERROR, RuleGroup.GRAMMAR, 160,
                "A statement has no Resource.", Docs.GRAMMAR).notFor(PolicyKind.SCP, PolicyKind.RCP));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().resource().isEmpty()) {
                if (c.unreadable(s.pointer() + "/Resource") || c.unreadable(s.pointer() + "/NotResource")) {
                    continue; // written, but unreadable: the reader's finding says so
                }
                c.report(s.pointer(), "statement " + s.label() + " has no Resource",
                        "add \"Resource\": [\"arn:aws:s3:::BUCKET\", \"arn:aws:s3:::BUCKET/*\"]");
            } else if (s.statement().resource().get().resources().items().isEmpty()) {
                c.report(s.pointer() + "/" + s.statement().resource().get().elementName(),
                        "statement " + s.label() + " has an empty " + s.statement().resource().get().elementName() + " list",
                        "name the bucket and its objects");
            }
        }
    }
}
