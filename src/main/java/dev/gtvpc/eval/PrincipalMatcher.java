package dev.gtvpc.eval;

import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.PrincipalBlock;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.PrincipalType;
import java.util.List;
import java.util.Optional;

/**
 * Matches Principal and NotPrincipal elements
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html,
 * …_elements_notprincipal.html).
 * <ul>
 * <li>{@code "*"} and {@code {"AWS": "*"}} match everyone, anonymous callers included;</li>
 * <li>an account ID or {@code arn:…:iam::ACCOUNT:root} names the account: it covers every principal of
 *     that account, but in an Allow it only <em>delegates</em> to the account ("AWS account principals":
 *     the account's administrators must grant access with identity policies), which is why
 *     {@link Match#ACCOUNT} is kept apart from a direct match;</li>
 * <li>a role ARN matches the role and every session of it; a session ARN only that session;</li>
 * <li>no other wildcards: "you cannot use a wildcard to match part of a principal name or ARN".</li>
 * </ul>
 * A principal is checked as each of its identities (a session is also its role and its account).
 * Principal applies when any identity is named. NotPrincipal in a Deny exempts a principal only when
 * every identity is named: AWS "might validate the account first, then the role, and then the
 * assumed-role user", and tells users to list all three. NotPrincipal in an Allow (which AWS no longer
 * supports) grants to every principal except those named, so there one named identity is enough to
 * be left out: reading it the Deny way would grant the very session whose role the statement excludes.
 */
final class PrincipalMatcher {
    private PrincipalMatcher() {
    }

    /** How a Principal element covers a request's principal. */
    enum Match {
        /** Not covered. */
        NONE,
        /** Covered by "*", by the principal's own ARN or, for a session, its role's. */
        DIRECT,
        /** Covered only because the element names the principal's account (the principal is not the account's root). */
        ACCOUNT
    }

    static Match match(PrincipalBlock block, RequestPrincipal principal, boolean deny) {
        List<RequestPrincipal.Identity> identities = principal.identities();
        if (block.negated()) {
            boolean exempt = deny ? identities.stream().allMatch(id -> named(block, id))
                    : identities.stream().anyMatch(id -> named(block, id));
            return exempt ? Match.NONE : Match.DIRECT;
        }
        if (block.wildcard()) {
            return Match.DIRECT;
        }
        boolean account = false;
        for (RequestPrincipal.Identity id : identities) {
            if (named(block, id)) {
                if (id.kind() != RequestPrincipal.Kind.ROOT || principal.kind() == RequestPrincipal.Kind.ROOT) {
                    return Match.DIRECT;
                }
                account = true;
            }
        }
        return account ? Match.ACCOUNT : Match.NONE;
    }

    private static boolean named(PrincipalBlock block, RequestPrincipal.Identity id) {
        if (block.wildcard()) {
            return true;
        }
        for (PrincipalEntry entry : block.entries()) {
            for (String value : entry.ids().items()) {
                if (matches(entry.type(), value, id)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(PrincipalType type, String value, RequestPrincipal.Identity id) {
        if (type == PrincipalType.AWS && value.equals("*")) {
            return true;
        }
        return switch (type) {
            case AWS -> awsMatches(value, id);
            case SERVICE -> id.kind() == RequestPrincipal.Kind.SERVICE && id.id().equals(value);
            case FEDERATED, CANONICAL_USER -> id.kind() == RequestPrincipal.Kind.OTHER && id.id().equals(value);
        };
    }

    private static boolean awsMatches(String value, RequestPrincipal.Identity id) {
        if (id.account().isEmpty()) {
            return false; // anonymous and service principals are named only by "*" or their service name
        }
        if (AwsIds.isAccountId(value)) {
            return id.kind() == RequestPrincipal.Kind.ROOT && id.account().get().equals(value);
        }
        Optional<Arn> parsed = Arn.parse(value);
        if (parsed.isEmpty()) {
            return false;
        }
        Arn a = parsed.get();
        if (!id.partition().orElse("").equals(a.partition()) || !id.account().get().equals(a.account())) {
            return false;
        }
        String resource = a.resource();
        return switch (id.kind()) {
            case ROOT -> a.service().equals("iam") && resource.equals("root");
            // IAM role names are unique in an account whatever their path, and compared without case
            case ROLE -> a.service().equals("iam") && resource.startsWith("role/")
                    && lastSegment(resource).equalsIgnoreCase(id.name().orElse(""));
            case USER -> a.service().equals("iam") && resource.startsWith("user/")
                    && lastSegment(resource).equals(id.name().orElse(""));
            default -> value.equals(id.id());
        };
    }

    private static String lastSegment(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }
}
