package dev.gtvpc.layers;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import java.util.List;
import java.util.Optional;

/** Which layers reach a request, and the root user's privileges: each rule with the page that states it. */
final class Scopes {
    static final List<String> POLICY_ACTIONS = List.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");
    /** The path AWS gives service-linked roles (Q8 of layers/OPEN-QUESTIONS.md: no page says it is reserved; taken as telling). */
    static final String SERVICE_LINKED_PATH = ":role/aws-service-role/";

    private Scopes() {
    }

    /** Whether aws:PrincipalArn (or, without it, the principal's own ARN) is a service-linked role's. */
    static boolean serviceLinked(Request request) {
        ContextKeys c = request.context();
        Optional<String> arn = c.get("aws:PrincipalArn").map(e -> e.values().isEmpty() ? "" : e.values().get(0))
                .or(() -> request.principal().principalArn());
        return arn.filter(a -> a.contains(SERVICE_LINKED_PATH)).isPresent();
    }

    /** The root user's documented privileges, when the caller is the bucket account's root user. */
    static Optional<Exemption> exemption(Request request) {
        RequestPrincipal p = request.principal();
        if (p.kind() != RequestPrincipal.Kind.ROOT || request.bucketAccount().isEmpty() || !p.account().equals(request.bucketAccount())) {
            return Optional.empty();
        }
        return Optional.of(POLICY_ACTIONS.stream().anyMatch(request.action()::equalsIgnoreCase)
                ? Exemption.BUCKET_OWNER_ROOT_POLICY_ACTIONS : Exemption.ACCOUNT_ROOT_USER);
    }

    /** Why the organization's RCPs do not reach the request (orgs_manage_policies_rcps.html), if they do not. */
    static Optional<String> rcpScope(Request request, Placement placement, boolean serviceLinked) {
        if (placement.bucketAccount() == Membership.MANAGEMENT) {
            return Optional.of("the bucket is in the management account: RCPs don't affect resources in the management account");
        }
        if (placement.bucketAccount() == Membership.OUTSIDE) {
            return Optional.of("the bucket's account is not a member of the organization whose RCPs are given");
        }
        if (serviceLinked) {
            return Optional.of("the principal is a service-linked role: RCPs do not apply to calls made by service-linked roles");
        }
        String service = request.action().contains(":") ? request.action().substring(0, request.action().indexOf(':')) : "";
        if (!service.equalsIgnoreCase("s3")) {
            return Optional.of("RCPs do not apply to " + service + " actions: the RCP page's list of supported services names s3, not "
                    + service);
        }
        Optional<S3ActionCatalog.Action> action = S3ActionCatalog.bundled().find(request.action());
        if (action.isPresent() && action.get().resourceTypes().isEmpty()) {
            return Optional.of(request.action() + " authorizes no resource, and RCPs apply to the resources an action authorizes"
                    + " (its resource types in the Service Authorization Reference)");
        }
        return Optional.empty();
    }

    /** Why the organization's SCPs do not reach the request (orgs_manage_policies_scps.html), if they do not. */
    static Optional<String> scpScope(Request request, Placement placement, boolean serviceLinked) {
        RequestPrincipal p = request.principal();
        switch (p.kind()) {
            case ANONYMOUS -> {
                return Optional.of("an anonymous request: SCPs affect only IAM users and roles (and root users) of member accounts");
            }
            case SERVICE -> {
                return Optional.of("an AWS service principal: SCPs affect only IAM users and roles (and root users) of member accounts");
            }
            case OTHER -> {
                return Optional.of(p.id() + " is not an IAM user or role: SCPs affect only IAM users and roles of member accounts");
            }
            default -> {
            }
        }
        if (serviceLinked) {
            return Optional.of("the principal is a service-linked role: SCPs do not affect any service-linked role");
        }
        if (placement.principalAccount() == Membership.MANAGEMENT) {
            return Optional.of("the principal is in the management account: SCPs have no effect on users or roles in the management"
                    + " account");
        }
        if (placement.principalAccount() == Membership.OUTSIDE) {
            return Optional.of("the principal's account is not a member of the organization whose SCPs are given: SCPs don't affect"
                    + " users or roles from accounts outside the organization");
        }
        return Optional.empty();
    }

    /** Why a principal has no identity policies, if it has none: only IAM users and roles (and their sessions) do. */
    static Optional<String> identityScope(RequestPrincipal p) {
        return switch (p.kind()) {
            case ANONYMOUS -> Optional.of("an anonymous request has no identity policies");
            case SERVICE -> Optional.of("an AWS service principal has no identity policies in the customer's account");
            case ROOT -> Optional.of("no identity policy can be attached to the root user");
            case OTHER -> Optional.of(p.id() + " has no identity policies gtvpc can read");
            default -> Optional.empty();
        };
    }
}
