package dev.gtvpc.aws;

import java.util.List;
import java.util.Optional;

/**
 * AWS Organizations, read only: the organization, its roots, each account's and OU's parent, the
 * policies of one type attached to a target, and a policy's text. Each call needs the matching
 * organizations:Describe* or organizations:List* permission, on the management account or a delegated
 * administrator. A failed call is an {@link AwsCallFailed}; no SDK type crosses this interface.
 */
public interface OrganizationsReader {
    /** The organization's ID (o-…) and its management account. */
    record Organization(String id, String managementAccount) {
    }

    /** A policy attached to a target: its ID (p-…) and name; {@code awsManaged} for FullAWSAccess and RCPFullAWSAccess. */
    record AttachedPolicy(String id, String name, boolean awsManaged) {
    }

    /** The policy types gtvpc asks about, as the Organizations API names them. */
    enum PolicyType {
        RESOURCE_CONTROL_POLICY, SERVICE_CONTROL_POLICY
    }

    /** DescribeOrganization. */
    Organization organization();

    /** ListRoots (every page): the roots' IDs (r-…). Only the management account or a delegated administrator may call it. */
    List<String> roots();

    /** ListParents: the parent (a root r-… or an OU ou-…) of an account or OU; empty when it is not in the organization. */
    Optional<String> parent(String childId);

    /** ListPoliciesForTarget (every page) with the filter {@code type}. */
    List<AttachedPolicy> policiesFor(String targetId, PolicyType type);

    /** DescribePolicy: the policy's JSON text. */
    String policyText(String policyId);
}
