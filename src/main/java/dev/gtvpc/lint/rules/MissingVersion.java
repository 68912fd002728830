package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;

/**
 * Flags a policy without {@code Version}. IAM then reads it as version 2008-10-17, where policy
 * variables such as {@code ${aws:username}} are literal text: a warning where the service accepts it
 * (bucket and endpoint policies, inline identity policies), an error where it refuses the document
 * (managed identity policies: CreatePolicy answers "Policy document must be version 2012-10-17 or
 * greater"; SCPs and RCPs: "Every SCP must include a Version element with the value 2012-10-17", and
 * the same of RCPs). Access Analyzer: MISSING_VERSION. Page: reference_policies_elements_version.html.
 */
public final class MissingVersion extends BaseRule {
    public MissingVersion() {
        super(RuleInfo.of("missing-version", Severity.WARNING, RuleGroup.GRAMMAR, 80, "The policy has no Version element.", Docs.VERSION)
                .severityIn(Severity.ERROR, PolicyKind.IDENTITY, PolicyKind.SCP, PolicyKind.RCP));
    }

    @Override
    public void check(LintContext c) {
        if (c.policy().version().isEmpty() && !c.unreadable("/Version")) {
            c.report("", "the policy has no Version: " + (c.severity() == Severity.ERROR ? Versions.refusal(c.options().kind())
                    : "IAM reads it as 2008-10-17, where policy variables such as ${aws:username} are literal text"),
                    "add \"Version\": \"2012-10-17\" as the first element");
        }
    }
}
