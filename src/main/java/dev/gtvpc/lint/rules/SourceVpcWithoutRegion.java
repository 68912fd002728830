package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.lint.VpcArns;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.PolicyScan;
import java.util.List;
import java.util.Optional;

/**
 * Flags aws:SourceVpc in a bucket policy where nothing in the statement binds the VPC's Region: a VPC ID is unique
 * only within a Region, and an S3 interface endpoint can be reached from a VPC of another Region since November 2025,
 * so the ID also names a VPC of the same ID elsewhere. AWS's Health notice to customers whose bucket policies use
 * aws:SourceVpc says to use aws:SourceVpcArn in S3 bucket policies; the IAM guide says the same of every service that
 * supports it, S3 included. Which uses matter and what binds the Region: {@link VpcArns}. A grant or an exemption by ID
 * (an Allow with StringEquals, a Deny with StringNotEquals: the perimeter lets the other VPC in) is a warning; a Deny or
 * a withheld grant by ID fails closed (the other VPC is kept out too) and is a suggestion. Silent on Null (presence
 * only), on other operator families (other rules' findings) and on other policy types (the notice is about S3 bucket
 * policies; an endpoint or identity policy may be for a service without aws:SourceVpcArn). A Region bound by another
 * statement (a separate Deny on aws:SourceVpcArn) is not looked for: the rule fires there too.
 * Pages: IAM global condition keys (aws:SourceVpc, aws:SourceVpcArn); S3 User Guide, "Controlling access from VPC
 * endpoints with bucket policies".
 */
public final class SourceVpcWithoutRegion extends BaseRule {
    public SourceVpcWithoutRegion() {
        super(RuleInfo.of("source-vpc-without-region", Severity.WARNING, RuleGroup.S3, 70,
                "aws:SourceVpc (a VPC ID, unique only within a Region) with nothing binding the Region: use aws:SourceVpcArn.",
                Docs.GLOBAL_KEYS + "#condition-keys-sourcevpcarn").onlyFor(PolicyKind.BUCKET));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            ConditionOperator op = e.block().operator();
            Optional<VpcArns.Use> use = VpcArns.use(e.statement().statement().effect(), op, e.entry());
            if (use.isEmpty() || VpcArns.regionBound(use.get(), e.statement().statement().condition().orElseThrow().blocks())) {
                continue;
            }
            String effect = e.statement().statement().effect().orElseThrow().json();
            boolean failsClosed = use.get() == VpcArns.Use.DENIES || use.get() == VpcArns.Use.WITHHOLDS;
            String message = e.key() + " names VPCs by ID, and a VPC ID is unique only within a Region: this " + effect + " also "
                    + use.get().verb() + " a VPC of the same ID in another Region (S3 interface endpoints are reachable across Regions"
                    + " since November 2025)" + (failsClosed ? "; it fails closed, but AWS advises aws:SourceVpcArn in S3 bucket policies" : "");
            c.reportAtName(failsClosed ? Severity.SUGGESTION : c.severity(), e.pointer(), message, fix(c, use.get(), op, e.values()));
        }
    }

    private static String fix(LintContext c, VpcArns.Use use, ConditionOperator op, List<String> values) {
        Optional<ConditionOperator> arnOp = VpcArns.arnOperator(op);
        String region = c.options().region().orElse("REGION");
        Optional<List<String>> mapped = VpcArns.arns(region, values, VpcArns.like(op));
        String arns = mapped.map(SourceVpcWithoutRegion::json).orElse("\"arn:aws:ec2:" + region + ":*:vpc/VPC_ID\"");
        String form = arnOp.map(ConditionOperator::text).orElse("an Arn operator") + " {\"" + VpcArns.SOURCE_VPC_ARN + "\": " + arns + "}";
        String how = (mapped.isEmpty() ? "once the values are VPC IDs, " : "")
                + (c.options().region().isPresent() ? "lint --fix does it" : "lint --fix --region REGION does it");
        return switch (use) {
            case GRANTS -> "bind the Region: add " + form + " to the statement, and keep aws:SourceVpc (S3's Block Public Access counts it,"
                    + " not aws:SourceVpcArn, among the keys that keep a grant non-public); " + how;
            case EXEMPTS, DENIES -> "replace it with " + form + " (the account * as in the IAM guide's example, or the VPC owner's); " + how;
            case WITHHOLDS -> "replace it with " + form + " if the Allow should grant to a same-ID VPC of another Region;"
                    + " lint --fix does not widen a grant";
        };
    }

    private static String json(List<String> arns) {
        List<String> quoted = arns.stream().map(a -> "\"" + a + "\"").toList();
        return quoted.size() == 1 ? quoted.get(0) : "[" + String.join(", ", quoted) + "]";
    }
}
