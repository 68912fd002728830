package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PolicyScan;
import java.util.HashMap;
import java.util.Map;

/**
 * Flags a Sid used by two statements; policies require unique Sids (IAM: "Statement IDs (SID) in a single
 * policy must be unique."), and gtvpc's apply
 * merges statements by Sid. Access Analyzer: UNIQUE_SIDS_REQUIRED. Statements without Sid are not flagged.
 */
public final class DuplicateSid extends BaseRule {
    public DuplicateSid() {
        super(RuleInfo.of("duplicate-sid", Severity.ERROR, RuleGroup.GRAMMAR, 170,
                "Two statements have the same Sid.", Docs.ACCESS_ANALYZER_CHECKS));
    }

    @Override
    public void check(LintContext c) {
        Map<String, String> first = new HashMap<>();
        for (PolicyScan.StatementAt s : c.statements()) {
            s.statement().sid().filter(sid -> !sid.isEmpty()).ifPresent(sid -> {
                String earlier = first.putIfAbsent(sid, s.pointer());
                if (earlier != null) {
                    c.report(s.pointer() + "/Sid", "Sid \"" + sid + "\" is also the Sid of the statement at " + earlier
                            + "; the Sids of one policy must be unique", "rename one of them");
                }
            });
        }
    }
}
