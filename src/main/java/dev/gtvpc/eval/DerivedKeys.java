package dev.gtvpc.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The condition keys AWS derives from who makes a request and which bucket it names, so that callers
 * describing a request by its principal get the context AWS would build
 * (reference_policies_condition-keys.html, each key's "Availability"):
 * <ul>
 * <li>{@code aws:PrincipalArn} — every signed request; for a role session the <em>role's</em> ARN, path
 *     included. A session's own ARN does not show the path, so a caller that knows the role ARN passes
 *     it ({@link #roleArn}); otherwise the path-less ARN is derived and {@link RequestNotes} says so where
 *     it matters;</li>
 * <li>{@code aws:PrincipalAccount} — "all requests, including anonymous requests", for which it holds
 *     {@code anonymous};</li>
 * <li>{@code aws:username} — IAM users;</li>
 * <li>{@code aws:PrincipalIsAWSService} — every signed request: true for a service principal, false
 *     otherwise; {@code aws:PrincipalServiceName} for a service principal;</li>
 * <li>{@code aws:ViaAWSService} — "always included in the request context"; false here, since a request described by its
 *     principal alone is the principal's own, not one an AWS service makes for it (forward access
 *     sessions set it true and carry {@code aws:CalledVia}: describe those with their context);</li>
 * <li>{@code aws:ResourceAccount} — the bucket owner's account, when known;</li>
 * <li>{@code aws:PrincipalOrgID}, {@code aws:PrincipalOrgPaths} — for a principal of the bucket's
 *     account when the bucket account's organization is given; {@code aws:ResourceOrgID},
 *     {@code aws:ResourceOrgPaths} — the same organization, for the bucket. A principal of another
 *     account gets no organization: gtvpc cannot know it.</li>
 * </ul>
 * Anonymous requests carry only {@code aws:PrincipalAccount} ({@code anonymous}),
 * {@code aws:ViaAWSService}, {@code aws:ResourceAccount} and the resource's organization.
 */
public final class DerivedKeys {
    /** What the caller knows beyond the principal: a session's role ARN, the bucket account's organization. */
    public record Facts(Optional<String> roleArn, Optional<String> orgId, List<String> orgPaths) {
        public static final Facts NONE = new Facts(Optional.empty(), Optional.empty(), List.of());

        public Facts {
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(orgId, "orgId");
            orgPaths = List.copyOf(orgPaths);
        }
    }

    private DerivedKeys() {
    }

    public static Map<String, List<String>> of(RequestPrincipal principal, Optional<String> bucketAccount, Facts facts) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        boolean signed = principal.kind() != RequestPrincipal.Kind.ANONYMOUS;
        if (signed) {
            Optional<String> arn = principal.kind() == RequestPrincipal.Kind.ASSUMED_ROLE && facts.roleArn().isPresent()
                    ? facts.roleArn() : principal.principalArn();
            arn.ifPresent(a -> keys.put("aws:PrincipalArn", List.of(a)));
            principal.account().ifPresent(a -> keys.put("aws:PrincipalAccount", List.of(a)));
            if (principal.kind() == RequestPrincipal.Kind.USER) {
                keys.put("aws:username", List.of(principal.name().orElseThrow()));
            }
            boolean service = principal.kind() == RequestPrincipal.Kind.SERVICE;
            keys.put("aws:PrincipalIsAWSService", List.of(Boolean.toString(service)));
            if (service) {
                keys.put("aws:PrincipalServiceName", List.of(principal.id()));
            }
            boolean ofBucketAccount = bucketAccount.isPresent() && principal.account().equals(bucketAccount);
            if (ofBucketAccount && facts.orgId().isPresent()) {
                keys.put("aws:PrincipalOrgID", List.of(facts.orgId().get()));
                if (!facts.orgPaths().isEmpty()) {
                    keys.put("aws:PrincipalOrgPaths", facts.orgPaths());
                }
            }
        }
        if (!signed) {
            keys.put("aws:PrincipalAccount", List.of("anonymous"));
        }
        keys.put("aws:ViaAWSService", List.of("false"));
        bucketAccount.ifPresent(a -> keys.put("aws:ResourceAccount", List.of(a)));
        if (bucketAccount.isPresent() && facts.orgId().isPresent()) {
            keys.put("aws:ResourceOrgID", List.of(facts.orgId().get()));
            if (!facts.orgPaths().isEmpty()) {
                keys.put("aws:ResourceOrgPaths", facts.orgPaths());
            }
        }
        return keys;
    }
}
