package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PolicyScan;

/**
 * Flags a statement without Principal or NotPrincipal. Bucket policies need one in every statement:
 * S3 answers "MalformedPolicy: Missing required field Principal" — the current AWS Ground Truth page's
 * first example has this defect. Access Analyzer: MISSING_PRINCIPAL. Page: the policy grammar
 * ("The principal_block element is required in resource-based policies").
 */
public final class MissingPrincipal extends BaseRule {
    public MissingPrincipal() {
        super(RuleInfo.of("missing-principal", Severity.ERROR, RuleGroup.GRAMMAR, 130,
                "A statement has no Principal.", Docs.GRAMMAR).notFor(PolicyKind.IDENTITY, PolicyKind.IDENTITY_INLINE, PolicyKind.SCP));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().principal().isEmpty() && !c.unreadable(s.pointer() + "/Principal")
                    && !c.unreadable(s.pointer() + "/NotPrincipal")) {
                PolicyKind kind = c.options().kind();
                c.report(s.pointer(), "statement " + s.label() + " has no Principal; " + kind.service() + " refuses the policy"
                        + (kind == PolicyKind.BUCKET ? " (MalformedPolicy: Missing required field Principal)" : ""),
                        "add \"Principal\": \"*\" (for a Deny that applies to everyone) or name the principals");
            }
        }
    }
}
