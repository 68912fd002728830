package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Wildcards;

/**
 * Flags a value of aws:SourceVpce that is not "vpce-" and 8 or 17 lowercase hex digits. VPC IDs,
 * placeholders, wildcards and policy variables are left to their own rules. Access Analyzer:
 * INVALID_VPCE_FORMAT.
 */
public final class InvalidVpceFormat extends BaseRule {
    public InvalidVpceFormat() {
        super(RuleInfo.of("invalid-vpce-format", Severity.ERROR, RuleGroup.CONDITIONS, 40,
                "A malformed VPC endpoint ID under aws:SourceVpce.", Docs.ACCESS_ANALYZER_CHECKS).judging(Judges.VALUE_SHAPE));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.ValueAt at : c.valuesOf("aws:SourceVpce")) {
            String v = at.value();
            if (AwsIds.isVpceId(v) || VpcIdInSourceVpce.VPC_LIKE.matcher(v).matches() || Placeholders.angle(v)
                    || Wildcards.hasWildcard(v) || v.contains("${")) {
                continue;
            }
            c.report(at.pointer(), "\"" + v + "\" is not a VPC endpoint ID: 'vpce-' and 8 or 17 lowercase hex digits",
                    "copy the ID from the VPC console or `aws ec2 describe-vpc-endpoints`");
        }
    }
}
