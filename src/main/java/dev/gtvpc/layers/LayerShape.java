package dev.gtvpc.layers;

import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a policy given for a layer has that layer's shape, and when not, what it is instead, in the
 * words of the documented grammar: an RCP's statements all say {@code Principal: "*"} and deny (besides
 * RCPFullAWSAccess's Allow of everything; orgs_manage_policies_rcps_syntax.html); SCPs and identity policies
 * name no Principal; bucket and endpoint policies must (reference_policies_elements_principal.html). An
 * endpoint policy has no reason to test where the request came from (every request through it comes through
 * it): a Deny on aws:SourceVpce, aws:SourceVpc or aws:SourceVpcArn is a bucket policy's network perimeter.
 */
public final class LayerShape {
    private static final List<String> NETWORK_ORIGIN_KEYS = List.of("aws:sourcevpce", "aws:sourcevpc", "aws:sourcevpcarn");

    private LayerShape() {
    }

    /** What {@code policy} is when it is not a policy of {@code layer}; empty when it may be one. */
    public static Optional<String> mismatch(Layer layer, Policy policy) {
        List<Statement> statements = policy.statements();
        Optional<Statement> named = statements.stream().filter(s -> s.principal().isPresent()).findFirst();
        Optional<Statement> unnamed = statements.stream().filter(s -> s.principal().isEmpty()).findFirst();
        switch (layer) {
            case SCP, IDENTITY -> {
                String noun = layer == Layer.SCP ? "a service control policy" : "an identity policy";
                return named.map(s -> "a resource-based policy (a bucket, endpoint or resource control policy): statement " + label(s)
                        + " has a " + s.principal().get().elementName() + ", which " + noun + " never has");
            }
            case RCP -> {
                if (unnamed.isPresent() && named.isPresent()) {
                    return Optional.of("no valid resource control policy either: statement " + label(unnamed.get()) + " has no Principal,"
                            + " and every statement of a resource control policy says \"Principal\": \"*\"");
                }
                if (unnamed.isPresent()) {
                    return Optional.of("an identity policy or a service control policy: statement " + label(unnamed.get())
                            + " has no Principal, and every statement of a resource control policy says \"Principal\": \"*\"");
                }
                Optional<Statement> namesSomeone = statements.stream()
                        .filter(s -> s.principal().get().negated() || !s.principal().get().coversEveryone()).findFirst();
                if (namesSomeone.isPresent()) {
                    return Optional.of("a bucket policy: statement " + label(namesSomeone.get()) + " names principals, and a resource"
                            + " control policy's Principal is always \"*\"");
                }
                Optional<Statement> allows = statements.stream().filter(s -> s.effect().filter(Effect.ALLOW::equals).isPresent()
                        && !allowsEverything(s)).findFirst();
                if (allows.isPresent()) {
                    return Optional.of("a bucket or endpoint policy: statement " + label(allows.get()) + " allows, and a resource control"
                            + " policy holds only Deny statements (besides RCPFullAWSAccess)");
                }
                return oneBucket(statements).map(b -> "a bucket policy: every statement is about bucket " + b + " alone, and a resource"
                        + " control policy is written for the resources of every account under it");
            }
            case ENDPOINT, BUCKET -> {
                if (unnamed.isPresent()) {
                    return Optional.of("an identity policy or a service control policy: statement " + label(unnamed.get())
                            + " has no Principal, which a " + (layer == Layer.BUCKET ? "bucket" : "VPC endpoint") + " policy requires");
                }
                if (layer == Layer.ENDPOINT) {
                    Optional<Statement> perimeter = statements.stream().filter(s -> s.effect().filter(Effect.DENY::equals).isPresent()
                            && s.condition().stream().flatMap(c -> c.blocks().stream()).flatMap(b -> b.entries().stream())
                                    .anyMatch(e -> NETWORK_ORIGIN_KEYS.contains(e.key().toLowerCase(Locale.ROOT)))).findFirst();
                    if (perimeter.isPresent()) {
                        return Optional.of("a bucket policy's network perimeter: statement " + label(perimeter.get()) + " denies by the"
                                + " request's VPC or endpoint, which every request through an endpoint shares");
                    }
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The one bucket every statement's Resource names (its ARN and its objects'), when there is one. */
    private static Optional<String> oneBucket(List<Statement> statements) {
        Set<String> buckets = new HashSet<>();
        for (Statement s : statements) {
            if (s.resource().isEmpty() || s.resource().get().negated()) {
                return Optional.empty();
            }
            for (String r : s.resource().get().resources().items()) {
                Optional<String> bucket = Arn.parse(r).flatMap(Arn::s3Bucket).filter(b -> !Wildcards.hasWildcard(b));
                if (bucket.isEmpty()) {
                    return Optional.empty();
                }
                buckets.add(bucket.get());
            }
        }
        return buckets.size() == 1 ? buckets.stream().findFirst() : Optional.empty();
    }

    private static boolean allowsEverything(Statement s) {
        return s.condition().isEmpty() && s.action().filter(a -> !a.negated() && a.actions().items().contains("*")).isPresent()
                && s.resource().filter(r -> !r.negated() && r.resources().items().contains("*")).isPresent();
    }

    private static String label(Statement s) {
        return s.sid().orElse("without a Sid");
    }
}
