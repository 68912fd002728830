package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Policy;

/**
 * Flags {@code "Version": "2008-10-17"}: the old language version, without policy variables.
 * A warning where the service accepts it, an error where it refuses it (managed identity policies, SCPs,
 * RCPs: see missing-version). Does not flag other values (invalid-version does). Page:
 * reference_policies_elements_version.html.
 */
public final class OldVersion extends BaseRule {
    public OldVersion() {
        super(RuleInfo.of("old-version", Severity.WARNING, RuleGroup.GRAMMAR, 90,
                "The policy uses language version 2008-10-17.", Docs.VERSION)
                .severityIn(Severity.ERROR, PolicyKind.IDENTITY, PolicyKind.SCP, PolicyKind.RCP));
    }

    @Override
    public void check(LintContext c) {
        if (c.policy().version().filter(Policy.VERSION_2008::equals).isPresent()) {
            c.report("/Version", c.severity() == Severity.ERROR ? "Version 2008-10-17: " + Versions.refusal(c.options().kind())
                    : "Version 2008-10-17 is the old policy language: policy variables such as ${aws:username} are literal text under it",
                    "use \"Version\": \"2012-10-17\"");
        }
    }
}
