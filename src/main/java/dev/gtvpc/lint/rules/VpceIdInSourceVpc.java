package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Severity;
import java.util.List;
import java.util.regex.Pattern;

/** Flags a VPC endpoint ID (vpce-…) among the values of aws:SourceVpc, where it can never match. */
public final class VpceIdInSourceVpc extends BaseRule {
    private static final Pattern VPCE_LIKE = Pattern.compile("vpce-[0-9a-fA-F]+|<vpc[-_ ]?endpoint(?:[-_ ]?id)?>|<vpce>",
            Pattern.CASE_INSENSITIVE);

    public VpceIdInSourceVpc() {
        super("vpce-id-in-source-vpc", Severity.ERROR, "conditions", "A VPC endpoint ID among the values of aws:SourceVpc.",
                Docs.GLOBAL_KEYS);
    }

    @Override
    public void check(LintContext c) {
        for (LintContext.EntryAt e : c.conditionEntries()) {
            if (!Keys.is(e.entry().key(), Keys.SOURCE_VPC)) {
                continue;
            }
            List<String> values = e.entry().values().texts();
            for (int i = 0; i < values.size(); i++) {
                if (VPCE_LIKE.matcher(values.get(i)).matches()) {
                    c.report(e.valuePointer(i), "\"" + values.get(i) + "\" is a VPC endpoint ID under " + e.entry().key()
                            + ", which holds VPC IDs: it can never match", "move it to aws:SourceVpce under the same operator");
                }
            }
        }
    }
}
