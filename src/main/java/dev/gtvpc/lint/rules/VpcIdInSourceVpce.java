package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.PolicyScan;
import java.util.regex.Pattern;

/**
 * Flags a VPC ID (vpc-…, or a {@code <vpc>} placeholder) among the values of aws:SourceVpce. The key
 * holds an endpoint ID, so the value can never match: the VPC is not exempted. The 2023 AWS page's
 * first example has this defect. Fixable: --fix moves it to aws:SourceVpc.
 */
public final class VpcIdInSourceVpce extends BaseRule {
    static final Pattern VPC_LIKE = Pattern.compile("vpc-[0-9a-fA-F]+|<vpc(?:[-_ ]?id)?>", Pattern.CASE_INSENSITIVE);

    public VpcIdInSourceVpce() {
        super(RuleInfo.of("vpc-id-in-source-vpce", Severity.ERROR, RuleGroup.CONDITIONS, 20,
                "A VPC ID among the values of aws:SourceVpce.", Docs.GLOBAL_KEYS));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.ValueAt v : c.valuesOf("aws:SourceVpce")) {
            if (VPC_LIKE.matcher(v.value()).matches() && !AwsIds.isVpceId(v.value())) {
                c.report(v.pointer(), "\"" + v.value() + "\" is a VPC ID under " + v.entry().entry().key()
                        + ", which holds endpoint IDs: it can never match, so the VPC is not exempted",
                        "move it to aws:SourceVpc under the same operator (gtvpc policy lint --fix does)");
            }
        }
    }
}
