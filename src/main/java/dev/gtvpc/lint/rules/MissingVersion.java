package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;

/**
 * Flags a policy without {@code Version}. IAM then reads it as version 2008-10-17, where policy
 * variables such as {@code ${aws:username}} are literal text. Access Analyzer: MISSING_VERSION.
 * Page: reference_policies_elements_version.html.
 */
public final class MissingVersion extends BaseRule {
    public MissingVersion() {
        super(RuleInfo.of("missing-version", Severity.WARNING, RuleGroup.GRAMMAR, 80, "The policy has no Version element.", Docs.VERSION));
    }

    @Override
    public void check(LintContext c) {
        if (c.policy().version().isEmpty()) {
            c.report("", "the policy has no Version: IAM reads it as 2008-10-17, where policy variables such as"
                    + " ${aws:username} are literal text", "add \"Version\": \"2012-10-17\" as the first element");
        }
    }
}
