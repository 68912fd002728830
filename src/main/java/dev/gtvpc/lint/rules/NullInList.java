package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.ReadProblemRule;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.ReadProblem;

/**
 * Flags {@code null} among the strings of a Resource or NotResource list. The policy grammar takes
 * strings only, but IAM accepts such a managed policy (CreatePolicy took
 * {@code ["arn:aws:kms:*:123456789012:key/*", null]} from an AWS-published template, as moto's tests
 * record, src/test/resources/grammar/iam-acceptance.json, moto-valid-42): a warning in identity
 * policies, an error elsewhere, where no service is recorded accepting it. The reader finds it; the
 * element is left out of what lint checks further.
 */
public final class NullInList extends ReadProblemRule {
    public NullInList() {
        super(RuleInfo.of("null-in-list", Severity.ERROR, RuleGroup.GRAMMAR, 35,
                "null among a Resource list's strings.", Docs.GRAMMAR).severityIn(Severity.WARNING, PolicyKind.IDENTITY,
                        PolicyKind.IDENTITY_INLINE), ReadProblem.Kind.NULL_IN_LIST, "remove the null from the list");
    }
}
