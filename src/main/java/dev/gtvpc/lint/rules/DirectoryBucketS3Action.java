package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.PolicyScan;
import java.util.List;
import java.util.Locale;

/**
 * Flags an {@code s3:} action in a statement about directory buckets only: object access to a directory
 * bucket is authorised once, at {@code s3express:CreateSession} ("you don't grant access permissions to Zonal
 * API operations with IAM policies. Instead, CreateSession enables access for all object level operations",
 * S3 User Guide, s3-express-security-iam.html), so a guard or grant on s3:GetObject there never matches a
 * request: a Deny on it protects nothing, an Allow grants nothing. The fix is the session: s3express:CreateSession,
 * with s3express:SessionMode to tell ReadOnly from ReadWrite sessions.
 */
public final class DirectoryBucketS3Action extends BaseRule {
    public DirectoryBucketS3Action() {
        super(RuleInfo.of("directory-bucket-s3-action", Severity.SECURITY_WARNING, RuleGroup.S3, 60,
                "An s3: action in a statement about directory buckets, which authorise at s3express:CreateSession: it does nothing.",
                DirectoryBuckets.PAGE).onlyFor(PolicyKind.BUCKET));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().action().isEmpty() || !DirectoryBuckets.only(s.statement())) {
                continue;
            }
            ActionBlock block = s.statement().action().get();
            List<String> items = block.actions().items();
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).toLowerCase(Locale.ROOT).startsWith("s3:")) {
                    continue;
                }
                String pointer = block.actions().scalar() ? s.pointer() + "/" + block.elementName()
                        : JsonPointer.child(s.pointer() + "/" + block.elementName(), i);
                boolean deny = s.statement().effect().filter(dev.gtvpc.policy.Effect.DENY::equals).isPresent();
                c.report(pointer, "\"" + items.get(i) + "\" on a directory bucket does nothing: object access is authorised once, at"
                        + " s3express:CreateSession, so this " + (deny ? "Deny protects nothing" : "statement grants nothing"),
                        "name s3express:CreateSession (with s3express:SessionMode ReadOnly/ReadWrite to limit the session) instead");
            }
        }
    }
}
