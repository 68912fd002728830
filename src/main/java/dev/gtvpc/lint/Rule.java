package dev.gtvpc.lint;

/**
 * One lint rule: a public class with a public no-argument constructor anywhere under
 * {@code dev.gtvpc.lint.rules}, found by the lists the build writes ({@link Rules}), with its facts in
 * its {@link RuleInfo}. Each implementation's Javadoc says what it flags, what it deliberately does
 * not, and the AWS page it rests on.
 */
public interface Rule {
    RuleInfo info();

    /** Adds this rule's findings for {@code context}'s policy. Rules that the reader implements add none here. */
    void check(LintContext context);

    default String id() {
        return info().id();
    }

    default Severity severity() {
        return info().severity();
    }

    default RuleGroup group() {
        return info().group();
    }

    default String summary() {
        return info().summary();
    }

    default String helpUri() {
        return info().helpUri();
    }
}
