package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PolicyScan;

/**
 * Suggests the reference's spelling of a condition key written in another case (aws:sourceVpce →
 * aws:SourceVpce). IAM compares key names without case, so the meaning is the same; peers that
 * compare case-sensitively (Parliament, Checkov) miss such keys, and mixed spellings hide duplicates.
 * Unknown keys are not flagged, nor S3 keys that the Service Authorization Reference writes in lower
 * case ({@code s3:locationconstraint}, {@code s3:versionid}) while the S3 User Guide writes
 * {@code s3:LocationConstraint}: there the two references disagree. Fixable with --fix.
 */
public final class KeyNameCase extends BaseRule {
    public KeyNameCase() {
        super(RuleInfo.of("key-name-case", Severity.SUGGESTION, RuleGroup.CONDITIONS, 110,
                "A condition key spelled in another case than the reference.", Docs.CONDITION));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            String key = e.entry().key();
            c.keys().canonical(key).filter(canonical -> !canonical.equals(key))
                    .filter(canonical -> !(canonical.startsWith("s3:") && canonical.equals(canonical.toLowerCase(java.util.Locale.ROOT))))
                    .ifPresent(canonical ->
                    c.reportAtName(e.pointer(), "\"" + key + "\" is the key " + canonical + " (IAM ignores the case of key"
                            + " names, but other tools may not)", "write \"" + canonical + "\" (gtvpc policy lint --fix does)"));
        }
    }
}
