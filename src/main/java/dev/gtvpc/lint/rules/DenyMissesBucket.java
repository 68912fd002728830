package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Need;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalBlock;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flags a Deny that protects a bucket's objects but never reaches the bucket itself: its Action covers
 * bucket-level actions by a pattern or NotAction ({@code s3:*}, {@code s3:Put*}), but its Resource
 * names only {@code arn:aws:s3:::BUCKET/*}, every object of the bucket, so s3:ListBucket, s3:PutBucketPolicy, s3:PutBucketAcl and
 * the bucket's other actions stay open from anywhere the identity policies allow. gtvpc asks the
 * evaluator, for every bucket-level S3 action the statement's Action covers, whether the statement
 * (its principal and conditions set aside) denies it on {@code arn:aws:s3:::BUCKET}, and lists the
 * ones it never reaches. Actions named one by one are resource-type-mismatch's; a Deny whose Resource
 * also names the bucket, or {@code *}, is not flagged, nor one scoped to a prefix of objects. In
 * identity policies, SCPs and RCPs only a Deny on {@code arn:aws:s3:::*}{@code /*} is judged: it
 * reaches no bucket (a Deny there on one bucket's objects is about those objects, as in AWS's
 * resource-perimeter SCP). Not flagged either: one
 * ({@code bucket/taxdocuments/*}: it is about those objects, not the bucket). Runs with or without --region. Page: the S3
 * actions' resource types (Service Authorization Reference) and the S3 bucket-policy examples, which
 * name both the bucket and its objects.
 */
public final class DenyMissesBucket extends BaseRule {
    private static final List<String> FIRST = List.of("s3:ListBucket", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketAcl",
            "s3:GetBucketPolicy");

    public DenyMissesBucket() {
        super(RuleInfo.of("deny-misses-bucket", Severity.SECURITY_WARNING, RuleGroup.S3, 40,
                "A Deny on bucket/* whose actions include bucket-level ones (s3:*): those stay open.", Docs.S3_ACTIONS)
                .notFor(PolicyKind.VPC_ENDPOINT).needing(Need.EVALUATOR).judging(Judges.RESOURCES));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            Statement st = s.statement();
            if (st.effect().filter(Effect.DENY::equals).isEmpty() || st.action().isEmpty() || st.resource().isEmpty()
                    || st.resource().get().negated()) {
                continue;
            }
            // every object of the bucket: a Deny scoped to a prefix (bucket/taxdocuments/*) is about those objects alone
            // outside a bucket policy a Deny on one bucket's objects is about those objects (AWS-owned buckets in perimeter SCPs)
            Optional<String> bucket = c.options().kind().anyService() ? Optional.empty()
                    : st.resource().get().resources().items().stream().filter(r -> r.endsWith("/*")
                    && S3Resources.bucket(r).map(b -> r.endsWith(":" + b + "/*")).orElse(false))
                    .map(S3Resources::bucket).flatMap(Optional::stream).findFirst();
            // arn:aws:s3:::*/* (an identity policy's or SCP's every object): no bucket at all is reached
            boolean everyObject = st.resource().get().resources().items().stream().anyMatch(r -> r.matches("arn:[a-z-]+:s3:::\\*/\\*"));
            if (bucket.isEmpty() && everyObject) {
                bucket = Optional.of("gtvpc-lint-any-bucket");
            }
            if (bucket.isEmpty()) {
                continue;
            }
            String partition = st.resource().get().resources().items().get(0).startsWith("arn:aws-cn:") ? "aws-cn"
                    : st.resource().get().resources().items().get(0).startsWith("arn:aws-us-gov:") ? "aws-us-gov" : "aws";
            String bucketArn = "arn:" + partition + ":s3:::" + bucket.get();
            // the statement alone, for everyone and whatever the request says: does its Resource reach the bucket?
            Policy alone = Policy.builder().statements(List.of(st.toBuilder().principal(PrincipalBlock.everyone()).condition(null).build()))
                    .build();
            Set<String> missed = new LinkedHashSet<>();
            for (String action : bucketActions(c, st.action().get())) {
                Request r = new Request(action, bucketArn, RequestPrincipal.ANONYMOUS, Optional.empty(), ContextKeys.of(Map.of()));
                if (Evaluator.evaluate(alone, r).decision().filter(Decision.EXPLICIT_DENY::equals).isEmpty()) {
                    missed.add(action);
                }
            }
            if (missed.isEmpty()) {
                continue;
            }
            List<String> shown = new ArrayList<>();
            FIRST.stream().filter(missed::contains).forEach(shown::add);
            missed.stream().filter(a -> !shown.contains(a)).forEach(shown::add);
            String named = shown.size() <= 4 ? String.join(", ", shown)
                    : String.join(", ", shown.subList(0, 4)) + " and " + (shown.size() - 4) + " more bucket actions";
            String target = bucket.get().equals("gtvpc-lint-any-bucket") ? "a bucket" : bucketArn;
            c.report(s.pointer() + "/Resource", "statement " + s.label() + " denies " + st.action().get().actions().items()
                    + " only on objects: its Resource never names " + target + ", so " + named
                    + " stay open from anywhere the identity policies allow", "add \"" + bucketArn + "\" to its Resource");
        }
    }

    /** The bucket-level S3 actions the element covers by a pattern or by NotAction (not those it names one by one). */
    private static List<String> bucketActions(LintContext c, ActionBlock block) {
        List<String> out = new ArrayList<>();
        for (S3ActionCatalog.Action a : c.actions().actions()) {
            if (!a.onBucket() || a.onObjects()) {
                continue;
            }
            String name = a.qualifiedName();
            boolean literal = block.actions().items().stream().anyMatch(p -> !Wildcards.hasWildcard(p) && p.equalsIgnoreCase(name));
            boolean named = block.actions().items().stream().anyMatch(p -> Wildcards.matchesIgnoreCase(p, name));
            if (named != block.negated() && !literal) {
                out.add(name);
            }
        }
        return out;
    }
}
