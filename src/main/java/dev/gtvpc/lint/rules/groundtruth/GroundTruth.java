package dev.gtvpc.lint.rules.groundtruth;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.groundtruth.ActionSelection;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.rules.Keys;
import dev.gtvpc.lint.rules.S3Resources;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.policy.Wildcards;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the Ground Truth rules share: the bucket, Ground Truth's own request, and what an exemption is. */
public final class GroundTruth {
    /** The VPC Ground Truth's requests come from: not the user's, and unknown to them. */
    static final String GROUND_TRUTH_VPC = "vpc-0000000000000000f";
    static final Set<String> EXEMPTION_KEYS = Set.of(Keys.SOURCE_VPCE, Keys.SOURCE_VPC, Keys.PRINCIPAL_ARN);

    private GroundTruth() {
    }

    /** The policy's bucket: --bucket, else the first bucket its Resource names. */
    public static String bucket(LintContext c) {
        if (c.options().bucket().isPresent()) {
            return c.options().bucket().get();
        }
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().resource().isPresent()) {
                for (String r : s.statement().resource().get().resources().items()) {
                    Optional<String> b = S3Resources.bucket(r);
                    if (b.isPresent()) {
                        return b.get();
                    }
                }
            }
        }
        return "bucket";
    }

    /** An account the policy names (its principals or role ARNs), for Ground Truth's execution role. */
    public static String account(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().principal().isPresent()) {
                for (PrincipalEntry e : s.statement().principal().get().entries()) {
                    for (String id : e.ids().items()) {
                        if (AwsIds.isAccountId(id)) {
                            return id;
                        }
                    }
                }
            }
        }
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            for (String v : e.entry().values().texts()) {
                String[] parts = v.split(":");
                if (parts.length > 4 && AwsIds.isAccountId(parts[4])) {
                    return parts[4];
                }
            }
        }
        return "000000000000";
    }

    /** Ground Truth doing {@code action} through its endpoint in {@code region}, as the bucket's account's execution role. */
    static Request request(LintContext c, RegionInfo region, String action) {
        String bucket = bucket(c);
        boolean objectAction = !action.equals("s3:ListBucket") && !action.equals("s3:GetBucketLocation");
        String resource = "arn:" + region.partition().value() + ":s3:::" + bucket + (objectAction ? "/gtvpc-lint-probe" : "");
        String account = account(c);
        String role = "arn:" + region.partition().value() + ":iam::" + account + ":role/service-role/AmazonSageMaker-ExecutionRole";
        return new Request(action, resource, RequestPrincipal.parse(role), Optional.of(account), ContextKeys.of(Map.of(
                "aws:SourceVpce", List.of(region.groundTruthEndpoint().value()),
                "aws:SourceVpc", List.of(GROUND_TRUTH_VPC)))).withPrincipalKeys();
    }

    public static List<String> actions() {
        return ActionSelection.GROUND_TRUTH_ACTIONS;
    }

    static EvaluationResult evaluate(LintContext c, Request request) {
        return Evaluator.evaluate(c.policy(), request);
    }

    /** True when the statement is a Deny whose Action (or NotAction) covers {@code action}. */
    static boolean denies(PolicyScan.StatementAt s, String action) {
        if (s.statement().effect().filter(Effect.DENY::equals).isEmpty() || s.statement().action().isEmpty()) {
            return false;
        }
        ActionBlock a = s.statement().action().get();
        boolean named = a.actions().items().stream().anyMatch(p -> Wildcards.matchesIgnoreCase(p, action));
        return named != a.negated();
    }

    /** The exemption keys of a Deny: SourceVpce, SourceVpc or PrincipalArn under a negated operator (not ForAnyValue). */
    static List<String> exemptionKeys(LintContext c, PolicyScan.StatementAt s) {
        return c.conditionEntries(s).stream()
                .filter(e -> EXEMPTION_KEYS.contains(Keys.lower(e.entry().key())))
                .filter(e -> e.block().operator().type().map(OperatorType::negated).orElse(false))
                .filter(e -> e.block().operator().qualifier() != SetQualifier.FOR_ANY_VALUE)
                .map(e -> e.entry().key())
                .toList();
    }
}
