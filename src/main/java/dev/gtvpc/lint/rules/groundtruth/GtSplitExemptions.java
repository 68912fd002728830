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
 * Flags network exemptions split across Deny statements: two or more Deny statements covering Ground
 * Truth's actions, each exempting requests by its own aws:SourceVpce / aws:SourceVpc /
 * aws:PrincipalArn test. Each Deny applies on its own, so a request must pass every one of them:
 * Ground Truth, which comes through its endpoint from its own VPC, fails the VPC test and is locked
 * out. In one statement under one operator the keys are ANDed and any one exempts. Runs when the
 * region is known.
 */
public final class GtSplitExemptions extends BaseRule {
    public GtSplitExemptions() {
        super(RuleInfo.of("gt-split-exemptions", Severity.ERROR, RuleGroup.GROUND_TRUTH, 30,
                "Network exemptions split across Deny statements (locks Ground Truth out).", Docs.GROUND_TRUTH_VPC)
                .onlyFor(PolicyKind.BUCKET).needing(Need.TRUSTED_SERVICE));
    }

    @Override
    public void check(LintContext c) {
        if (GroundTruth.region(c).isEmpty()) {
            return;
        }
        List<PolicyScan.StatementAt> exempting = new ArrayList<>();
        for (PolicyScan.StatementAt s : c.statements()) {
            boolean coversGroundTruth = GroundTruth.actions().stream().anyMatch(a -> GroundTruth.denies(s, a));
            if (coversGroundTruth && !GroundTruth.exemptionKeys(c, s).isEmpty()) {
                exempting.add(s);
            }
        }
        if (exempting.size() < 2) {
            return;
        }
        PolicyScan.StatementAt first = exempting.get(0);
        for (PolicyScan.StatementAt s : exempting.subList(1, exempting.size())) {
            c.report(s.pointer(), "statement " + s.label() + " exempts by " + String.join(", ", GroundTruth.exemptionKeys(c, s))
                    + " and statement " + first.label() + " by " + String.join(", ", GroundTruth.exemptionKeys(c, first))
                    + ": each Deny applies on its own, so a request must pass both — Ground Truth, coming from its own VPC,"
                    + " is locked out", "put every exemption key under one StringNotEquals in one Deny statement"
                    + " (gtvpc policy generate writes it so)");
        }
    }
}
