package dev.gtvpc.rcp;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Condition;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.ConditionValue;
import dev.gtvpc.policy.ConditionValues;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PrincipalBlock;
import dev.gtvpc.policy.ResourceBlock;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the guidance's network-perimeter RCP: one Deny for {@code "Principal": "*"} on {@code Resource "*"}
 * that applies only when every condition holds — the request comes from none of the corporate ranges, through
 * no endpoint of the organization, of a named third party or of a named AWS service, from no named account,
 * by no AWS service principal nor a service acting with the caller's credentials, nor by EC2's infrastructure
 * role (and, as chosen, the principal and resource carry no {@code dp:exclude:network} tag, the principal
 * carries {@code dp:include:network}). The guidance writes every exception with {@code …IfExists}: for the
 * negated operators that decides as without, but for {@code BoolIfExists} it keeps unsigned requests (which
 * carry no {@code aws:PrincipalIsAWSService}) inside the Deny. An exception the user does not name is left out
 * rather than written with a placeholder.
 */
public final class NetworkRcp {
    /** The role EC2 uses for its own infrastructure, which the guidance exempts (its README: "service roles"). */
    public static final String EC2_INFRASTRUCTURE_ROLE = "arn:aws:iam::*:role/aws:ec2-infrastructure";
    private static final Pattern SERVICE_ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*?]+");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]+");

    private NetworkRcp() {
    }

    public static Policy generate(NetworkRcpRequest request) {
        check(request);
        List<ConditionBlock> blocks = new ArrayList<>();
        if (!request.cidrs().isEmpty()) {
            blocks.add(block(OperatorType.NOT_IP_ADDRESS, List.of(entry("aws:SourceIp", request.cidrs()))));
        }
        List<ConditionEntry> exceptions = new ArrayList<>();
        exceptions.add(entry("aws:VpceOrgID", List.of(request.orgId())));
        if (!request.serviceEndpoints().isEmpty()) {
            exceptions.add(entry("aws:SourceVpce", request.serviceEndpoints().stream().map(NetworkRcpRequest.ServiceEndpoint::endpoint).toList()));
        }
        if (request.excludeTags()) {
            exceptions.add(entry("aws:PrincipalTag/dp:exclude:network", List.of("true")));
        }
        if (!request.serviceAccounts().isEmpty()) {
            exceptions.add(entry("aws:PrincipalAccount", request.serviceAccounts()));
        }
        if (!request.endpointAccounts().isEmpty()) {
            exceptions.add(entry("aws:VpceAccount", request.endpointAccounts()));
        }
        if (request.excludeTags()) {
            exceptions.add(entry("aws:ResourceTag/dp:exclude:network", List.of("true")));
        }
        blocks.add(block(OperatorType.STRING_NOT_EQUALS, exceptions));
        blocks.add(block(OperatorType.BOOL, List.of(entry("aws:PrincipalIsAWSService", List.of("false")),
                entry("aws:ViaAWSService", List.of("false")))));
        // an array of one, as the guidance writes it, so that the two compare equal
        blocks.add(block(OperatorType.ARN_NOT_LIKE, List.of(new ConditionEntry("aws:PrincipalArn",
                new ConditionValues(List.of(ConditionValue.string(EC2_INFRASTRUCTURE_ROLE)), false)))));
        if (request.onlyTagged()) {
            blocks.add(new ConditionBlock(ConditionOperator.of(SetQualifier.NONE, OperatorType.STRING_EQUALS, false),
                    List.of(entry("aws:PrincipalTag/dp:include:network", List.of("true")))));
        }
        Statement deny = Statement.builder()
                .sid(request.sid())
                .effect(Effect.DENY)
                .principal(PrincipalBlock.everyone())
                .action(new ActionBlock(false, Values.natural(distinct(request.actions()))))
                .resource(new ResourceBlock(false, Values.of("*")))
                .condition(new Condition(blocks))
                .build();
        return Policy.builder().statement(deny).build();
    }

    private static void check(NetworkRcpRequest request) {
        AwsIds.checkOrgId(request.orgId()).ifPresent(p -> {
            throw GtvpcException.badInput("--org-id: " + p);
        });
        for (String cidr : request.cidrs()) {
            if (cidr.endsWith("/0")) {
                throw GtvpcException.badInput("--cidr: '" + cidr + "' holds every address: such a perimeter leaves the internet inside");
            }
        }
        for (String account : request.endpointAccounts()) {
            requireAccount("--vpce-account", account);
        }
        for (String account : request.serviceAccounts()) {
            requireAccount("--service-account", account);
        }
        for (NetworkRcpRequest.ServiceEndpoint e : request.serviceEndpoints()) {
            AwsIds.checkVpceId(e.endpoint()).ifPresent(p -> {
                throw GtvpcException.badInput(e.label() + ": " + p);
            });
        }
        if (request.actions().isEmpty()) {
            throw GtvpcException.badInput("--actions names no action");
        }
        for (String action : request.actions()) {
            if (!SERVICE_ACTION.matcher(action).matches()) {
                throw GtvpcException.badInput("--actions: '" + action + "' is not service:Action (an RCP names actions by their"
                        + " service prefix, e.g. s3:* or kms:*)");
            }
        }
        if (!SID.matcher(request.sid()).matches()) {
            throw GtvpcException.badInput("--sid: '" + request.sid() + "' is not a Sid: letters and digits only (IAM's grammar,"
                    + " which Organizations applies to RCPs)");
        }
    }

    private static void requireAccount(String option, String account) {
        if (!AwsIds.isAccountId(account)) {
            throw GtvpcException.badInput(option + ": '" + account + "' is not a 12-digit account ID");
        }
    }

    private static ConditionBlock block(OperatorType type, List<ConditionEntry> entries) {
        return new ConditionBlock(ConditionOperator.of(SetQualifier.NONE, type, true), entries);
    }

    private static ConditionEntry entry(String key, List<String> values) {
        return new ConditionEntry(key, ConditionValues.strings(distinct(values)));
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
