package dev.gtvpc.lint;

/**
 * What a rule's finding judges, where that decides how the finding reads when a value is not a real
 * one: a placeholder left from documentation, or a value a Terraform plan or template does not know
 * yet. Declared in the rule's {@link RuleInfo}, so the linters that drop such findings name no rule.
 */
public enum Judges {
    /**
     * The form of a value (an ID, an ARN, a typed value): at a placeholder or an unknown value the
     * finding only restates that the value is not a real one.
     */
    VALUE_SHAPE,
    /** What a value names (a bucket, an action, a sample ID): an unknown value names nothing yet. */
    VALUE,
    /** What a statement's Resource names: an unknown ARN may be the bucket, its objects or both. */
    RESOURCES
}
