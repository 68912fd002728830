package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags placeholders left from a copied example — {@code <bucket-name>}, {@code <vpc-endpoint>} — and
 * the sample IDs of AWS's guides (vpce-12345678, vpce-1a2b3c4d, vpc-111bbb22, amzn-s3-demo-bucket,
 * DOC-EXAMPLE-BUCKET, awsexamplebucket1…, listed with their sources in catalog/sample-ids.json): a
 * policy with them exempts an endpoint nobody has and locks out the real one. A sample account ID
 * (111122223333, 123456789012) is flagged only when the policy also has another placeholder or sample
 * value: alone, it may be someone's real account. The same placeholder written in many places is one
 * finding with all its places. Checks Action, Resource, Principal and condition values, not Sid or Id.
 */
public final class PlaceholderLeft extends BaseRule {
    public PlaceholderLeft() {
        super(RuleInfo.of("placeholder-left", Severity.ERROR, RuleGroup.GRAMMAR, 250,
                "A placeholder or sample ID copied from documentation.", Docs.GROUND_TRUTH_VPC).judging(Judges.VALUE));
    }

    private record Seen(String value, String pointer) {
    }

    @Override
    public void check(LintContext c) {
        List<Seen> values = new ArrayList<>();
        for (PolicyScan.StatementAt s : c.statements()) {
            s.statement().action().ifPresent(a -> collect(values, a.actions(), s.pointer() + "/" + a.elementName()));
            s.statement().resource().ifPresent(r -> collect(values, r.resources(), s.pointer() + "/" + r.elementName()));
            s.statement().principal().ifPresent(p -> {
                for (PrincipalEntry e : p.entries()) {
                    collect(values, e.ids(), s.pointer() + "/" + p.elementName() + "/" + e.type().json());
                }
            });
            for (PolicyScan.EntryAt e : c.conditionEntries(s)) {
                List<String> texts = e.entry().values().texts();
                for (int i = 0; i < texts.size(); i++) {
                    values.add(new Seen(texts.get(i), e.valuePointer(i)));
                }
            }
        }
        boolean samplesLeft = values.stream().anyMatch(v -> Placeholders.find(v.value()).isPresent());
        for (Seen v : values) {
            Placeholders.find(v.value()).or(() -> samplesLeft ? Placeholders.sampleAccount(v.value()) : java.util.Optional.empty())
                    .ifPresent(p -> c.report(v.pointer(), "\"" + p + "\" is a placeholder or sample ID from documentation, not a real one",
                            "replace it with your own value"));
        }
    }

    private static void collect(List<Seen> into, Values values, String pointer) {
        for (int i = 0; i < values.items().size(); i++) {
            into.add(new Seen(values.items().get(i), values.scalar() ? pointer : JsonPointer.child(pointer, i)));
        }
    }
}
