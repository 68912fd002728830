package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.util.Suggestions;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags a condition operator IAM does not define, with the closest real one: a misspelling
 * ({@code StringNotEqual}), the wrong case ({@code stringEquals}: IAM answers "Invalid Condition
 * type"), a misspelt set qualifier ({@code ForAnyValues:}), or {@code NullIfExists}. The evaluator
 * refuses to guess what such an operator means. Access Analyzer: INVALID_CONDITION_OPERATOR. An error,
 * but a warning for an unknown operator with no keys in an identity policy: IAM accepts {@code "a": {}}
 * and refuses {@code "x": {"a": "1"}} ("Syntax errors in policy."), as its recorded verdicts show
 * (src/test/resources/grammar/iam-acceptance.json, moto-valid-20/32, moto-invalid-53).
 */
public final class UnknownOperator extends BaseRule {
    private static final List<String> NAMES = names();

    public UnknownOperator() {
        super(RuleInfo.of("unknown-operator", Severity.ERROR, RuleGroup.GRAMMAR, 180,
                "A condition operator IAM does not define.", Docs.CONDITION_OPERATORS));
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (OperatorType t : OperatorType.values()) {
            names.add(t.json());
            if (t != OperatorType.NULL) {
                names.add(t.json() + "IfExists");
            }
        }
        for (String base : List.copyOf(names)) {
            names.add("ForAllValues:" + base);
            names.add("ForAnyValue:" + base);
        }
        return names;
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            s.statement().condition().ifPresent(condition -> {
                for (ConditionBlock block : condition.blocks()) {
                    if (block.operator().known()) {
                        continue;
                    }
                    String text = block.operator().text();
                    String hint = text.endsWith("NullIfExists") ? "Null takes no IfExists: use \"Null\""
                            : Suggestions.closest(text, NAMES).map(n -> "use \"" + n + "\"")
                                    .orElse("use an operator of the IAM reference, e.g. StringNotEquals");
                    PolicyKind kind = c.options().kind();
                    boolean empty = block.entries().isEmpty();
                    c.reportAtName(kind.identity() && empty ? Severity.WARNING : c.severity(), JsonPointer.child(s.pointer() + "/Condition", text),
                            "unknown condition operator \"" + text + "\"" + (text.endsWith("NullIfExists")
                                    ? " (IfExists goes with every operator but Null)" : "")
                                    + (kind.identity() && empty ? "; IAM accepts it with no keys, where it tests nothing"
                                            : "; " + kind.service() + " refuses it, and gtvpc cannot tell what it would mean"), hint);
                }
            });
        }
    }
}
