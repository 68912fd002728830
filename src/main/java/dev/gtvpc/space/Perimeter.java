package dev.gtvpc.space;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the requests of a space are about and who is inside: the bucket, its account and that account's
 * organization, the user's VPCs, endpoints, address ranges and principals, the accounts and AWS services
 * that must get in, and the service endpoints (Ground Truth's) an AWS account owns. Only the bucket is
 * required: lint knows little more than the policy shows ({@link ShownPerimeter}); verify knows what the
 * user says ({@code VerifyInputs}).
 *
 * <p>Each part is a dimension of the space, not a filter on it: the space still holds the requests from
 * outside, and {@link RequestSpace#outsideOrigins()} and {@link RequestSpace#outsideCallers()} say which those
 * are. A new dimension (a VPC's Region and owner, an endpoint owner's organization, principal or resource
 * tags) is a new method here with a default that adds nothing, so every perimeter keeps meaning what it did.
 */
public interface Perimeter {
    /** An endpoint an AWS service sends its requests through, and the actions it needs there. */
    interface ServiceEndpoint {
        String endpoint();

        List<String> actions();
    }

    /** The bucket's region: the Region of a VPC's ARN (aws:SourceVpcArn). */
    String region();

    String partition();

    String bucket();

    String bucketAccount();

    /**
     * A directory bucket (S3 Express One Zone): its name ends in {@code --x-s3}, which a general purpose bucket's
     * may not (bucketnamingrules.html; only a us-east-1 bucket made before March 2018 could, taken here as a
     * directory bucket). Its ARN is {@code arn:PARTITION:s3express:REGION:ACCOUNT:bucket/NAME} and its policy grants
     * {@code s3express:} actions (s3-express-security-iam-example-bucket-policies.html).
     */
    default boolean directoryBucket() {
        return bucket().endsWith("--x-s3");
    }

    default String bucketArn() {
        return directoryBucket() ? "arn:" + partition() + ":s3express:" + region() + ":" + bucketAccount() + ":bucket/" + bucket()
                : "arn:" + partition() + ":s3:::" + bucket();
    }

    /** The bucket account's organization: its principals and endpoints carry it. */
    default Optional<String> orgId() {
        return Optional.empty();
    }

    default List<String> orgPaths() {
        return List.of();
    }

    default List<? extends ServiceEndpoint> serviceEndpoints() {
        return List.of();
    }

    /**
     * The user's VPCs: an ID (a VPC of the bucket's Region owned by the bucket's account), or an ARN
     * ({@code arn:aws:ec2:REGION:ACCOUNT:vpc/ID}) for one of another Region (a cross-Region endpoint) or owner.
     */
    default List<String> vpcs() {
        return List.of();
    }

    default List<String> vpces() {
        return List.of();
    }

    /** Address ranges (a corporate network) whose requests over the internet are inside. */
    default List<String> cidrs() {
        return List.of();
    }

    default List<String> roleArns() {
        return List.of();
    }

    default Optional<String> adminArn() {
        return Optional.empty();
    }

    /** Accounts outside the organization whose principals are inside (partners, a log-delivery account). */
    default List<String> trustedAccounts() {
        return List.of();
    }

    /** Whether AWS services, service-linked roles and calls forwarded by AWS services are inside. */
    default boolean awsServiceAccess() {
        return false;
    }

    /** The actions the user asks about: each is the first of its action class. */
    default List<String> actions() {
        return List.of();
    }

    /**
     * The organization's management account, when known: SCPs do not reach its principals nor RCPs its
     * resources (orgs_manage_policies_scps.html, orgs_manage_policies_rcps.html).
     */
    default Optional<String> managementAccount() {
        return Optional.empty();
    }

    /**
     * The tags the organization's principals carry, when the user says so: exactly these, of the
     * {@code aws:PrincipalTag/} keys the policies test. Empty: unknown, so every class of each tested tag
     * is tried on them. Principals of other organizations carry any tags (their owners choose them).
     */
    default Optional<Map<String, String>> principalTags() {
        return Optional.empty();
    }

    /**
     * The bucket's tags as {@code aws:ResourceTag/} shows them, when the user says so: exactly these
     * (ABAC on; none when ABAC is off or the bucket is untagged). Empty: unknown, every class is tried.
     */
    default Optional<Map<String, String>> bucketTags() {
        return Optional.empty();
    }

    /**
     * Whether every VPC endpoint an account of the organization owns is inside (the network perimeter of
     * aws:VpceOrgID): its requests must get in and are not "outside".
     */
    default boolean organizationEndpoints() {
        return false;
    }

    /** Accounts whose VPC endpoints are inside (a trusted third party's network, aws:VpceAccount). */
    default List<String> endpointAccounts() {
        return List.of();
    }

    /** Organizations other than the bucket account's whose VPC endpoints are inside (a trusted network, aws:VpceOrgID). */
    default List<String> endpointOrganizations() {
        return List.of();
    }
}
