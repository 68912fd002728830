package dev.gtvpc.lint;

import dev.gtvpc.policy.io.ReadProblem;

/**
 * The problems the reader itself refuses a document for (invalid JSON, a duplicate key, a wrong type,
 * an unknown element, conflicting elements, an invalid Effect, a document over 20 KB). The reader
 * finds them, with their locations; these rules give them an id and a severity, and have nothing to
 * check on a policy that was read.
 */
public final class ReadProblemRule extends BaseRule {
    private final ReadProblem.Kind kind;
    private final String fix;

    public ReadProblemRule(ReadProblem.Kind kind, String summary, String fix, String helpUri) {
        // an input that cannot be read is no grammar defect: its own group, listed last
        super(kind.id(), Severity.ERROR, kind == ReadProblem.Kind.UNREADABLE ? "input" : "grammar", summary, helpUri);
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
    public void check(LintContext context) {
        // the reader reports these while reading; a policy that was read has none
    }
}
