package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PolicyScan;
import java.util.regex.Pattern;

/** Flags a VPC endpoint ID (vpce-…) among the values of aws:SourceVpc, where it can never match. */
public final class VpceIdInSourceVpc extends BaseRule {
    private static final Pattern VPCE_LIKE = Pattern.compile("vpce-[0-9a-fA-F]+|<vpc[-_ ]?endpoint(?:[-_ ]?id)?>|<vpce>",
            Pattern.CASE_INSENSITIVE);

    public VpceIdInSourceVpc() {
        super(RuleInfo.of("vpce-id-in-source-vpc", Severity.ERROR, RuleGroup.CONDITIONS, 30,
                "A VPC endpoint ID among the values of aws:SourceVpc.", Docs.GLOBAL_KEYS));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.ValueAt v : c.valuesOf("aws:SourceVpc")) {
            if (VPCE_LIKE.matcher(v.value()).matches()) {
                c.report(v.pointer(), "\"" + v.value() + "\" is a VPC endpoint ID under " + v.entry().entry().key()
                        + ", which holds VPC IDs: it can never match", "move it to aws:SourceVpce under the same operator");
            }
        }
    }
}
