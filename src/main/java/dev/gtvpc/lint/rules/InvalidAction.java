package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.util.Suggestions;
import java.util.List;

/**
 * Flags an Action or NotAction value that is not an action: a misspelt S3 action (with the closest
 * one), an S3 pattern that matches no S3 action, a value without a service prefix, a wildcard in the
 * service prefix (IAM documents wildcards in the action name only), and — in bucket and VPC endpoint
 * policies, which govern S3 alone — another service's action. In identity policies, SCPs and RCPs any
 * service's actions are legal ({@code "NotAction": ["ec2:*", "kms:Decrypt"]}): only the {@code s3:}
 * ones are checked, because gtvpc carries the catalogue of S3 alone; other services' action names are
 * not judged. A directory bucket's policy (one naming an {@code arn:…:s3express:…} bucket, or testing an
 * {@code s3express:} key with {@code Resource "*"}) grants in the {@code s3express} namespace ("With directory buckets,
 * you must use the S3 Express One Zone namespace to grant permissions, called {@code s3express}", S3 User Guide,
 * s3-express-security-iam.html): its {@code s3express:} actions are not judged either; in a general purpose
 * bucket's policy they are another service's. Names compare without case, as IAM does. The catalogue is the Service Authorization
 * Reference's (catalog/s3-actions.json, with its date). In every policy type, an action with two colons
 * ({@code s:3s:ListBucket}: IAM "Actions/Condition can contain only one colon"). A prefix IAM takes
 * though no service has it ({@code s3.s:ListBucket}) is a warning in identity policies, which IAM accepts
 * (src/test/resources/grammar/iam-acceptance.json, moto-valid-28). Access Analyzer: INVALID_ACTION.
 */
public final class InvalidAction extends BaseRule {
    public InvalidAction() {
        super(RuleInfo.of("invalid-action", Severity.ERROR, RuleGroup.GRAMMAR, 200,
                "A misspelt S3 action, or another service's action in a bucket policy.", Docs.S3_ACTIONS).judging(Judges.VALUE));
    }

    @Override
    public void check(LintContext c) {
        S3ActionCatalog catalog = c.actions();
        List<String> names = catalog.actions().stream().map(S3ActionCatalog.Action::qualifiedName).toList();
        boolean directoryBucket = c.options().kind() == PolicyKind.BUCKET && DirectoryBuckets.named(c.policy());
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().action().isEmpty()) {
                continue;
            }
            ActionBlock block = s.statement().action().get();
            List<String> items = block.actions().items();
            for (int i = 0; i < items.size(); i++) {
                String a = items.get(i);
                String pointer = block.actions().scalar() ? s.pointer() + "/" + block.elementName()
                        : JsonPointer.child(s.pointer() + "/" + block.elementName(), i);
                String problem = problem(a, catalog, c.options().kind(), directoryBucket);
                if (problem != null) {
                    Severity level = c.options().kind().identity() && vendorIamAccepts(a) ? Severity.WARNING : c.severity();
                    boolean s3 = a.regionMatches(true, 0, "s3:", 0, 3) || !c.options().kind().anyService();
                    c.report(level, pointer, problem, (s3 ? Suggestions.closest(a, names) : java.util.Optional.<String>empty()).map(n -> "use " + n)
                            .orElse(s3 ? "name S3 actions as s3:Name (see " + Docs.S3_ACTIONS + ")"
                                    : "name actions as service:Name, a wildcard only after the colon (s3:Get*, kms:*)"));
                }
            }
        }
    }

    private static final java.util.regex.Pattern SERVICE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** What IAM takes as a vendor prefix: letters, digits, hyphens and dots ("Vendor a a is not valid" for anything else). */
    private static final java.util.regex.Pattern VENDOR = java.util.regex.Pattern.compile("[A-Za-z0-9.-]+");

    /** An action whose prefix IAM takes though no service has it ({@code s3.s:ListBucket}): a warning in identity policies. */
    private static boolean vendorIamAccepts(String action) {
        int colon = action.indexOf(':');
        if (colon <= 0 || action.indexOf(':', colon + 1) >= 0) {
            return false;
        }
        String service = action.substring(0, colon);
        return VENDOR.matcher(service).matches() && !SERVICE.matcher(service.toLowerCase(java.util.Locale.ROOT)).matches()
                && !Wildcards.hasWildcard(service);
    }

    private static String problem(String action, S3ActionCatalog catalog, PolicyKind kind, boolean directoryBucket) {
        if (action.equals("*") || Placeholders.angle(action)) {
            return null; // a placeholder is placeholder-left's
        }
        int colon = action.indexOf(':');
        if (colon <= 0) {
            return "\"" + action + "\" is not an action: actions are service:Name, such as s3:GetObject";
        }
        String service = action.substring(0, colon);
        String name = action.substring(colon + 1);
        if (name.indexOf(':') >= 0) {
            return "\"" + action + "\" has two colons; an action is service:Name with one (IAM refuses the policy: \"Actions/Condition"
                    + " can contain only one colon\")";
        }
        if (Wildcards.hasWildcard(service)) {
            return "\"" + action + "\" has a wildcard in its service prefix; IAM documents wildcards in the action name only,"
                    + " so what it matches is not defined";
        }
        if (!SERVICE.matcher(service.toLowerCase(java.util.Locale.ROOT)).matches()) {
            return "\"" + service + "\" in \"" + action + "\" is not a service prefix (such as s3, kms, ec2)"
                    + (VENDOR.matcher(service).matches() ? "; IAM accepts it in an identity policy, but the action matches nothing" : "");
        }
        if (directoryBucket && service.equalsIgnoreCase("s3express")) {
            // a directory bucket's policy grants in the s3express namespace; gtvpc carries no catalogue of it
            return null;
        }
        if (!service.equalsIgnoreCase("s3")) {
            return kind.anyService() ? null
                    : "\"" + action + "\" is not an S3 action; a" + (kind == PolicyKind.VPC_ENDPOINT ? "n S3 VPC endpoint" : " bucket")
                            + " policy can only name S3 actions";
        }
        if (Wildcards.hasWildcard(name)) {
            return catalog.actions().stream().anyMatch(a -> Wildcards.matchesIgnoreCase(name, a.name())) ? null
                    : "the pattern \"" + action + "\" matches no S3 action (catalogue of " + catalog.dataDate().substring(0, 10) + ")";
        }
        return catalog.find(name).isPresent() ? null
                : "\"" + action + "\" is not an S3 action (catalogue of " + catalog.dataDate().substring(0, 10) + ")";
    }
}
