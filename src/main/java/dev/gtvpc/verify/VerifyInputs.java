package dev.gtvpc.verify;

import dev.gtvpc.space.Perimeter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the properties are about: the bucket and its account (and that account's organization), the
 * service endpoints that must get in (Ground Truth's, for a labeling bucket), the user's VPCs,
 * endpoints, roles and corporate address ranges, an administrator, whether AWS services must get in,
 * and the protected actions (empty: the actions the policy's Deny statements name, else its Allow
 * statements'). It is the {@link Perimeter} of verify's request space: what the user says is inside.
 *
 * @param orgId            the bucket account's organization; its principals carry aws:PrincipalOrgID
 * @param cidrs            address ranges (a corporate network) whose requests over the internet must get in
 * @param trustedAccounts  accounts outside the organization whose principals must get in from anywhere (partners,
 *                         a log-delivery account), and so are not "outside"
 * @param awsServiceAccess AWS services acting on their own, service-linked roles, and calls through AWS
 *                         services on behalf of the organization's principals must get in (and so are not
 *                         "outside")
 */
public record VerifyInputs(
        String region,
        String partition,
        String bucket,
        String bucketAccount,
        List<TrustedEndpoint> serviceEndpoints,
        List<String> vpcs,
        List<String> vpces,
        List<String> roleArns,
        Optional<String> adminArn,
        List<String> actions,
        Optional<String> orgId,
        List<String> orgPaths,
        List<String> cidrs,
        List<String> trustedAccounts,
        boolean awsServiceAccess,
        Optional<Map<String, String>> principalTags,
        Optional<Map<String, String>> bucketTags,
        boolean organizationEndpoints,
        List<String> endpointAccounts,
        List<String> endpointOrganizations) implements Perimeter {

    /**
     * A VPC endpoint a service sends its requests through, which must not be denied {@code actions}
     * from any VPC, as any principal of the bucket's account: checked as property {@code property};
     * {@code service} names it for people ("Ground Truth").
     */
    public record TrustedEndpoint(String property, String service, String endpoint, String label, List<String> actions)
            implements Perimeter.ServiceEndpoint {
        public TrustedEndpoint {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(label, "label");
            actions = List.copyOf(actions);
        }
    }

    public VerifyInputs {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(bucketAccount, "bucketAccount");
        serviceEndpoints = List.copyOf(serviceEndpoints);
        vpcs = List.copyOf(vpcs);
        vpces = List.copyOf(vpces);
        roleArns = List.copyOf(roleArns);
        Objects.requireNonNull(adminArn, "adminArn");
        actions = List.copyOf(actions);
        Objects.requireNonNull(orgId, "orgId");
        orgPaths = List.copyOf(orgPaths);
        cidrs = List.copyOf(cidrs);
        trustedAccounts = List.copyOf(trustedAccounts);
        principalTags = principalTags.map(Map::copyOf);
        bucketTags = bucketTags.map(Map::copyOf);
        endpointAccounts = List.copyOf(endpointAccounts);
        endpointOrganizations = List.copyOf(endpointOrganizations);
    }

    /** A bucket with nothing yet required of it. */
    public static VerifyInputs of(String region, String partition, String bucket, String bucketAccount) {
        return new VerifyInputs(region, partition, bucket, bucketAccount, List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                List.of(), Optional.empty(), List.of(), List.of(), List.of(), false, Optional.empty(), Optional.empty(), false, List.of(), List.of());
    }

    public VerifyInputs withServiceEndpoints(List<TrustedEndpoint> e) {
        return new VerifyInputs(region, partition, bucket, bucketAccount, e, vpcs, vpces, roleArns, adminArn, actions, orgId, orgPaths,
                cidrs, trustedAccounts, awsServiceAccess, principalTags, bucketTags, organizationEndpoints, endpointAccounts, endpointOrganizations);
    }

    public VerifyInputs withNetwork(List<String> vpcList, List<String> vpceList, List<String> cidrList) {
        return new VerifyInputs(region, partition, bucket, bucketAccount, serviceEndpoints, vpcList, vpceList, roleArns, adminArn, actions,
                orgId, orgPaths, cidrList, trustedAccounts, awsServiceAccess, principalTags, bucketTags, organizationEndpoints, endpointAccounts, endpointOrganizations);
    }

    public VerifyInputs withPrincipals(List<String> roles, Optional<String> admin) {
        return new VerifyInputs(region, partition, bucket, bucketAccount, serviceEndpoints, vpcs, vpces, roles, admin, actions, orgId,
                orgPaths, cidrs, trustedAccounts, awsServiceAccess, principalTags, bucketTags, organizationEndpoints, endpointAccounts, endpointOrganizations);
    }

    public VerifyInputs withActions(List<String> a) {
        return new VerifyInputs(region, partition, bucket, bucketAccount, serviceEndpoints, vpcs, vpces, roleArns, adminArn, a, orgId,
                orgPaths, cidrs, trustedAccounts, awsServiceAccess, principalTags, bucketTags, organizationEndpoints, endpointAccounts, endpointOrganizations);
    }

    public VerifyInputs withOrganization(Optional<String> id, List<String> paths) {
        return new VerifyInputs(region, partition, bucket, bucketAccount, serviceEndpoints, vpcs, vpces, roleArns, adminArn, actions, id,
                paths, cidrs, trustedAccounts, awsServiceAccess, principalTags, bucketTags, organizationEndpoints, endpointAccounts, endpointOrganizations);
    }

    public VerifyInputs withTrustedAccounts(List<String> accounts) {
        return new VerifyInputs(region, partition, bucket, bucketAccount, serviceEndpoints, vpcs, vpces, roleArns, adminArn, actions,
                orgId, orgPaths, cidrs, accounts, awsServiceAccess, principalTags, bucketTags, organizationEndpoints, endpointAccounts, endpointOrganizations);
    }

    /**
     * The tags the organization's principals carry and the bucket's tags, when the user says so (each empty:
     * unknown, every class is tried), whether every endpoint of the organization's accounts is inside, and the accounts
     * (third parties) whose endpoints are.
     */
    public VerifyInputs withTagsAndEndpoints(Optional<Map<String, String>> principal, Optional<Map<String, String>> bucketTagged,
            boolean orgEndpoints, List<String> accounts) {
        return new VerifyInputs(region, partition, bucket, bucketAccount, serviceEndpoints, vpcs, vpces, roleArns, adminArn, actions,
                orgId, orgPaths, cidrs, trustedAccounts, awsServiceAccess, principal, bucketTagged, orgEndpoints, accounts, endpointOrganizations);
    }

    public VerifyInputs withAwsServiceAccess(boolean access) {
        return new VerifyInputs(region, partition, bucket, bucketAccount, serviceEndpoints, vpcs, vpces, roleArns, adminArn, actions,
                orgId, orgPaths, cidrs, trustedAccounts, access, principalTags, bucketTags, organizationEndpoints, endpointAccounts, endpointOrganizations);
    }

    /** Organizations other than the bucket account's whose every VPC endpoint is inside (aws:VpceOrgID names them). */
    public VerifyInputs withEndpointOrganizations(List<String> orgs) {
        return new VerifyInputs(region, partition, bucket, bucketAccount, serviceEndpoints, vpcs, vpces, roleArns, adminArn, actions,
                orgId, orgPaths, cidrs, trustedAccounts, awsServiceAccess, principalTags, bucketTags, organizationEndpoints, endpointAccounts, orgs);
    }
}
