package dev.gtvpc.lint;

/** A rule whose facts are given once, to the constructor; subclasses add the check. */
public abstract class BaseRule implements Rule {
    private final RuleInfo info;

    protected BaseRule(RuleInfo info) {
        this.info = java.util.Objects.requireNonNull(info, "info");
    }

    @Override
    public final RuleInfo info() {
        return info;
    }
}
