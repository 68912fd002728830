package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Policy;

/**
 * Flags a Version other than 2012-10-17 and 2008-10-17, which S3 refuses. Access Analyzer:
 * INVALID_VERSION. Page: reference_policies_elements_version.html.
 */
public final class InvalidVersion extends BaseRule {
    public InvalidVersion() {
        super(RuleInfo.of("invalid-version", Severity.ERROR, RuleGroup.GRAMMAR, 100,
                "Version is neither 2012-10-17 nor 2008-10-17.", Docs.VERSION));
    }

    @Override
    public void check(LintContext c) {
        c.policy().version().filter(v -> !v.equals(Policy.VERSION_2012) && !v.equals(Policy.VERSION_2008)).ifPresent(v ->
                c.report("/Version", "Version \"" + v + "\" is not a policy language version; the versions are 2012-10-17"
                        + " and 2008-10-17", "use \"Version\": \"2012-10-17\""));
    }
}
