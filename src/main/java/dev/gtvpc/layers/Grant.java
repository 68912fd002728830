package dev.gtvpc.layers;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a request no layer denies is granted (reference_policies_evaluation-logic.html,
 * reference_policies_evaluation-logic-cross-account.html): within the bucket's account the union of
 * the bucket policy and the identity policies; from another account both; an anonymous or AWS service
 * principal needs the bucket policy; the bucket account's root user needs nothing.
 */
final class Grant {
    private Grant() {
    }

    static LayeredResult decide(List<LayerResult> layers, Request request, Optional<Exemption> exemption, List<String> errors) {
        LayerResult bucket = layer(layers, Layer.BUCKET);
        LayerResult identity = layer(layers, Layer.IDENTITY);
        if (exemption.isPresent()) {
            return result(Decision.ALLOW, layers, List.of(), exemption, errors);
        }
        RequestPrincipal p = request.principal();
        boolean bucketGrants = bucket.outcome() == LayerOutcome.ALLOW;
        if (p.account().isEmpty()) {
            // anonymous, an AWS service principal: only a resource-based policy can grant them anything
            return bucketGrants ? result(Decision.ALLOW, layers, bucket.deciding(), exemption, errors)
                    : result(Decision.IMPLICIT_DENY, layers, List.of(missing(Layer.BUCKET)), exemption, errors);
        }
        if (request.bucketAccount().isEmpty()) {
            List<String> more = new ArrayList<>(errors);
            more.add("the bucket's account is not known: whether " + p.id() + " needs the bucket policy, its identity policies or"
                    + " both cannot be told");
            return new LayeredResult(Optional.empty(), layers, List.of(), exemption, more, List.of());
        }
        boolean identityGrants = identity.outcome() == LayerOutcome.ALLOW;
        boolean identityUnknown = identity.outcome() == LayerOutcome.NOT_GIVEN;
        if (p.account().equals(request.bucketAccount())) {
            List<Deciding> allows = new ArrayList<>();
            if (bucketGrants) {
                allows.addAll(bucket.deciding());
            }
            if (identityGrants) {
                allows.addAll(identity.deciding());
            }
            if (!allows.isEmpty()) {
                return result(Decision.ALLOW, layers, allows, exemption, errors);
            }
            return identityUnknown ? result(Decision.NOT_DENIED, layers, List.of(), exemption, errors)
                    : result(Decision.IMPLICIT_DENY, layers, List.of(missing(Layer.IDENTITY)), exemption, errors);
        }
        // another account's root user has full access within its own account: its half needs no identity policy
        boolean ownHalf = identityGrants || p.kind() == RequestPrincipal.Kind.ROOT;
        if (bucketGrants && ownHalf) {
            List<Deciding> allows = new ArrayList<>(bucket.deciding());
            allows.addAll(identity.deciding());
            return result(Decision.ALLOW, layers, allows, exemption, errors);
        }
        List<Deciding> missing = new ArrayList<>();
        if (!bucketGrants) {
            missing.add(missing(Layer.BUCKET));
        }
        if (!ownHalf && !identityUnknown) {
            missing.add(missing(Layer.IDENTITY));
        }
        if (missing.isEmpty()) {
            return result(Decision.NOT_DENIED, layers, List.of(), exemption, errors);
        }
        return result(Decision.IMPLICIT_DENY, layers, missing, exemption, errors);
    }

    private static Deciding missing(Layer layer) {
        return new Deciding(layer, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static LayerResult layer(List<LayerResult> layers, Layer layer) {
        return layers.stream().filter(l -> l.layer() == layer).findFirst().orElseThrow();
    }

    private static LayeredResult result(Decision d, List<LayerResult> layers, List<Deciding> deciding, Optional<Exemption> exemption,
            List<String> errors) {
        return new LayeredResult(Optional.of(d), layers, deciding, exemption, errors, List.of());
    }
}
