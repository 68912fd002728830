package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.PrincipalType;
import dev.gtvpc.policy.Values;
import dev.gtvpc.policy.io.JsonPointer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flags malformed ARNs: a Resource that is not an S3 bucket or object ARN (S3 bucket ARNs take no
 * region or account; a bucket policy names only its bucket and objects), a Principal AWS value that
 * is neither {@code *}, an account ID nor an IAM/STS principal ARN, and a value of
 * {@code aws:PrincipalArn} or {@code aws:SourceArn} that is not an ARN. Placeholders are left to
 * placeholder-left and policy variables are not judged. Access Analyzer: INVALID_ARN_RESOURCE,
 * ARN_ACCOUNT_NOT_ALLOWED, ARN_REGION_NOT_ALLOWED.
 */
public final class InvalidArn extends BaseRule {
    private static final Pattern PARTITION = Pattern.compile("aws(?:-[a-z]+)*|\\*");
    private static final Pattern BUCKET_PATTERN = Pattern.compile("[a-z0-9.*?$\\{\\}-]+");
    private static final List<String> ARN_KEYS = List.of("aws:principalarn", "aws:sourcearn");

    public InvalidArn() {
        super("invalid-arn", Severity.ERROR, "grammar", "A malformed or non-S3 ARN.", Docs.ACCESS_ANALYZER_CHECKS);
    }

    @Override
    public void check(LintContext c) {
        for (LintContext.StatementAt s : c.statements()) {
            s.statement().resource().ifPresent(r -> each(r.resources(), s.pointer() + "/" + r.elementName(), (v, p) ->
                    resourceProblem(v).ifPresent(m -> c.report(p, m, "write arn:aws:s3:::BUCKET for the bucket and"
                            + " arn:aws:s3:::BUCKET/* for its objects"))));
            s.statement().principal().ifPresent(p -> {
                for (PrincipalEntry e : p.entries()) {
                    if (e.type() == PrincipalType.AWS) {
                        each(e.ids(), s.pointer() + "/" + p.elementName() + "/AWS", (v, ptr) ->
                                principalProblem(v).ifPresent(m -> c.report(ptr, m,
                                        "name a 12-digit account ID, arn:aws:iam::ACCOUNT:root, or a role or user ARN")));
                    }
                }
            });
            for (LintContext.EntryAt e : c.conditionEntries(s)) {
                if (!ARN_KEYS.contains(e.entry().key().toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                List<String> texts = e.entry().values().texts();
                for (int i = 0; i < texts.size(); i++) {
                    String v = texts.get(i);
                    if (!v.equals("*") && !Placeholders.angle(v) && !v.contains("${") && Arn.parse(v).isEmpty()) {
                        c.report(e.valuePointer(i), e.entry().key() + " holds ARNs; \"" + v + "\" is not one",
                                "write the full ARN, e.g. arn:aws:iam::ACCOUNT:role/NAME");
                    }
                }
            }
        }
    }

    private interface Check {
        void accept(String value, String pointer);
    }

    private static void each(Values values, String pointer, Check check) {
        for (int i = 0; i < values.items().size(); i++) {
            check.accept(values.items().get(i), values.scalar() ? pointer : JsonPointer.child(pointer, i));
        }
    }

    static Optional<String> resourceProblem(String v) {
        if (v.equals("*") || Placeholders.angle(v)) {
            return Optional.empty();
        }
        Optional<Arn> arn = Arn.parse(v);
        if (arn.isEmpty()) {
            return Optional.of("\"" + v + "\" is not an ARN");
        }
        Arn a = arn.get();
        if (!PARTITION.matcher(a.partition()).matches()) {
            return Optional.of("\"" + v + "\" has no valid partition (aws, aws-cn, aws-us-gov…)");
        }
        if (!a.service().equals("s3") && !a.service().equals("*")) {
            return Optional.of("\"" + v + "\" is not an S3 ARN; a bucket policy names only its bucket and objects");
        }
        if (!a.region().isEmpty() || !a.account().isEmpty()) {
            return Optional.of("\"" + v + "\" has a region or account; S3 bucket and object ARNs have neither"
                    + " (arn:aws:s3:::BUCKET/KEY)");
        }
        String bucket = a.resource().contains("/") ? a.resource().substring(0, a.resource().indexOf('/')) : a.resource();
        if (bucket.isEmpty() || !BUCKET_PATTERN.matcher(bucket).matches()) {
            return Optional.of("\"" + bucket + "\" in \"" + v + "\" is not a bucket name (lowercase letters, digits, dots, hyphens)");
        }
        return Optional.empty();
    }

    static Optional<String> principalProblem(String v) {
        if (v.equals("*") || AwsIds.isAccountId(v) || Placeholders.angle(v)) {
            return Optional.empty();
        }
        Optional<Arn> arn = Arn.parse(v);
        if (arn.isEmpty()) {
            return Optional.of("\"" + v + "\" is neither *, an account ID nor an ARN");
        }
        Arn a = arn.get();
        boolean iam = a.service().equals("iam") && (a.resource().equals("root") || a.resource().startsWith("role/")
                || a.resource().startsWith("user/"));
        boolean sts = a.service().equals("sts") && (a.resource().startsWith("assumed-role/") || a.resource().startsWith("federated-user/"));
        if (!iam && !sts) {
            return Optional.of("\"" + v + "\" is not an IAM or STS principal ARN");
        }
        if (!AwsIds.isAccountId(a.account())) {
            return Optional.of("\"" + v + "\" has account \"" + a.account() + "\"; an account ID is 12 digits");
        }
        if (v.contains("*") || v.contains("?")) {
            return Optional.of("\"" + v + "\" has a wildcard; principals cannot be matched by pattern (use a condition on"
                    + " aws:PrincipalArn with ArnLike)");
        }
        return Optional.empty();
    }
}
