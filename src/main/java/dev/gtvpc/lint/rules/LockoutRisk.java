package dev.gtvpc.lint.rules;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.Need;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.PrincipalType;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.RequestSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flags a policy under which an administrator working normally loses s3:GetBucketPolicy,
 * s3:PutBucketPolicy or s3:DeleteBucketPolicy on the bucket — after that "only the root principal in
 * a bucket owner's account" can change or delete it. gtvpc asks the evaluator, for each of the three
 * actions, what the policy decides for administrators of the bucket's account (a role session of no
 * special name, and every principal the policy exempts by aws:PrincipalArn (but a service-linked
 * role, whose permissions the service fixes: Macie's role cannot manage bucket policies), aws:PrincipalAccount,
 * aws:userid, aws:username, aws:PrincipalOrgID, aws:PrincipalOrgPaths, a principal tag or
 * NotPrincipal, each with what makes it exempt), over TLS, from the internet at an address the policy
 * does not name and through a VPC endpoint and VPC it does not name. It reports the action only when
 * every one of those administrators is explicitly denied it from both places, at the Deny statements
 * that decided.
 *
 * <p>So a Deny of insecure transport (aws:SecureTransport false), the most common bucket policy there
 * is, never draws it, nor a Deny that exempts an administrator role, nor one that still lets
 * administrators in from the internet or through any endpoint; a Deny that lets in only one named
 * network (one endpoint, one VPC, one address range) and exempts no principal does. Statements the
 * evaluator cannot decide (an unknown operator) make it say nothing. Page: DeleteBucketPolicy (the
 * root-user note) and the S3 VPC endpoint bucket-policy examples' warning.
 */
public final class LockoutRisk extends BaseRule {
    private static final List<String> POLICY_ACTIONS = List.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");
    public LockoutRisk() {
        super(RuleInfo.of("lockout-risk", Severity.SECURITY_WARNING, RuleGroup.SAFETY, 20,
                "Administrators working normally lose Get/Put/DeleteBucketPolicy on the bucket (only the root user could fix it).",
                Docs.DELETE_BUCKET_POLICY).onlyFor(PolicyKind.BUCKET).needing(Need.EVALUATOR));
    }

    /** An administrator: who it is and the context keys that exempt it. */
    private record Admin(Caller who, Map<String, List<String>> keys) {
    }

    @Override
    public void check(LintContext c) {
        List<Admin> admins = administrators(c);
        List<Origin> origins = Probes.normalOrigins(c);
        String bucket = c.space().perimeter().bucketArn();
        Map<Integer, List<String>> lostBy = new LinkedHashMap<>();
        for (String action : POLICY_ACTIONS) {
            Set<Integer> deciding = new LinkedHashSet<>();
            boolean someoneKeepsIt = false;
            for (Admin admin : admins) {
                for (Origin origin : origins) {
                    EvaluationResult r = Probes.evaluate(c, Probes.request(c, origin, admin.who(), action, bucket, admin.keys()));
                    if (r.decision().isEmpty()) {
                        return; // a statement gtvpc cannot decide: no claim either way
                    }
                    if (r.decision().get() != Decision.EXPLICIT_DENY) {
                        someoneKeepsIt = true;
                    } else {
                        r.deciding().stream().map(StatementTrace::index).forEach(deciding::add);
                    }
                }
            }
            if (!someoneKeepsIt) {
                for (int i : deciding) {
                    lostBy.computeIfAbsent(i, k -> new ArrayList<>()).add(action);
                }
            }
        }
        for (Map.Entry<Integer, List<String>> e : lostBy.entrySet()) {
            PolicyScan.StatementAt s = c.statements().get(e.getKey());
            c.report(s.pointer(), "statement " + s.label() + " denies " + String.join(", ", e.getValue()) + " to every administrator"
                    + " of the bucket's account working over TLS from the internet or through an endpoint it does not name: once"
                    + " applied, only the account's root user could change or delete this policy", fix(s.statement(), c));
        }
    }

    /** A role session of no special name, plus every principal the policy exempts, each with what exempts it. */
    private static List<Admin> administrators(LintContext c) {
        String account = Probes.account(c);
        Caller probe = Probes.administrator(c);
        List<Admin> admins = new ArrayList<>();
        admins.add(new Admin(probe, Map.of()));
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            String key = Keys.lower(e.entry().key());
            boolean negated = e.block().operator().type().map(OperatorType::negated).orElse(false);
            if (!negated || !c.keys().is(key, ConditionKeyCatalog.Flag.NAMES_PRINCIPAL)) {
                continue;
            }
            for (String value : e.entry().values().texts()) {
                String v = RequestSpace.principalWitness(value, account);
                if (key.equals("aws:principalarn")) {
                    if (!v.contains(":role/aws-service-role/")) { // a service-linked role's permissions are the service's, not an administrator's
                        admins.add(new Admin(c.space().sessionOrSelf(v), Map.of()));
                    }
                } else if (key.equals("aws:principalaccount")) {
                    admins.add(new Admin(c.space().principalOf(v), Map.of()));
                } else {
                    admins.add(new Admin(probe, Map.of(e.entry().key(), List.of(v))));
                }
            }
        }
        for (PolicyScan.StatementAt s : c.statements()) {
            s.statement().principal().filter(p -> p.negated()).ifPresent(p -> {
                for (PrincipalEntry entry : p.entries()) {
                    if (entry.type() == PrincipalType.AWS) {
                        entry.ids().items().stream().filter(id -> id.startsWith("arn:"))
                                .forEach(id -> admins.add(new Admin(c.space().sessionOrSelf(id), Map.of())));
                    }
                }
            });
        }
        return admins;
    }

    /** How to keep an administrator in, for the statement as it is written. */
    private static String fix(Statement s, LintContext c) {
        String admin = "arn:" + Probes.partition(c) + ":iam::" + Probes.account(c) + ":role/ADMIN-ROLE";
        String exempt;
        ConditionBlock negatedBlock = s.condition().flatMap(cond -> cond.blocks().stream()
                .filter(b -> b.operator().type().filter(t -> t.negated() && (t.family() == OperatorType.Family.STRING
                        || t.family() == OperatorType.Family.ARN)).isPresent() && b.operator().qualifier() == SetQualifier.NONE)
                .findFirst()).orElse(null);
        if (negatedBlock != null) {
            exempt = "exempt an administrator role: add \"aws:PrincipalArn\": \"" + admin + "\" to its " + negatedBlock.operator().text()
                    + " block";
        } else {
            exempt = "exempt an administrator role: add \"ArnNotEquals\": {\"aws:PrincipalArn\": \"" + admin + "\"} to its Condition";
        }
        boolean wildcardAction = s.action().map(a -> !a.negated() && a.actions().items().stream()
                .anyMatch(x -> Wildcards.hasWildcard(x))).orElse(false);
        String narrow = s.action().map(a -> a.negated()
                ? "or add s3:GetBucketPolicy, s3:PutBucketPolicy and s3:DeleteBucketPolicy to its NotAction"
                : wildcardAction ? "or list the data actions instead of " + a.actions().items().stream().filter(Wildcards::hasWildcard)
                        .findFirst().orElse("the pattern")
                : "or leave the bucket-policy actions out of its Action").orElse("");
        return exempt + ", " + narrow;
    }
}
