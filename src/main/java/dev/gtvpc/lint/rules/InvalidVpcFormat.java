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
import java.util.regex.Pattern;

/**
 * Flags a value of aws:SourceVpc that is not "vpc-" and 8 or 17 lowercase hex digits. Endpoint IDs,
 * placeholders, wildcards and policy variables are left to their own rules. Access Analyzer:
 * INVALID_VPC_FORMAT.
 */
public final class InvalidVpcFormat extends BaseRule {
    private static final Pattern VPCE = Pattern.compile("vpce-.*", Pattern.CASE_INSENSITIVE);

    public InvalidVpcFormat() {
        super(RuleInfo.of("invalid-vpc-format", Severity.ERROR, RuleGroup.CONDITIONS, 50,
                "A malformed VPC ID under aws:SourceVpc.", Docs.ACCESS_ANALYZER_CHECKS).judging(Judges.VALUE_SHAPE));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.ValueAt at : c.valuesOf("aws:SourceVpc")) {
            String v = at.value();
            if (AwsIds.isVpcId(v) || VPCE.matcher(v).matches() || Placeholders.angle(v) || Wildcards.hasWildcard(v)
                    || v.contains("${")) {
                continue;
            }
            c.report(at.pointer(), "\"" + v + "\" is not a VPC ID: 'vpc-' and 8 or 17 lowercase hex digits",
                    "copy the ID from the VPC console or `aws ec2 describe-vpcs`");
        }
    }
}
