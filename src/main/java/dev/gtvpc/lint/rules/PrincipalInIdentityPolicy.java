package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PolicyScan;

/**
 * Flags a Principal or NotPrincipal in an identity policy (--policy-type identity): IAM refuses the
 * document ("MalformedPolicyDocument: Policy document should not specify a principal"); an identity
 * policy applies to whoever it is attached to. The mirror image of missing-principal.
 */
public final class PrincipalInIdentityPolicy extends BaseRule {
    public PrincipalInIdentityPolicy() {
        super(RuleInfo.of("principal-in-identity-policy", Severity.ERROR, RuleGroup.GRAMMAR, 140,
                "An identity policy names a Principal.", Docs.PRINCIPAL).onlyFor(PolicyKind.IDENTITY, PolicyKind.IDENTITY_INLINE));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().principal().isPresent()) {
                String element = s.statement().principal().get().negated() ? "NotPrincipal" : "Principal";
                c.report(s.pointer() + "/" + element, "statement " + s.label() + " has a " + element + "; IAM refuses it in an identity"
                        + " policy (MalformedPolicyDocument: Policy document should not specify a principal)",
                        "remove " + element + ": the policy applies to the role or user it is attached to");
            }
        }
    }
}
