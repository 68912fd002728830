package dev.gtvpc.lint;


/** The fixed facts of a rule; subclasses add the check. */
public abstract class BaseRule implements Rule {
    private final String id;
    private final Severity severity;
    private final String group;
    private final String summary;
    private final String helpUri;

    protected BaseRule(String id, Severity severity, String group, String summary, String helpUri) {
        this.id = id;
        this.severity = severity;
        this.group = group;
        this.summary = summary;
        this.helpUri = helpUri;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public String helpUri() {
        return helpUri;
    }
}
