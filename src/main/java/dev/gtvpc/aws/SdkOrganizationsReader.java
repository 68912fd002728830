package dev.gtvpc.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ChildNotFoundException;
import software.amazon.awssdk.services.organizations.model.ListParentsResponse;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ListPoliciesForTargetResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.Root;

/** {@link OrganizationsReader} over the SDK's Organizations client. */
final class SdkOrganizationsReader implements OrganizationsReader {
    private final OrganizationsClient organizations;
    private final String endpoint;

    SdkOrganizationsReader(OrganizationsClient organizations, String endpoint) {
        this.organizations = organizations;
        this.endpoint = endpoint;
    }

    @Override
    public Organization organization() {
        try {
            software.amazon.awssdk.services.organizations.model.Organization o = organizations.describeOrganization(b -> { }).organization();
            return new Organization(o.id(), o.masterAccountId());
        } catch (SdkException e) {
            throw AwsErrors.describe("DescribeOrganization", "", endpoint, e);
        }
    }

    @Override
    public List<String> roots() {
        List<String> ids = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                ListRootsResponse r = organizations.listRoots(b -> b.nextToken(next));
                r.roots().stream().map(Root::id).forEach(ids::add);
                token = r.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (SdkException e) {
            throw AwsErrors.describe("ListRoots", "", endpoint, e);
        }
        return ids;
    }

    @Override
    public Optional<String> parent(String childId) {
        try {
            ListParentsResponse r = organizations.listParents(b -> b.childId(childId));
            return r.parents().stream().findFirst().map(Parent::id);
        } catch (ChildNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw AwsErrors.describe("ListParents", childId, endpoint, e);
        }
    }

    @Override
    public List<AttachedPolicy> policiesFor(String targetId, PolicyType type) {
        List<AttachedPolicy> out = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                ListPoliciesForTargetResponse r = organizations.listPoliciesForTarget(b -> b.targetId(targetId).filter(type.name())
                        .nextToken(next));
                for (PolicySummary p : r.policies()) {
                    out.add(new AttachedPolicy(p.id(), p.name() == null ? p.id() : p.name(), Boolean.TRUE.equals(p.awsManaged())));
                }
                token = r.nextToken();
            } while (token != null && !token.isEmpty());
        } catch (SdkException e) {
            throw AwsErrors.describe("ListPoliciesForTarget", targetId, endpoint, e);
        }
        return out;
    }

    @Override
    public String policyText(String policyId) {
        try {
            return organizations.describePolicy(b -> b.policyId(policyId)).policy().content();
        } catch (SdkException e) {
            throw AwsErrors.describe("DescribePolicy", policyId, endpoint, e);
        }
    }
}
