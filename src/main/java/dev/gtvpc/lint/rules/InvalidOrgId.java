package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Wildcards;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Flags a value of an organization-ID key (aws:PrincipalOrgID, aws:ResourceOrgID, aws:SourceOrgID,
 * aws:VpceOrgID: the keys catalog/condition-keys.tsv marks {@code org-id}) that is not an organization
 * ID: "o-" and 10 to 32 lowercase letters or digits (Organizations API reference, Organization Id:
 * {@code ^o-[a-z0-9]{10,32}$}). No organization has it, so the condition never holds through it — an
 * exemption for "my organization" exempts nobody. Patterns, policy variables and placeholders are not
 * judged (placeholder-left reports those).
 */
public final class InvalidOrgId extends BaseRule {
    static final Pattern ORG_ID = Pattern.compile("o-[a-z0-9]{10,32}");

    public InvalidOrgId() {
        super(RuleInfo.of("invalid-org-id", Severity.ERROR, RuleGroup.CONDITIONS, 55,
                "A value of aws:PrincipalOrgID (or another organization-ID key) that is not an organization ID.",
                "https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html").judging(Judges.VALUE_SHAPE));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            if (e.nullOperator() || !c.keys().is(e.key(), ConditionKeyCatalog.Flag.ORG_ID)) {
                continue;
            }
            List<String> values = e.values();
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (Wildcards.hasWildcard(v) || v.contains("${") || Placeholders.in(v) || ORG_ID.matcher(v).matches()) {
                    continue;
                }
                c.report(e.valuePointer(i), "\"" + v + "\" under " + e.key() + " is not an organization ID (o- and 10 to 32 lowercase"
                        + " letters or digits): " + NeverMatches.consequence(e), "write your organization's ID as the Organizations"
                                + " console or 'aws organizations describe-organization' shows it (o-a1b2c3d4e5)");
            }
        }
    }
}
