package dev.gtvpc.eval;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a reader of a decision must know about values gtvpc derived rather than was given. A role
 * session's {@code aws:PrincipalArn} is its role's ARN <em>with the role's path</em>
 * ({@code role/aws-service-role/macie.amazonaws.com/AWSServiceRoleForAmazonMacie}), which the session
 * ARN ({@code assumed-role/NAME/session}) does not show. Derived from the session ARN it has no path,
 * and where the policy names that role with a path the decision may be wrong. And a policy that
 * conditions on the caller's organization, for a signed caller whose organization nobody gave: the
 * request then carries no aws:PrincipalOrgID, as for a principal outside every organization.
 */
public final class RequestNotes {
    private RequestNotes() {
    }

    /**
     * @param derivedPrincipalArn true when aws:PrincipalArn was derived from a session ARN, not given
     */
    public static List<String> of(Policy policy, Request request, boolean derivedPrincipalArn) {
        List<String> notes = new ArrayList<>();
        unknownAction(request.action()).ifPresent(notes::add);
        PolicyScan scan = PolicyScan.of(policy);
        RequestPrincipal p = request.principal();
        boolean signed = p.kind() != RequestPrincipal.Kind.ANONYMOUS && p.kind() != RequestPrincipal.Kind.SERVICE;
        for (String key : List.of("aws:PrincipalOrgID", "aws:PrincipalOrgPaths")) {
            if (signed && !request.context().contains(key) && scan.tests(key)) {
                notes.add("the policy tests " + key + " and the request has none (no organization was given: --org-id,"
                        + " \"orgId\" in a cases file, or --context): it is decided as for a principal outside every organization");
            }
        }
        if (!derivedPrincipalArn || p.kind() != RequestPrincipal.Kind.ASSUMED_ROLE) {
            return notes;
        }
        String derived = p.principalArn().orElseThrow();
        Set<String> withPath = new LinkedHashSet<>();
        for (String arn : roleArnsNamed(scan)) {
            Optional<Arn> a = Arn.parse(arn);
            if (a.isEmpty() || !a.get().resource().startsWith("role/")) {
                continue;
            }
            String resource = a.get().resource();
            boolean hasPath = resource.indexOf('/') != resource.lastIndexOf('/');
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            boolean sameRole = name.equalsIgnoreCase(p.name().orElse("")) || name.contains("*") || name.contains("?");
            if (hasPath && sameRole && (a.get().account().equals(p.account().orElse("")) || a.get().account().contains("*"))) {
                withPath.add(arn);
            }
        }
        if (!withPath.isEmpty()) {
            notes.add("aws:PrincipalArn was derived from the session ARN as " + derived + ", without the role's path, and the"
                    + " policy names " + String.join(", ", withPath) + ": if the role has a path, this decision may be wrong"
                    + " (policy simulate takes the role's ARN with --principal-arn and the session name with --session; a cases"
                    + " file \"principal\" and \"session\"; or set aws:PrincipalArn with --context)");
        }
        return notes;
    }

    /**
     * A request reaches the evaluator with an action the catalogue does not hold only when the user allowed it
     * (--allow-unknown-action, "allowUnknownAction"): the evaluator matches Action by name alone, which is all a
     * policy does with it, but what the catalogue tells of an action is not known of this one.
     */
    private static Optional<String> unknownAction(String action) {
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        if (catalog.find(action).isPresent()) {
            return Optional.empty();
        }
        String date = catalog.dataDate().length() > 10 ? catalog.dataDate().substring(0, 10) : catalog.dataDate();
        String typo = dev.gtvpc.util.Suggestions.didYouMean(action, catalog.actions().stream().map(S3ActionCatalog.Action::qualifiedName).toList());
        return Optional.of(action + " is not in gtvpc's catalogue of " + date + typo + ": decided by its name alone, as the policy's"
                + " Action patterns match it; whether it acts on a bucket or an object, and which condition keys S3 sets for it,"
                + " are not known (a key S3 would set is absent unless --context or \"context\" gives it)");
    }

    private static Set<String> roleArnsNamed(PolicyScan scan) {
        Set<String> arns = new LinkedHashSet<>(scan.principalIds(PrincipalType.AWS));
        arns.addAll(scan.values("aws:PrincipalArn"));
        return arns;
    }
}
