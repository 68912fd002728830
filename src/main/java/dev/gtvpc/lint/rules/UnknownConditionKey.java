package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.util.Suggestions;
import java.util.Locale;

/**
 * Flags a condition key that no request carries: an {@code aws:} key that is not a global condition
 * key, an {@code s3:} key that is not one of S3's, or a name without a service prefix. A typo there
 * silently removes an exemption or a restriction — {@code aws:PrincpalAccount} under StringNotEquals
 * always holds, because the key is absent. The closest real key is suggested ({@code aws:PrincipalOrgPath}
 * → {@code aws:PrincipalOrgPaths}, {@code aws:SourceVpcee} → {@code aws:SourceVpce}). Tag keys are
 * patterns ({@code aws:PrincipalTag/…}, {@code aws:RequestTag/…}, {@code aws:ResourceTag/…},
 * {@code s3:ExistingObjectTag/…}, {@code s3:RequestObjectTag/…}, {@code s3:AccessPointTag/…}).
 * Keys of other services ({@code kms:ViaService}, {@code ec2:SourceInstanceARN}) are not judged:
 * gtvpc carries the global and S3 keys only. The global keys come from catalog/condition-keys.tsv, S3's
 * from the Service Authorization Reference (catalog/s3-actions.json, with its date). Access Analyzer:
 * INVALID_GLOBAL_CONDITION_KEY, INVALID_SERVICE_CONDITION_KEY. An error in bucket, endpoint and
 * organization policies; a warning in identity policies, which IAM accepts with any key (its recorded
 * verdicts, src/test/resources/grammar/iam-acceptance.json: eight documents with the key "a").
 * Page: global condition context keys.
 */
public final class UnknownConditionKey extends BaseRule {
    public UnknownConditionKey() {
        super(RuleInfo.of("unknown-condition-key", Severity.ERROR, RuleGroup.CONDITIONS, 80,
                "A condition key that is neither a global key nor one of S3's.", Docs.GLOBAL_KEYS)
                .severityIn(Severity.WARNING, PolicyKind.IDENTITY, PolicyKind.IDENTITY_INLINE));
    }

    @Override
    public void check(LintContext c) {
        ConditionKeyCatalog keys = c.keys();
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            String key = e.entry().key();
            int colon = key.indexOf(':');
            String consequence = consequence(e.block().operator());
            if (colon <= 0) {
                c.reportAtName(e.pointer(), "\"" + key + "\" is not a condition key: keys are service:name (aws:SourceVpce);"
                        + " no request carries it, so " + consequence, Suggestions.closest(key, keys.names()).map(n -> "write " + n)
                        .orElse("write a key of the global condition keys page, e.g. aws:SourceVpce"));
                continue;
            }
            String prefix = key.substring(0, colon);
            if (!keys.covers(prefix) || keys.find(key).isPresent()) {
                continue;
            }
            boolean tagPrefixOnly = key.indexOf('/') < 0 && keys.find(key + "/x").isPresent();
            String what = prefix.toLowerCase(Locale.ROOT).equals("aws") ? "a global condition key"
                    : "an S3 condition key (catalogue of " + keys.s3DataDate() + ")";
            c.reportAtName(e.pointer(), "\"" + key + "\" is not " + what + (tagPrefixOnly ? " without a tag key after /" : "")
                    + ": no request carries it, so " + consequence,
                    tagPrefixOnly ? "write " + keys.canonical(key + "/TAG-KEY").orElse(key + "/TAG-KEY")
                            : Suggestions.closest(key, keys.names()).map(n -> "did you mean " + n + "?")
                                    .orElse("see the global condition keys page and S3's keys in the Service Authorization Reference"));
        }
    }

    /** What a condition on a key no request has always does. */
    private static String consequence(ConditionOperator op) {
        if (op.type().isEmpty()) {
            return "the condition cannot hold as meant";
        }
        OperatorType type = op.type().get();
        if (type == OperatorType.NULL && op.qualifier() == SetQualifier.NONE) {
            return "Null on it is always true for \"true\" and never for \"false\"";
        }
        if (type == OperatorType.NULL) {
            // a set operator over a key with no values: ForAllValues holds vacuously, ForAnyValue never (README, Null set operators)
            return op.text() + " on it " + (op.qualifier() == SetQualifier.FOR_ALL_VALUES ? "always holds" : "never holds");
        }
        boolean holds = op.ifExists() || op.qualifier() == SetQualifier.FOR_ALL_VALUES
                || op.qualifier() == SetQualifier.NONE && type.negated();
        return op.text() + " on it " + (holds ? "always holds" : "never holds");
    }
}
