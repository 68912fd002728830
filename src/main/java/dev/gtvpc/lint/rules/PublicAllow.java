package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.lint.BaseRule;
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
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.Witnesses;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flags an Allow that makes a bucket policy public as S3 defines it ("The meaning of public", S3 Block
 * Public Access page): each Allow is judged on its own, by the conditions S3 counts ({@link PublicGrant}:
 * fixed values of the keys S3 lists). gtvpc asks the evaluator whether that statement alone allows an
 * anonymous caller, or a caller of an account the policy does not name (a stranger, who only needs to
 * allow himself in his own account), each action it names, on a resource its Resource names, over TLS
 * from the internet at an address the policy does not name or through an endpoint and VPC it does not
 * name. So an Allow to everyone whose only conditions are negated ({@code ArnNotEquals aws:PrincipalArn
 * …}), an Allow with NotPrincipal, an anonymous PutObject allowed over TLS 1.2 ({@code s3:TlsVersion} is
 * set by the caller), an Allow restricted only by aws:ResourceOrgID (which describes the bucket, not the
 * caller) or by a pattern of aws:SourceArn, are public; an Allow conditioned on fixed values of
 * aws:SourceVpce, aws:SourceIp (no broader than /8), aws:PrincipalOrgID … is not. An Allow that a
 * separate Deny of the same policy takes back is still public for S3 (Block Public Access refuses the
 * policy): the finding names that Deny. The finding is at each public Allow's Principal.
 */
public final class PublicAllow extends BaseRule {
    private static final String PUBLIC = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html";

    public PublicAllow() {
        super(RuleInfo.of("public-allow", Severity.SECURITY_WARNING, RuleGroup.S3, 30,
                "An Allow that makes the bucket public as S3 defines it (anonymous callers or any AWS account).", PUBLIC)
                .onlyFor(PolicyKind.BUCKET).needing(Need.EVALUATOR));
    }

    /** What a public Allow grants: to whom, which actions, and the Deny statements of the policy that take it back. */
    private record Grant(Set<String> anonymous, Set<String> strangers, Set<String> takenBackBy) {
    }

    @Override
    public void check(LintContext c) {
        Caller anyone = Probes.anonymous(c);
        Caller stranger = Probes.stranger(c);
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().effect().filter(Effect.ALLOW::equals).isEmpty() || s.statement().action().isEmpty()) {
                continue;
            }
            Policy judged = PublicGrant.judged(c.policy(), s.statement(), c.keys());
            Grant grant = new Grant(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
            for (String action : actions(c, s.statement().action().get())) {
                for (String resource : resources(c, s.statement(), action)) {
                    for (Origin origin : Probes.normalOrigins(c)) {
                        ask(c, judged, Probes.request(c, origin, anyone, action, resource, Map.of()), action, grant.anonymous(), grant);
                        ask(c, judged, Probes.request(c, origin, stranger, action, resource, Map.of()), action, grant.strangers(), grant);
                    }
                }
            }
            report(c, s, grant);
        }
    }

    /** Whether the Allow alone allows the request (then it grants {@code action}); and whether a Deny of the policy takes it back. */
    private static void ask(LintContext c, Policy judged, Request request, String action, Set<String> grants, Grant grant) {
        if (Evaluator.evaluate(judged, request).decision().filter(Decision.ALLOW::equals).isEmpty()) {
            return;
        }
        grants.add(action);
        EvaluationResult whole = Probes.evaluate(c, request);
        if (whole.decision().filter(Decision.EXPLICIT_DENY::equals).isPresent()) {
            whole.deciding().forEach(t -> grant.takenBackBy().add(c.statements().get(t.index()).label()));
        }
    }

    private static void report(LintContext c, PolicyScan.StatementAt s, Grant grant) {
        boolean anonymous = !grant.anonymous().isEmpty();
        Set<String> granted = anonymous ? grant.anonymous() : grant.strangers();
        if (granted.isEmpty()) {
            return;
        }
        List<String> actions = new ArrayList<>(granted);
        String named = actions.size() <= 3 ? String.join(", ", actions)
                : String.join(", ", actions.subList(0, 2)) + " and " + (actions.size() - 2) + " more actions";
        String who = anonymous ? "anonymous callers" : "principals of any AWS account";
        String takenBack = grant.takenBackBy().isEmpty() ? ""
                : "; statement" + (grant.takenBackBy().size() > 1 ? "s " : " ") + String.join(", ", grant.takenBackBy())
                        + " of this policy den" + (grant.takenBackBy().size() > 1 ? "y" : "ies") + " such requests, but S3 judges"
                        + " each grant by its own conditions, so Block Public Access refuses the policy all the same";
        c.report(s.pointer() + "/" + s.statement().principal().map(p -> p.elementName()).orElse("Principal"),
                "statement " + s.label() + " allows " + who + " " + named + " (asked over TLS, from the internet and through"
                        + " an endpoint the policy does not name, counting only the conditions S3 counts): the bucket is public as S3"
                        + " defines it" + takenBack,
                "name the principals, or add a condition with fixed values of a key S3 counts (aws:PrincipalOrgID, aws:SourceVpce,"
                        + " aws:SourceIp)" + (grant.takenBackBy().isEmpty() ? "" : ", in the Allow itself"));
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
            if (r.equals("*")) {
                out.add(c.space().resourceOf(action));
                continue;
            }
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
}
