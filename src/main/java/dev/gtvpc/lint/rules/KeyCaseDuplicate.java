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
 * Flags two keys of one operator block that differ only in case (aws:SourceVpc and AWS:SOURCEVPC).
 * IAM treats them as the same key, so the block tests it twice and the author's intent is unclear.
 * Access Analyzer: DUPLICATE_KEYS_WITH_DIFFERENT_CASE.
 */
public final class KeyCaseDuplicate extends BaseRule {
    public KeyCaseDuplicate() {
        super(RuleInfo.of("key-case-duplicate", Severity.ERROR, RuleGroup.CONDITIONS, 100,
                "Two keys of one operator that differ only in case.", Docs.ACCESS_ANALYZER_CHECKS));
    }

    @Override
    public void check(LintContext c) {
        Map<String, String> seen = new HashMap<>();
        String block = null;
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            String blockPointer = e.pointer().substring(0, e.pointer().lastIndexOf('/'));
            if (!blockPointer.equals(block)) {
                block = blockPointer;
                seen.clear();
            }
            String earlier = seen.putIfAbsent(Keys.lower(e.entry().key()), e.entry().key());
            if (earlier != null) {
                c.reportAtName(e.pointer(), "\"" + e.entry().key() + "\" and \"" + earlier + "\" are the same key to IAM, which"
                        + " compares key names without case: this block tests it twice", "merge their values under one key");
            }
        }
    }
}
