package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Flags a "VPC restriction" written as an Allow: an Allow for everyone ({@code "Principal": "*"})
 * conditioned on where requests come from ({@code StringEquals aws:SourceVpc}, {@code aws:SourceVpce},
 * {@code IpAddress aws:SourceIp}: the keys the catalogue says the network sets) in a bucket policy
 * where no Deny tests where requests come from. An Allow adds access and takes none away: "If an action
 * is allowed by an identity-based policy, a resource-based policy, or both, then AWS allows the action"
 * for a principal of the bucket's own account, so every such principal whose IAM policies allow the
 * actions still reaches the bucket from anywhere. The S3 User Guide writes the restriction as a Deny
 * with {@code StringNotEquals}. Deliberately not flagged: an Allow that names its principals (narrowing
 * a grant to another account's role to its endpoint is a grant, not a perimeter), negated operators,
 * and any policy with a Deny on a network key (verify judges whether that Deny holds). Endpoint policies
 * are not bucket policies: there the Allow is the restriction. Pages: policy evaluation logic (same
 * account); S3 User Guide, controlling access from VPC endpoints with bucket policies.
 */
public final class NetworkRestrictionAsAllow extends BaseRule {
    public NetworkRestrictionAsAllow() {
        super(RuleInfo.of("network-restriction-as-allow", Severity.SECURITY_WARNING, RuleGroup.S3, 45,
                "An Allow conditioned on the network, with no Deny: it keeps nobody of the bucket's account out.",
                Docs.S3_VPC_ENDPOINT_POLICIES).onlyFor(PolicyKind.BUCKET));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            if (network(c, e) && e.statement().statement().effect().filter(Effect.DENY::equals).isPresent()) {
                return;
            }
        }
        for (PolicyScan.StatementAt s : c.statements()) {
            boolean everyone = s.statement().principal().map(p -> p.coversEveryone()).orElse(false);
            if (!everyone || s.statement().effect().filter(Effect.ALLOW::equals).isEmpty()) {
                continue;
            }
            List<PolicyScan.EntryAt> restrictions = c.conditionEntries(s).stream().filter(e -> network(c, e) && positive(e)).toList();
            if (restrictions.isEmpty()) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            restrictions.forEach(e -> keys.add(e.key()));
            PolicyScan.EntryAt first = restrictions.get(0);
            c.reportAtName(first.pointer(), "statement " + s.label() + " lets everyone in from where its " + String.join(" and ", keys)
                    + " condition" + (keys.size() > 1 ? "s say" : " says") + ", but an Allow takes no access away and no Deny of this policy"
                    + " tests where requests come from: principals of the bucket's own account whose IAM policies allow these actions"
                    + " still reach the bucket from anywhere",
                    "write the restriction as a Deny: \"Effect\": \"Deny\", \"Principal\": \"*\" with StringNotEquals on "
                            + first.key() + " (gtvpc policy generate writes one)");
        }
    }

    private static boolean network(LintContext c, PolicyScan.EntryAt e) {
        return c.keys().from(e.key(), ConditionKeyCatalog.Origin.NETWORK);
    }

    private static boolean positive(PolicyScan.EntryAt e) {
        return e.block().operator().type().map(t -> !t.negated() && t != OperatorType.NULL).orElse(false);
    }
}
