package dev.gtvpc.lint.rules;

import dev.gtvpc.groundtruth.S3ActionCatalog;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.policy.io.JsonPointer;
import dev.gtvpc.util.Suggestions;
import java.util.List;

/**
 * Flags an Action or NotAction value that is not an S3 action: a misspelling (with the closest
 * action), another service's action (a bucket policy can only name S3 actions), a pattern that matches
 * no S3 action. Names compare without case, as IAM does. The catalogue is the Service Authorization
 * Reference's (catalog/s3-actions.json, with its date). Access Analyzer: INVALID_ACTION.
 */
public final class InvalidAction extends BaseRule {
    public InvalidAction() {
        super("invalid-action", Severity.ERROR, "grammar", "An action that is not an S3 action.", Docs.S3_ACTIONS);
    }

    @Override
    public void check(LintContext c) {
        S3ActionCatalog catalog = c.actions();
        List<String> names = catalog.actions().stream().map(S3ActionCatalog.Action::qualifiedName).toList();
        for (LintContext.StatementAt s : c.statements()) {
            if (s.statement().action().isEmpty()) {
                continue;
            }
            ActionBlock block = s.statement().action().get();
            List<String> items = block.actions().items();
            for (int i = 0; i < items.size(); i++) {
                String a = items.get(i);
                String pointer = block.actions().scalar() ? s.pointer() + "/" + block.elementName()
                        : JsonPointer.child(s.pointer() + "/" + block.elementName(), i);
                String problem = problem(a, catalog);
                if (problem != null) {
                    c.report(pointer, problem, Suggestions.closest(a, names).map(n -> "use " + n)
                            .orElse("name S3 actions as s3:Name (see " + Docs.S3_ACTIONS + ")"));
                }
            }
        }
    }

    private static String problem(String action, S3ActionCatalog catalog) {
        if (action.equals("*")) {
            return null;
        }
        int colon = action.indexOf(':');
        if (colon <= 0) {
            return "\"" + action + "\" is not an action: actions are service:Name, such as s3:GetObject";
        }
        String service = action.substring(0, colon);
        String name = action.substring(colon + 1);
        if (!service.equalsIgnoreCase("s3")) {
            return "\"" + action + "\" is not an S3 action; a bucket policy can only name S3 actions";
        }
        if (Wildcards.hasWildcard(name)) {
            return catalog.actions().stream().anyMatch(a -> Wildcards.matchesIgnoreCase(name, a.name())) ? null
                    : "the pattern \"" + action + "\" matches no S3 action (catalogue of " + catalog.dataDate().substring(0, 10) + ")";
        }
        return catalog.find(name).isPresent() ? null
                : "\"" + action + "\" is not an S3 action (catalogue of " + catalog.dataDate().substring(0, 10) + ")";
    }
}
