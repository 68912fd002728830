package dev.gtvpc.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A condition operator as written ({@code "ForAllValues:StringNotEqualsIfExists"}) and as understood:
 * set qualifier, base operator, {@code IfExists}. An operator gtvpc does not know keeps its text and
 * has no {@link #type()}; the evaluator reports it as an error and lint as a finding, never a guess.
 */
public record ConditionOperator(String text, SetQualifier qualifier, Optional<OperatorType> type, boolean ifExists) {
    private static final String IF_EXISTS = "IfExists";

    public ConditionOperator {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(type, "type");
    }

    public static ConditionOperator parse(String text) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = text;
        for (SetQualifier q : SetQualifier.values()) {
            if (q != SetQualifier.NONE && text.startsWith(q.prefix())) {
                qualifier = q;
                rest = text.substring(q.prefix().length());
            }
        }
        Optional<OperatorType> exact = OperatorType.fromJson(rest);
        if (exact.isPresent()) {
            return new ConditionOperator(text, qualifier, exact, false);
        }
        if (rest.endsWith(IF_EXISTS)) {
            Optional<OperatorType> base = OperatorType.fromJson(rest.substring(0, rest.length() - IF_EXISTS.length()));
            // NullIfExists is not an operator: IAM allows IfExists on every operator but Null.
            if (base.isPresent() && base.get() != OperatorType.NULL) {
                return new ConditionOperator(text, qualifier, base, true);
            }
        }
        return new ConditionOperator(text, qualifier, Optional.empty(), false);
    }

    /** Builds an operator from its parts; its text is the canonical spelling. */
    public static ConditionOperator of(SetQualifier qualifier, OperatorType type, boolean ifExists) {
        if (ifExists && type == OperatorType.NULL) {
            throw new IllegalArgumentException("Null takes no IfExists");
        }
        return new ConditionOperator(qualifier.prefix() + type.json() + (ifExists ? IF_EXISTS : ""),
                qualifier, Optional.of(type), ifExists);
    }

    public boolean known() {
        return type.isPresent();
    }
}
