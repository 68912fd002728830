package dev.gtvpc.lint;

/**
 * One lint rule. Its id is kebab-case and stable: users disable rules and CI systems track findings by
 * it. Each implementation's Javadoc says what it flags, what it deliberately does not, and the AWS
 * page it rests on.
 */
public interface Rule {
    String id();

    Severity severity();

    /** The group in --list-rules: grammar, conditions, s3, ground-truth, safety. */
    String group();

    /** One sentence: what the rule flags. */
    String summary();

    /** The AWS page the rule rests on. */
    String helpUri();

    /** Adds this rule's findings for {@code context}'s policy. Rules that the reader implements add none here. */
    void check(LintContext context);
}
