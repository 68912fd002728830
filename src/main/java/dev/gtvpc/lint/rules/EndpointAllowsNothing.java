package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Effect;

/**
 * Flags a VPC endpoint policy without an Allow statement: an endpoint policy "does not grant any
 * permissions" by itself but only limits them, and a request through the endpoint must be allowed by
 * it, so with Deny statements alone nothing passes the endpoint. Runs with
 * {@code --policy-type vpc-endpoint} only. Page: "Control access to VPC endpoints using endpoint
 * policies".
 */
public final class EndpointAllowsNothing extends BaseRule {
    public EndpointAllowsNothing() {
        super(RuleInfo.of("endpoint-allows-nothing", Severity.ERROR, RuleGroup.S3, 50,
                "A VPC endpoint policy with no Allow: nothing passes the endpoint.", Docs.ENDPOINT_POLICIES));
    }

    @Override
    public void check(LintContext c) {
        if (c.options().kind() != PolicyKind.VPC_ENDPOINT || c.statements().isEmpty()) {
            return;
        }
        boolean allows = c.statements().stream().anyMatch(s -> s.statement().effect().filter(Effect.ALLOW::equals).isPresent());
        if (!allows) {
            c.report("/Statement", "this endpoint policy has no Allow statement: a request through the endpoint must be allowed by"
                    + " its policy, so nothing passes the endpoint", "add an Allow for what the VPC needs (gtvpc endpoint-policy"
                    + " generate writes one), and keep the Deny statements beside it");
        }
    }
}
