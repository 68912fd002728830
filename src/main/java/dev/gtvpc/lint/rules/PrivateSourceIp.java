package dev.gtvpc.lint.rules;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.lint.BaseRule;
import dev.gtvpc.lint.Judges;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.RuleGroup;
import dev.gtvpc.lint.RuleInfo;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import java.util.List;
import java.util.Optional;

/**
 * Flags a private address range (RFC 1918, link-local, loopback, IPv6 unique-local) under a key that
 * holds the caller's public address (aws:SourceIp: "The aws:SourceIp condition key can only be used for
 * public IP address ranges"; through a VPC endpoint the key is absent and the private address is
 * aws:VpcSourceIp). No request carries such a value, so the condition never holds through it: a
 * "from my office network 192.168.1.0/24" Allow grants nothing, and the same range under NotIpAddress in
 * a Deny exempts nobody. A range that only overlaps private space (0.0.0.0/0, 10.0.0.0/7) is not
 * flagged, nor RFC 5737's documentation ranges (192.0.2.0/24), which are not private. Page: global
 * condition keys, aws:SourceIp.
 */
public final class PrivateSourceIp extends BaseRule {
    public PrivateSourceIp() {
        super(RuleInfo.of("private-source-ip", Severity.ERROR, RuleGroup.CONDITIONS, 65,
                "A private address range under aws:SourceIp, which holds the caller's public address.",
                Docs.GLOBAL_KEYS + "#condition-keys-sourceip").judging(Judges.VALUE_SHAPE));
    }

    @Override
    public void check(LintContext c) {
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            boolean ip = e.block().operator().type().map(t -> t.family() == OperatorType.Family.IP_ADDRESS).orElse(false);
            if (!ip || !c.keys().is(e.key(), ConditionKeyCatalog.Flag.PUBLIC_ADDRESS)) {
                continue;
            }
            List<String> values = e.values();
            for (int i = 0; i < values.size(); i++) {
                Optional<IpRanges.Range> range = IpRanges.parse(values.get(i));
                if (range.isPresent() && IpRanges.privateOnly(range.get())) {
                    c.report(e.valuePointer(i), "\"" + values.get(i) + "\" is a private address range under " + e.key() + ", which holds"
                            + " the caller's public address (and is absent through a VPC endpoint): " + NeverMatches.consequence(e),
                            "name the public addresses requests come from (a NAT gateway's), or test aws:VpcSourceIp together with"
                                    + " aws:SourceVpc or aws:SourceVpce for addresses inside a VPC");
                }
            }
        }
    }
}
