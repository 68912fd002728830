package dev.gtvpc.audit;

import dev.gtvpc.eval.PolicyValues;
import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inside an organization's RCPs draw, for a bucket whose own policy names no network: the RCP is then the
 * perimeter, and what its Deny statements exempt is taken as the inside, as the audit takes what a bucket
 * policy exempts (and says so). Read from negated operators (a value a Deny's NotIpAddress, StringNotEquals or
 * ArnNotLike lets through): aws:SourceIp ranges, aws:VpceOrgID naming the account's organization (every endpoint
 * of the organization is inside), aws:VpceAccount accounts (a third party's endpoints), aws:PrincipalArn roles of
 * the bucket's account (an account wildcard is read as the bucket's account); and an exemption of AWS services
 * (aws:PrincipalIsAWSService or aws:ViaAWSService tested for false): they must get in.
 */
record RcpExceptions(List<String> cidrs, boolean orgEndpoints, List<String> endpointAccounts, List<String> roles, boolean awsServices) {
    static final RcpExceptions NONE = new RcpExceptions(List.of(), false, List.of(), List.of(), false);

    static RcpExceptions of(List<LayerPolicy> rcps, String account, Optional<String> orgId, String partition) {
        if (rcps.isEmpty()) {
            return NONE;
        }
        Set<String> cidrs = new LinkedHashSet<>();
        Set<String> endpointAccounts = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        boolean orgEndpoints = false;
        boolean awsServices = false;
        for (PolicyScan.EntryAt e : PolicyScan.of(rcps.stream().map(LayerPolicy::policy).toList()).conditionEntries()) {
            Optional<OperatorType> type = e.block().operator().type();
            boolean negated = type.map(OperatorType::negated).orElse(false);
            switch (e.lowerKey()) {
                case "aws:sourceip" -> {
                    if (negated) {
                        e.values().stream().filter(v -> PolicyValues.readable(OperatorType.IP_ADDRESS, v)).forEach(cidrs::add);
                    }
                }
                case "aws:vpceorgid" -> orgEndpoints |= negated && orgId.filter(e.values()::contains).isPresent();
                case "aws:vpceaccount" -> {
                    if (negated) {
                        e.values().stream().filter(AwsIds::isAccountId).forEach(endpointAccounts::add);
                    }
                }
                case "aws:principalarn" -> {
                    if (negated) {
                        for (String v : e.values()) {
                            String arn = v.replace(":iam::*:", ":iam::" + account + ":");
                            if (!Wildcards.hasWildcard(arn) && AwsIds.checkPrincipalArn(arn, partition).isEmpty()
                                    && Arn.parse(arn).map(a -> a.account().equals(account)).orElse(false)) {
                                roles.add(arn);
                            }
                        }
                    }
                }
                case "aws:principalisawsservice", "aws:viaawsservice" -> awsServices |= type.filter(t -> t.family()
                        == OperatorType.Family.BOOLEAN).isPresent() && e.values().contains("false");
                default -> {
                }
            }
        }
        return new RcpExceptions(List.copyOf(cidrs), orgEndpoints, List.copyOf(endpointAccounts), List.copyOf(new ArrayList<>(roles)),
                awsServices);
    }

    boolean any() {
        return !cidrs.isEmpty() || orgEndpoints || !endpointAccounts.isEmpty() || !roles.isEmpty() || awsServices;
    }

    /** For the bucket's notes. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (!cidrs.isEmpty()) {
            parts.add("address ranges " + String.join(", ", cidrs));
        }
        if (orgEndpoints) {
            parts.add("every endpoint of the organization (aws:VpceOrgID)");
        }
        if (!endpointAccounts.isEmpty()) {
            parts.add("the endpoints of accounts " + String.join(", ", endpointAccounts));
        }
        if (!roles.isEmpty()) {
            parts.add("roles " + String.join(", ", roles));
        }
        if (awsServices) {
            parts.add("AWS services and calls through them");
        }
        return String.join("; ", parts);
    }
}
