package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.ReadProblemRule;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.ReadProblem;

/**
 * Reports a file that cannot be read at all (missing, no permission, an I/O error), so that every
 * format lists every input: an input that was not linted must not look like one that was clean. It
 * cannot be disabled, and is no grammar defect: its group is its own.
 * The reader finds it, with its location; this rule gives it an id and a severity.
 */
public final class UnreadableFile extends ReadProblemRule {
    public UnreadableFile() {
        super(RuleInfo.of("unreadable-file", Severity.ERROR, RuleGroup.INPUT, 10,
                "A file that cannot be read (missing, no permission, an I/O error); reported so every format lists every input.",
                Docs.S3_BUCKET_POLICIES), ReadProblem.Kind.UNREADABLE,
                "check the path and its permissions; lint reads *.json files and directories of them");
    }
}
