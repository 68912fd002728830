package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags an organization-wide network perimeter — a Deny in an RCP or SCP with a negated operator on
 * aws:VpceOrgID or aws:VpceOrgPaths — that lacks the AWS-service exceptions AWS's data-perimeter policies
 * write beside it: {@code aws:PrincipalIsAWSService} false (AWS services acting with their own service
 * principals) and {@code aws:ViaAWSService} false (services acting with your credentials, forward access
 * sessions). "When AWS services make calls to other AWS services on your behalf … certain network-specific
 * authorization context is redacted. If your policy uses this condition key with Deny statements, AWS service
 * principals might be unintentionally blocked" (global condition keys, aws:VpceOrgID), and "the source VPC of
 * the initial request is not preserved" for FAS requests (aws:SourceVpc). Without them the perimeter denies
 * AWS services acting for you. The IfExists half is ifexists-deny-gap's: a {@code Bool} without IfExists on
 * those keys, or a {@code ForAnyValue:} negated guard on the organization keys, is flagged there; a plain
 * negated operator on aws:VpceOrgID decides as its IfExists form (both true when the key is absent), so it
 * is not flagged. An SCP needs only the aws:ViaAWSService exception: SCPs never reach service principals.
 * Not for bucket policies: there the owner names the services that get in (gtvpc's own
 * VPC-only policies deny every service but Ground Truth on purpose).
 */
public final class VpceOrgIdServiceExceptions extends BaseRule {
    private static final List<String> EXCEPTIONS = List.of("aws:PrincipalIsAWSService", "aws:ViaAWSService");

    public VpceOrgIdServiceExceptions() {
        super(RuleInfo.of("vpceorgid-service-exceptions", Severity.WARNING, RuleGroup.CONDITIONS, 120,
                "An organization's VPCE-org-ID network perimeter without the AWS-service exceptions (it denies AWS services acting"
                        + " for you).", Docs.GLOBAL_KEYS).onlyFor(PolicyKind.RCP, PolicyKind.SCP));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().effect().filter(Effect.DENY::equals).isEmpty()) {
                continue;
            }
            List<PolicyScan.EntryAt> entries = c.conditionEntries(s);
            PolicyScan.EntryAt guard = entries.stream().filter(e -> (Keys.is(e.entry().key(), "aws:vpceorgid")
                    || Keys.is(e.entry().key(), "aws:vpceorgpaths")) && e.block().operator().type().map(OperatorType::negated).orElse(false))
                    .findFirst().orElse(null);
            if (guard == null) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            // SCPs reach only the organization's IAM principals, never a service principal (orgs_manage_policies_scps.html):
            // AWS's SCP of this perimeter has only the aws:ViaAWSService exception, rightly
            for (String key : c.options().kind() == PolicyKind.SCP ? EXCEPTIONS.subList(1, 2) : EXCEPTIONS) {
                boolean present = entries.stream().anyMatch(e -> Keys.is(e.entry().key(), key.toLowerCase(java.util.Locale.ROOT))
                        && e.block().operator().type().filter(OperatorType.BOOL::equals).isPresent()
                        && e.entry().values().texts().stream().allMatch(v -> v.equalsIgnoreCase("false")));
                if (!present) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                c.reportAtName(guard.pointer(), "this network perimeter on " + guard.entry().key() + " has no " + String.join(" or ", missing)
                        + " exception: requests AWS services make for you carry no endpoint keys, so it denies them",
                        "add \"BoolIfExists\": {" + String.join(", ", missing.stream().map(k -> "\"" + k + "\": \"false\"").toList())
                                + "} to the statement, as AWS's data-perimeter policies do");
            }
        }
    }
}
