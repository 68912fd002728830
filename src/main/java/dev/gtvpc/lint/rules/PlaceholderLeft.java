package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.Values;
import dev.gtvpc.policy.io.JsonPointer;
import java.util.List;

/**
 * Flags placeholders left from a copied example — {@code <bucket-name>}, {@code <vpc-endpoint>} — and
 * the sample IDs of the AWS page (vpce-12345678, vpc-12345678, the account 111122223333,
 * amzn-s3-demo-bucket…): a policy with them exempts an endpoint nobody has and locks out the real one.
 * Checks Resource, Principal and condition values, not Sid or Id.
 */
public final class PlaceholderLeft extends BaseRule {
    public PlaceholderLeft() {
        super("placeholder-left", Severity.ERROR, "grammar", "A placeholder or sample ID copied from documentation.",
                Docs.GROUND_TRUTH_VPC);
    }

    @Override
    public void check(LintContext c) {
        for (LintContext.StatementAt s : c.statements()) {
            s.statement().resource().ifPresent(r -> values(c, r.resources(), s.pointer() + "/" + r.elementName()));
            s.statement().principal().ifPresent(p -> {
                for (PrincipalEntry e : p.entries()) {
                    values(c, e.ids(), s.pointer() + "/" + p.elementName() + "/" + e.type().json());
                }
            });
            for (LintContext.EntryAt e : c.conditionEntries(s)) {
                List<String> texts = e.entry().values().texts();
                for (int i = 0; i < texts.size(); i++) {
                    report(c, texts.get(i), e.valuePointer(i));
                }
            }
        }
    }

    private static void values(LintContext c, Values values, String pointer) {
        for (int i = 0; i < values.items().size(); i++) {
            report(c, values.items().get(i), values.scalar() ? pointer : JsonPointer.child(pointer, i));
        }
    }

    private static void report(LintContext c, String value, String pointer) {
        Placeholders.find(value).ifPresent(p -> c.report(pointer, "\"" + p + "\"" + (p.equals(value) ? "" : " in \"" + value + "\"")
                + " is a placeholder or sample ID from documentation, not a real one", "replace it with your own value"));
    }
}
