package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.S3ActionCatalog;
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
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.Witnesses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flags a bucket policy that allows the public: gtvpc asks the evaluator whether an anonymous caller,
 * or a caller of an account the policy does not name (a stranger, who only needs to allow himself in
 * his own account), is allowed each action an Allow statement names, on a resource its Resource names,
 * over TLS from the internet at an address the policy does not name or through an endpoint and VPC it
 * does not name. Keys a caller sets himself (aws:Referer, aws:UserAgent, the request's own s3: keys
 * such as s3:prefix or s3:x-amz-acl, request tags) and the time are given whatever the statement's
 * positive conditions ask for: they restrict nobody. So an Allow to everyone whose only conditions
 * are negated ({@code ArnNotEquals aws:PrincipalArn …}), or an Allow with NotPrincipal, is public; an
 * Allow whose conditions name the caller's network, account or organization (aws:SourceVpce,
 * aws:SourceIp, aws:PrincipalOrgID…) is not, nor one that a Deny of the same policy takes back. The
 * finding is at the Allow statements that decided. Page: "The meaning of public" in the S3 Block
 * Public Access page.
 */
public final class PublicAllow extends BaseRule {
    private static final String PUBLIC = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html";

    public PublicAllow() {
        super(RuleInfo.of("public-allow", Severity.SECURITY_WARNING, RuleGroup.S3, 30,
                "The policy allows anonymous callers or any AWS account.", PUBLIC).onlyFor(PolicyKind.BUCKET).needing(Need.EVALUATOR));
    }

    @Override
    public void check(LintContext c) {
        Map<Integer, Set<String>> anonymous = new LinkedHashMap<>();
        Map<Integer, Set<String>> strangers = new LinkedHashMap<>();
        Caller anyone = Probes.anonymous(c);
        Caller stranger = Probes.stranger(c);
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().effect().filter(Effect.ALLOW::equals).isEmpty() || s.statement().action().isEmpty()) {
                continue;
            }
            Map<String, List<String>> callerKeys = callerSetKeys(c, s);
            for (String action : actions(c, s.statement().action().get())) {
                for (String resource : resources(c, s.statement(), action)) {
                    for (Origin origin : Probes.normalOrigins(c)) {
                        record(Probes.evaluate(c, Probes.request(c, origin, anyone, action, resource, callerKeys)), action, anonymous);
                        record(Probes.evaluate(c, Probes.request(c, origin, stranger, action, resource, callerKeys)), action, strangers);
                    }
                }
            }
        }
        Set<Integer> reported = new LinkedHashSet<>();
        report(c, anonymous, "anonymous callers", reported);
        report(c, strangers, "principals of any AWS account", reported);
    }

    private static void record(EvaluationResult r, String action, Map<Integer, Set<String>> into) {
        if (r.decision().filter(Decision.ALLOW::equals).isPresent()) {
            for (StatementTrace t : r.deciding()) {
                into.computeIfAbsent(t.index(), k -> new LinkedHashSet<>()).add(action);
            }
        }
    }

    private static void report(LintContext c, Map<Integer, Set<String>> allowed, String who, Set<Integer> reported) {
        for (Map.Entry<Integer, Set<String>> e : allowed.entrySet()) {
            if (!reported.add(e.getKey())) {
                continue;
            }
            PolicyScan.StatementAt s = c.statements().get(e.getKey());
            List<String> actions = new ArrayList<>(e.getValue());
            String named = actions.size() <= 3 ? String.join(", ", actions)
                    : String.join(", ", actions.subList(0, 2)) + " and " + (actions.size() - 2) + " more actions";
            c.report(s.pointer() + "/" + s.statement().principal().map(p -> p.elementName()).orElse("Principal"),
                    "statement " + s.label() + " allows " + who + " " + named + " (asked over TLS, from the internet and through"
                            + " an endpoint the policy does not name): the bucket is public for them",
                    "name the principals, or add a condition on who or where they are (aws:PrincipalOrgID, aws:SourceVpce,"
                            + " aws:SourceIp)");
        }
    }

    /** The S3 actions the element covers (for a pattern or NotAction, every catalogue action it covers). */
    private static List<String> actions(LintContext c, ActionBlock block) {
        List<String> out = new ArrayList<>();
        for (S3ActionCatalog.Action a : c.actions().actions()) {
            boolean named = block.actions().items().stream().anyMatch(p -> Wildcards.matchesIgnoreCase(p, a.qualifiedName()));
            if (named != block.negated()) {
                out.add(a.qualifiedName());
            }
        }
        return out;
    }

    /** A member of each Resource pattern that fits the action's resource type (the space's own for NotResource). */
    private static List<String> resources(LintContext c, Statement s, String action) {
        boolean onObjects = c.actions().find(action).map(S3ActionCatalog.Action::onObjects).orElse(true);
        boolean onBucket = c.actions().find(action).map(S3ActionCatalog.Action::onBucket).orElse(false);
        List<String> out = new ArrayList<>();
        if (s.resource().isEmpty() || s.resource().get().negated()) {
            out.add(c.space().resourceOf(action));
            return out;
        }
        for (String r : s.resource().get().resources().items()) {
            String member = Witnesses.witness(r);
            boolean names = member.startsWith("arn:") && member.split(":", 6).length == 6;
            if (!names) {
                continue;
            }
            boolean object = member.split(":", 6)[5].contains("/");
            if (object && onObjects || !object && onBucket) {
                out.add(member);
            }
        }
        return out;
    }

    /** Keys the caller sends as he likes (and the clock), set to what the statement's positive conditions ask. */
    private static Map<String, List<String>> callerSetKeys(LintContext c, PolicyScan.StatementAt s) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (PolicyScan.EntryAt e : c.conditionEntries(s)) {
            boolean callerSet = c.keys().is(e.entry().key(), ConditionKeyCatalog.Flag.CALLER_CONTROLLED);
            boolean positive = e.block().operator().type().map(t -> !t.negated() && t != OperatorType.NULL).orElse(false);
            if (callerSet && positive && !e.entry().values().texts().isEmpty()) {
                String v = Witnesses.witness(e.entry().values().texts().get(0));
                keys.put(e.entry().key(), List.of(v));
            }
        }
        return keys;
    }
}
