package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.PrincipalType;
import dev.gtvpc.policy.Values;
import dev.gtvpc.policy.Wildcards;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flags malformed ARNs, with what the policy type allows:
 * <ul>
 * <li>Resource: in a bucket policy only the bucket and its objects ({@code arn:aws:s3:::BUCKET},
 *     {@code arn:aws:s3:::BUCKET/KEY}: no region, no account); in a VPC endpoint policy any S3
 *     resource, including access points, Multi-Region access points and Object Lambda access points;
 *     in identity policies, SCPs and RCPs any service's ARN, checked for its syntax only. Everywhere,
 *     a wildcard in the service segment ({@code arn:aws:*:::bucket/*}): "you can't use a wildcard in
 *     the service segment that identifies the AWS product" (Resource element page).</li>
 * <li>Principal AWS values: {@code *}, an account ID, an IAM role, user or root ARN, an STS session
 *     ARN, or the legacy CloudFront origin access identity
 *     ({@code arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E…}).</li>
 * <li>Values of ARN-typed condition keys (aws:PrincipalArn, aws:SourceArn…) that are not ARNs.</li>
 * </ul>
 * In every policy type, what IAM refuses of IAM and S3 ARNs: an IAM ARN with a Region or of no IAM
 * resource type ({@code arn:aws:iam:::example_bucket}), an S3 bucket ARN with a Region or account
 * ({@code arn:aws:s3:us-east-1::example_bucket}; access points have both). An ARN of fewer than six
 * parts that IAM pads ({@code arn:aws:fdsasf}) is a warning in identity policies, which IAM accepts
 * (iam-acceptance.json, moto-valid-10), and an error elsewhere.
 * The account field of an ARN is invalid-arn-account's; placeholders are placeholder-left's; policy
 * variables are not judged. Access Analyzer: INVALID_ARN_RESOURCE, ARN_ACCOUNT_NOT_ALLOWED,
 * ARN_REGION_NOT_ALLOWED, INVALID_ARN_PREFIX.
 */
public final class InvalidArn extends BaseRule {
    private static final Pattern PARTITION = Pattern.compile("aws(?:-[a-z]+)*|\\*");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]*");
    // legacy buckets (us-east-1, before March 2018) may have capitals and underscores, so only what no bucket name has is refused
    private static final Pattern BUCKET_PATTERN = Pattern.compile("[A-Za-z0-9._*?$\\{\\}-]+");
    static final String CLOUDFRONT_OAI = "user/CloudFront Origin Access Identity ";
    private static final Pattern CLOUDFRONT_OAI_ID = Pattern.compile("E[A-Z0-9]{5,}");

    public InvalidArn() {
        super(RuleInfo.of("invalid-arn", Severity.ERROR, RuleGroup.GRAMMAR, 210,
                "A malformed ARN, or one the policy type cannot name.", Docs.RESOURCE).judging(Judges.VALUE_SHAPE));
    }

    @Override
    public void check(LintContext c) {
        PolicyKind kind = c.options().kind();
        for (PolicyScan.StatementAt s : c.statements()) {
            s.statement().resource().ifPresent(r -> each(r.resources(), s.pointer() + "/" + r.elementName(), (v, p) ->
                    resourceProblem(v, kind).ifPresent(m -> c.report(kind.identity() && paddedByIam(v) ? Severity.WARNING : c.severity(),
                            p, m, resourceFix(kind)))));
            s.statement().principal().ifPresent(p -> {
                for (PrincipalEntry e : p.entries()) {
                    if (e.type() == PrincipalType.AWS) {
                        each(e.ids(), s.pointer() + "/" + p.elementName() + "/AWS", (v, ptr) ->
                                principalProblem(v).ifPresent(m -> c.report(ptr, m,
                                        "name a 12-digit account ID, arn:aws:iam::ACCOUNT:root, or a role or user ARN")));
                    }
                }
            });
            for (PolicyScan.EntryAt e : c.conditionEntries(s)) {
                if (!Keys.arnTyped(c, e.entry().key()) || e.block().operator().type().filter(OperatorType.NULL::equals).isPresent()) {
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

    private static String resourceFix(PolicyKind kind) {
        return switch (kind) {
            case BUCKET -> "write arn:aws:s3:::BUCKET for the bucket and arn:aws:s3:::BUCKET/* for its objects";
            case VPC_ENDPOINT -> "write an S3 ARN: arn:aws:s3:::BUCKET, arn:aws:s3:::BUCKET/*, or an access point's ARN";
            default -> "write arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE, wildcards only inside a segment after the service";
        };
    }

    private interface Check {
        void accept(String value, String pointer);
    }

    private static void each(Values values, String pointer, Check check) {
        for (int i = 0; i < values.items().size(); i++) {
            check.accept(values.items().get(i), values.scalar() ? pointer : JsonPointer.child(pointer, i));
        }
    }

    static Optional<String> resourceProblem(String v, PolicyKind kind) {
        if (v.equals("*") || Placeholders.angle(v)) {
            return Optional.empty();
        }
        Optional<Arn> arn = Arn.parse(v);
        if (arn.isEmpty()) {
            return Optional.of(paddedByIam(v) && kind.identity() ? "\"" + v + "\" has fewer than an ARN's six parts; IAM accepts it"
                    + " and reads the missing parts as * (as its own error messages show), so it names more than it seems: "
                    + v + ":*".repeat(6 - v.split(":", -1).length) : "\"" + v + "\" is not an ARN");
        }
        Arn a = arn.get();
        if (!PARTITION.matcher(a.partition()).matches() && !a.partition().contains("${")) {
            return Optional.of("\"" + v + "\" has no valid partition (aws, aws-cn, aws-us-gov…)");
        }
        if (Wildcards.hasWildcard(a.service())) {
            return Optional.of("\"" + v + "\" has a wildcard in its service segment; IAM does not allow one there");
        }
        if (!SERVICE.matcher(a.service()).matches()) {
            return Optional.of("\"" + v + "\" has no valid service segment (s3, iam, kms…)");
        }
        if (a.service().equals("iam")) {
            Optional<String> iam = iamResourceProblem(v, a);
            if (iam.isPresent()) {
                return iam;
            }
        }
        boolean bucketOrObject = a.service().equals("s3") && a.region().isEmpty() && a.account().isEmpty();
        if (kind.anyService() && a.service().equals("s3") && !bucketOrObject && !a.resource().contains("/") && !a.resource().equals("*")
                && !a.resource().contains("${")) {
            return Optional.of("\"" + v + "\" names a bucket with a Region or account; a bucket or object ARN has neither"
                    + " (arn:aws:s3:::BUCKET), only access points, jobs and the like have them (IAM: \"can not contain region information\")");
        }
        if (kind.anyService() && !bucketOrObject) {
            // access points, Multi-Region access points, Object Lambda, other services: their own region and account
            return a.resource().isEmpty() ? Optional.of("\"" + v + "\" has an empty resource part") : Optional.empty();
        }
        if (a.service().equals("s3express")) {
            // a directory bucket: region and account in the ARN, bucket/NAME--AZID--x-s3 (s3-express-security-iam.html)
            return a.resource().startsWith("bucket/") && a.resource().endsWith("--x-s3") && AwsIds.isAccountId(a.account())
                    && !a.region().isEmpty() ? Optional.empty()
                    : Optional.of("\"" + v + "\" is not a directory bucket ARN (arn:aws:s3express:REGION:ACCOUNT:bucket/NAME--AZID--x-s3)");
        }
        if (!a.service().equals("s3")) {
            return Optional.of("\"" + v + "\" is not an S3 ARN; a bucket policy names only its bucket and objects");
        }
        if (!bucketOrObject) {
            return Optional.of("\"" + v + "\" has a region or account; S3 bucket and object ARNs have neither"
                    + " (arn:aws:s3:::BUCKET/KEY), and a bucket policy names only those");
        }
        if (a.resource().contains("${")) {
            return Optional.empty(); // a policy variable (its own "/" included) is resolved at request time
        }
        String bucket = a.resource().contains("/") ? a.resource().substring(0, a.resource().indexOf('/')) : a.resource();
        if (bucket.isEmpty() || !BUCKET_PATTERN.matcher(bucket).matches()) {
            return Optional.of("\"" + bucket + "\" in \"" + v + "\" is not a bucket name (letters, digits, dots, hyphens)");
        }
        return Optional.empty();
    }

    /** IAM's resource types, as CreatePolicy lists them when it refuses another ("IAM resource path must either be "*" or start with …"). */
    private static final List<String> IAM_RESOURCE_TYPES = List.of("user/", "federated-user/", "role/", "group/", "instance-profile/",
            "mfa/", "server-certificate/", "policy/", "sms-mfa/", "saml-provider/", "oidc-provider/", "report/", "access-report/");

    /** An IAM ARN IAM refuses: one with a Region ("cannot contain region information"), or of no IAM resource type. */
    private static Optional<String> iamResourceProblem(String v, Arn a) {
        if (!a.region().isEmpty()) {
            return Optional.of("\"" + v + "\" has a Region; IAM resources have none, and IAM refuses the policy (\"cannot contain"
                    + " region information\")");
        }
        if (a.resource().equals("*") || a.resource().contains("${") || IAM_RESOURCE_TYPES.stream().anyMatch(a.resource()::startsWith)) {
            return Optional.empty();
        }
        return Optional.of("\"" + v + "\" is of no IAM resource type; IAM refuses the policy (an IAM resource is * or starts with"
                + " user/, role/, group/, policy/, instance-profile/, …)");
    }

    /**
     * An ARN IAM accepts with fewer than six parts and pads ({@code arn:aws:fdsasf} is taken, and IAM's messages
     * show a short ARN as {@code arn:b:cadfsdf:*:*:*}): a partition and a service, no empty part.
     */
    static boolean paddedByIam(String v) {
        String[] parts = v.split(":", -1);
        return parts.length >= 3 && parts.length < 6 && parts[0].equals("arn") && PARTITION.matcher(parts[1]).matches()
                && SERVICE.matcher(parts[2]).matches() && !v.contains("::");
    }

    static Optional<String> principalProblem(String v) {
        if (v.equals("*") || AwsIds.isAccountId(v) || Placeholders.angle(v)) {
            return Optional.empty();
        }
        Optional<Arn> arn = Arn.parse(v);
        if (arn.isEmpty()) {
            return Optional.of("\"" + v + "\" is neither *, an account ID nor an ARN"
                    + (v.matches("[0-9]+") ? " (an account ID is 12 digits; this has " + v.length() + ")" : ""));
        }
        Arn a = arn.get();
        if (cloudFrontOai(a)) {
            return CLOUDFRONT_OAI_ID.matcher(a.resource().substring(CLOUDFRONT_OAI.length())).matches() ? Optional.empty()
                    : Optional.of("\"" + v + "\" is not a CloudFront origin access identity: the ID after \"" + CLOUDFRONT_OAI.trim()
                            + "\" is E and capital letters or digits");
        }
        boolean iam = a.service().equals("iam") && (a.resource().equals("root") || a.resource().startsWith("role/")
                || a.resource().startsWith("user/"));
        boolean sts = a.service().equals("sts") && (a.resource().startsWith("assumed-role/") || a.resource().startsWith("federated-user/"));
        if (!iam && !sts) {
            return Optional.of("\"" + v + "\" is not an IAM or STS principal ARN");
        }
        if (v.contains("*") || v.contains("?")) {
            return Optional.of("\"" + v + "\" has a wildcard; principals cannot be matched by pattern (use a condition on"
                    + " aws:PrincipalArn with ArnLike)");
        }
        return Optional.empty();
    }

    /** The legacy principal CloudFront uses for an origin access identity (the IAM account field is "cloudfront"). */
    static boolean cloudFrontOai(Arn a) {
        return a.service().equals("iam") && a.account().equals("cloudfront") && a.resource().startsWith(CLOUDFRONT_OAI);
    }
}
