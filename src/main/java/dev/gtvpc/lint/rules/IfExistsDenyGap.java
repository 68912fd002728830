package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.SetQualifier;

/**
 * Flags a Deny whose condition is false for requests that lack a key — so those requests are not
 * denied. That happens with a key that some callers do not send (aws:SourceVpce from the internet,
 * aws:PrincipalArn from anonymous callers, a principal tag…) under a non-negated operator without
 * IfExists, or under ForAnyValue without IfExists. Adding IfExists closes the gap: "If the key is not
 * present, evaluate the condition element as true". A negated operator needs nothing ("the request is
 * still denied even if the condition key is not present"), and Null tests presence on purpose, so
 * neither is flagged. Page: condition operators, "…IfExists condition operators".
 */
public final class IfExistsDenyGap extends BaseRule {
    public IfExistsDenyGap() {
        super("ifexists-deny-gap", Severity.SECURITY_WARNING, "conditions",
                "A Deny that requests without the condition key escape (missing IfExists).", Docs.CONDITION_OPERATORS);
    }

    @Override
    public void check(LintContext c) {
        for (LintContext.EntryAt e : c.conditionEntries()) {
            if (e.statement().statement().effect().filter(Effect.DENY::equals).isEmpty() || e.block().operator().type().isEmpty()) {
                continue;
            }
            String key = e.entry().key();
            if (!Keys.SOMETIMES_ABSENT.contains(Keys.lower(key)) && !Keys.principalTag(key)) {
                continue;
            }
            OperatorType type = e.block().operator().type().get();
            SetQualifier q = e.block().operator().qualifier();
            if (type == OperatorType.NULL || e.block().operator().ifExists()) {
                continue;
            }
            boolean falseWhenAbsent = q == SetQualifier.FOR_ANY_VALUE || q == SetQualifier.NONE && !type.negated();
            if (falseWhenAbsent) {
                c.reportAtName(e.pointer(), "this Deny's " + e.block().operator().text() + " on " + key
                        + " is false when a request has no " + key + ", so such requests are not denied",
                        "use " + e.block().operator().text() + "IfExists to deny them too, or add a separate Deny with"
                                + " \"Null\": {\"" + key + "\": \"true\"}");
            }
        }
    }
}
