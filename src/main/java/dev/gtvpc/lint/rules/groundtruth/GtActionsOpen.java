package dev.gtvpc.lint.rules.groundtruth;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Need;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.lint.rules.Docs;
import dev.gtvpc.policy.PolicyScan;
import java.util.ArrayList;
import java.util.List;

/**
 * Suggests closing s3:DeleteObject and s3:ListBucket when the VPC-only Deny (a Deny with a
 * SourceVpce/SourceVpc/PrincipalArn exemption) covers the page's two actions but not these: "If you do
 * not include actions in this list, they are still accessible to any entity that has access to this
 * bucket". Anyone the identity policies allow can then delete or list the data from anywhere. Runs when
 * the region is known.
 */
public final class GtActionsOpen extends BaseRule {
    private static final List<String> OFTEN_FORGOTTEN = List.of("s3:DeleteObject", "s3:ListBucket");

    public GtActionsOpen() {
        super(RuleInfo.of("gt-actions-open", Severity.SUGGESTION, RuleGroup.GROUND_TRUTH, 40,
                "The VPC-only Deny leaves s3:DeleteObject or s3:ListBucket open outside the VPC.", Docs.GROUND_TRUTH_VPC)
                .onlyFor(PolicyKind.BUCKET).needing(Need.TRUSTED_SERVICE));
    }

    @Override
    public void check(LintContext c) {
        if (GroundTruth.region(c).isEmpty()) {
            return;
        }
        PolicyScan.StatementAt vpcDeny = null;
        List<String> covered = new ArrayList<>();
        for (PolicyScan.StatementAt s : c.statements()) {
            if (GroundTruth.exemptionKeys(c, s).isEmpty()) {
                continue;
            }
            if (vpcDeny == null && (GroundTruth.denies(s, "s3:GetObject") || GroundTruth.denies(s, "s3:PutObject"))) {
                vpcDeny = s;
            }
            for (String a : OFTEN_FORGOTTEN) {
                if (GroundTruth.denies(s, a)) {
                    covered.add(a);
                }
            }
        }
        if (vpcDeny == null) {
            return;
        }
        List<String> open = OFTEN_FORGOTTEN.stream().filter(a -> !covered.contains(a)).toList();
        if (!open.isEmpty()) {
            c.report(vpcDeny.pointer() + "/" + vpcDeny.statement().action().get().elementName(), "the VPC-only Deny does not cover "
                    + String.join(" or ", open) + ": anyone your identity policies allow can still do that from outside the VPC",
                    "add " + String.join(" and ", open) + " to the Deny (gtvpc policy generate --actions data covers every object action)");
        }
    }
}
