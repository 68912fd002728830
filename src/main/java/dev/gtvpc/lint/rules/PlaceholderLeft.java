package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flags placeholders left from a copied example — {@code <bucket-name>}, {@code <vpc-endpoint>} — and
 * the sample IDs of AWS's guides (vpce-12345678, vpce-1a2b3c4d, vpc-111bbb22, amzn-s3-demo-bucket,
 * DOC-EXAMPLE-BUCKET, awsexamplebucket1…, listed with their sources in catalog/sample-ids.json): a
 * policy with them exempts an endpoint nobody has and locks out the real one. A sample account ID
 * (111122223333, 123456789012) is flagged only when the policy also has another placeholder or sample
 * value: alone, it may be someone's real account. A template's placeholder — {@code ${ORG_ID}},
 * {@code ${AWS::AccountId}} (a ${…} that is not a policy variable, which names a condition key) or a
 * format string's {@code {accountId}} — is flagged too. The same placeholder written in many places is one
 * finding with all its places. Checks Action, Resource, Principal and condition values, not Sid or Id. An
 * error in the policy types whose service refuses or cannot use such a value; a warning in identity
 * policies, which IAM accepts with them (IAM's verdicts on the IAM User Guide's own examples with
 * {@code account-id} and {@code bucket-name}: src/test/resources/grammar/iam-acceptance.json).
 */
public final class PlaceholderLeft extends BaseRule {
    public PlaceholderLeft() {
        super(RuleInfo.of("placeholder-left", Severity.ERROR, RuleGroup.GRAMMAR, 250,
                "A placeholder or sample ID copied from documentation, or a template's placeholder left in.", Docs.GROUND_TRUTH_VPC)
                .judging(Judges.VALUE).severityIn(Severity.WARNING, PolicyKind.IDENTITY, PolicyKind.IDENTITY_INLINE));
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
        boolean samplesLeft = values.stream().anyMatch(v -> Placeholders.find(v.value()).isPresent() || Placeholders.template(v.value()).isPresent());
        for (Seen v : values) {
            Optional<String> template = Placeholders.template(v.value());
            if (template.isPresent() && Placeholders.find(v.value()).isEmpty()) {
                c.report(v.pointer(), "\"" + template.get() + "\" is a template's placeholder left in: not a value, nor a policy"
                        + " variable (those name a condition key, such as ${aws:username}), so it names nothing real",
                        "substitute the value before attaching the policy, or let the template do it (CloudFormation Fn::Sub,"
                                + " Terraform templatefile)");
                continue;
            }
            Placeholders.find(v.value()).or(() -> samplesLeft ? Placeholders.sampleAccount(v.value()) : Optional.empty())
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
