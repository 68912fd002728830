package dev.gtvpc.rcp;

import java.util.List;
import java.util.Objects;

/**
 * What {@code rcp generate} writes the network perimeter for.
 *
 * @param orgId            the organization whose VPC endpoints are inside ({@code aws:VpceOrgID})
 * @param cidrs            corporate address ranges whose requests over the internet are inside ({@code aws:SourceIp})
 * @param endpointAccounts third parties whose VPC endpoints are inside ({@code aws:VpceAccount})
 * @param serviceAccounts  accounts whose principals are inside from any network ({@code aws:PrincipalAccount}), e.g.
 *                         the Elastic Load Balancing account that delivers access logs
 * @param excludeTags      principals and resources tagged {@code dp:exclude:network=true} are outside the perimeter's reach
 * @param onlyTagged       the perimeter reaches only principals tagged {@code dp:include:network=true}, as the guidance's does
 * @param serviceEndpoints VPC endpoints owned by an AWS service (Ground Truth's), inside by their IDs ({@code aws:SourceVpce})
 * @param actions          what the Deny covers: service prefixes RCPs support, {@code s3:*} and the like
 * @param sid              the statement's Sid
 */
public record NetworkRcpRequest(String orgId, List<String> cidrs, List<String> endpointAccounts, List<String> serviceAccounts,
        boolean excludeTags, boolean onlyTagged, List<ServiceEndpoint> serviceEndpoints, List<String> actions, String sid) {

    /** The Sid of the guidance's statement. */
    public static final String DEFAULT_SID = "EnforceNetworkPerimeterVpceOrgID";
    /** The guidance's actions (its file at aws-samples/data-perimeter-policy-examples@8e0d3c5). */
    public static final List<String> GUIDANCE_ACTIONS = List.of("cognito-identity:*", "ecr:*", "kms:*", "s3:*", "sqs:*");

    /** An endpoint an AWS service owns, with the words that say whose it is ("Ground Truth in us-east-1"). */
    public record ServiceEndpoint(String endpoint, String label) {
        public ServiceEndpoint {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(label, "label");
        }
    }

    public NetworkRcpRequest {
        Objects.requireNonNull(orgId, "orgId");
        cidrs = List.copyOf(cidrs);
        endpointAccounts = List.copyOf(endpointAccounts);
        serviceAccounts = List.copyOf(serviceAccounts);
        serviceEndpoints = List.copyOf(serviceEndpoints);
        actions = List.copyOf(actions);
        Objects.requireNonNull(sid, "sid");
    }
}
