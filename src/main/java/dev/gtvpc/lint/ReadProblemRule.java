package dev.gtvpc.lint;

import dev.gtvpc.policy.io.ReadProblem;

/**
 * A problem the reader itself refuses a document for (invalid JSON, a duplicate key, a wrong type, an
 * unknown element, conflicting elements, an invalid Effect, a document over 20 KB, a file that cannot
 * be read). The reader finds them, with their locations; these rules give them an id and a severity,
 * and have nothing to check on a policy that was read. The rule's id is its kind's.
 */
public abstract class ReadProblemRule extends BaseRule {
    private final ReadProblem.Kind kind;
    private final String fix;

    protected ReadProblemRule(RuleInfo info, ReadProblem.Kind kind, String fix) {
        super(info);
        if (!info.id().equals(kind.id())) {
            throw new IllegalArgumentException("rule " + info.id() + " reports the reader's " + kind.id());
        }
        this.kind = kind;
        this.fix = fix;
    }

    public ReadProblem.Kind kind() {
        return kind;
    }

    /** What to do about a problem of this kind. */
    public String fix() {
        return fix;
    }

    @Override
    public final void check(LintContext context) {
        // the reader reports these while reading; a policy that was read has none
    }
}
