package dev.gtvpc.lint;

/** The groups of rules, in the order --list-rules shows them; within a group a rule's declared rank orders it. */
public enum RuleGroup {
    GRAMMAR("grammar"),
    CONDITIONS("conditions"),
    S3("s3"),
    GROUND_TRUTH("ground-truth"),
    SAFETY("safety"),
    /** An input that cannot be read at all: no grammar defect, listed last. */
    INPUT("input");

    private final String id;

    RuleGroup(String id) {
        this.id = id;
    }

    /** The name --list-rules and SARIF's tags show. */
    public String id() {
        return id;
    }
}
