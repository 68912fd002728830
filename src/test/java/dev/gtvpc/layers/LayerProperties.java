package dev.gtvpc.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of the layered decision, whatever the policies and the request: a Deny in any layer that reaches
 * the request denies; a layer of Allow statements alone never grants; removing a guardrail (an RCP or
 * SCP level, the endpoint policy) never denies more; a layer that allows everything changes nothing.
 */
class LayerProperties {
    static final String BUCKET_ACCOUNT = "111122223333";
    private static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:PutBucketPolicy");
    private static final List<String> PRINCIPALS = List.of(
            "arn:aws:sts::111122223333:assumed-role/app/s",
            "arn:aws:iam::111122223333:user/alice",
            "arn:aws:iam::111122223333:root",
            "arn:aws:sts::444455556666:assumed-role/partner/s",
            "arn:aws:iam::444455556666:root",
            "arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForGtvpc/s",
            "anonymous",
            "cloudtrail.amazonaws.com");
    private static final List<String> KEYS = List.of("aws:SourceVpce", "aws:VpceOrgID", "aws:PrincipalTag/dp:include:network",
            "aws:PrincipalOrgID", "aws:SourceIp");
    private static final Map<String, List<String>> VALUES = Map.of(
            "aws:SourceVpce", List.of("vpce-11111111", "vpce-22222222"),
            "aws:VpceOrgID", List.of("o-aaaaaaaaaa", "o-bbbbbbbbbb"),
            "aws:PrincipalTag/dp:include:network", List.of("true", "false"),
            "aws:PrincipalOrgID", List.of("o-aaaaaaaaaa", "o-bbbbbbbbbb"),
            "aws:SourceIp", List.of("203.0.113.7", "198.51.100.7"));
    private static final List<String> OPERATORS = List.of("StringEquals", "StringNotEquals", "StringNotEqualsIfExists", "StringEqualsIfExists");

    /** A Deny that matches every request, in every layer that reaches the request, denies it. */
    @Property(tries = 400)
    void aDenyInAnyLayerDenies(@ForAll("sets") LayerSet set, @ForAll("requests") Request request, @ForAll("placements") Placement placement,
            @ForAll("layers") Layer layer) {
        LayeredResult before = LayeredEvaluator.evaluate(set, request, placement);
        LayerOutcome scope = before.layer(layer).outcome();
        boolean reaches = scope != LayerOutcome.NOT_APPLICABLE
                && !(layer == Layer.IDENTITY && scope == LayerOutcome.NOT_GIVEN)
                && !(layer == Layer.BUCKET && Scopes.exemption(request).filter(Exemption.BUCKET_OWNER_ROOT_POLICY_ACTIONS::equals).isPresent());
        LayerPolicy deny = new LayerPolicy(layer, "deny-all", PolicyReader.read("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyAll\","
                + "\"Effect\":\"Deny\"," + (layer.grammar() == dev.gtvpc.eval.PolicyGrammar.PRINCIPAL_ATTACHED ? "" : "\"Principal\":\"*\",")
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}", "deny-all").policy());
        LayeredResult after = LayeredEvaluator.evaluate(add(set, layer, deny), request, with(placement, layer, deny));
        if (reaches || layer == Layer.ENDPOINT) {
            assertThat(after.decision()).as("%s with a Deny: %s %s %s -> %s", layer, request, placement,
                    before.layers().stream().map(l -> l.layer() + "=" + l.outcome()).toList(), after.layers().stream().map(l -> l.layer() + "="
                    + l.outcome()).toList()).contains(Decision.EXPLICIT_DENY);
            assertThat(after.deciding()).anySatisfy(d -> assertThat(d.layer()).isEqualTo(layer));
        }
    }

    /** Guardrails grant nothing: with no bucket policy and no identity policy, nothing is allowed but the root user. */
    @Property(tries = 400)
    void anAllowOnlyLayerNeverGrantsAlone(@ForAll("allowOnly") LayerPolicy allow, @ForAll("requests") Request request,
            @ForAll("placements") Placement placement) {
        LayerSet set = new LayerSet(List.of(), List.of(), Optional.empty(), Optional.of(List.of()));
        LayeredResult r = LayeredEvaluator.evaluate(add(set, allow.layer(), allow), request, with(placement, allow.layer(), allow));
        if (r.exemption().isEmpty()) {
            assertThat(r.decision()).as("%s alone", allow.layer()).isNotEqualTo(Optional.of(Decision.ALLOW));
        }
    }

    /** Taking away an RCP or SCP level, or the endpoint policy, never turns a decision into a stronger denial. */
    @Property(tries = 400)
    void removingALayerNeverDeniesMore(@ForAll("sets") LayerSet set, @ForAll("requests") Request request,
            @ForAll("placements") Placement placement) {
        int full = strength(LayeredEvaluator.evaluate(set, request, placement));
        assertThat(strength(LayeredEvaluator.evaluate(set.withRcps(List.of()), request, placement))).isLessThanOrEqualTo(full);
        assertThat(strength(LayeredEvaluator.evaluate(set.withScps(List.of()), request, placement))).isLessThanOrEqualTo(full);
        assertThat(strength(LayeredEvaluator.evaluate(set, request, placement.withEndpointPolicy(Optional.empty()))))
                .isLessThanOrEqualTo(full);
    }

    /** RCPFullAWSAccess at another level, FullAWSAccess at another level, the default endpoint policy: nothing changes. */
    @Property(tries = 400)
    void aLayerThatAllowsEverythingChangesNothing(@ForAll("sets") LayerSet set, @ForAll("requests") Request request,
            @ForAll("placements") Placement placement) {
        Optional<Decision> before = LayeredEvaluator.evaluate(set, request, placement).decision();
        List<Level> rcps = new ArrayList<>(set.rcps());
        rcps.add(new Level("ou-extra", List.of(LayerPolicy.RCP_FULL_AWS_ACCESS)));
        List<Level> scps = new ArrayList<>(set.scps());
        scps.add(new Level("ou-extra", List.of(LayerPolicy.FULL_AWS_ACCESS)));
        assertThat(LayeredEvaluator.evaluate(set.withRcps(rcps), request, placement).decision()).isEqualTo(before);
        assertThat(LayeredEvaluator.evaluate(set.withScps(scps), request, placement).decision()).isEqualTo(before);
        if (placement.endpointPolicy().isEmpty() && request.context().contains("aws:SourceVpce")) {
            assertThat(LayeredEvaluator.evaluate(set, request, placement.withEndpointPolicy(Optional.of(LayerPolicy.DEFAULT_ENDPOINT_POLICY)))
                    .decision()).isEqualTo(before);
        }
    }

    /** EXPLICIT_DENY > IMPLICIT_DENY > NOT_DENIED > ALLOW; no decision sits beside NOT_DENIED (it may go either way). */
    private static int strength(LayeredResult r) {
        return r.decision().map(d -> switch (d) {
            case EXPLICIT_DENY -> 3;
            case IMPLICIT_DENY -> 2;
            case NOT_DENIED -> 1;
            case ALLOW -> 0;
        }).orElse(1);
    }

    private static LayerSet add(LayerSet set, Layer layer, LayerPolicy p) {
        return switch (layer) {
            case RCP -> {
                List<Level> levels = new ArrayList<>(set.rcps());
                levels.add(new Level("root", List.of(p)));
                yield set.withRcps(levels);
            }
            case SCP -> {
                List<Level> levels = new ArrayList<>(set.scps());
                levels.add(new Level("root", List.of(LayerPolicy.FULL_AWS_ACCESS, p)));
                yield set.withScps(levels);
            }
            case BUCKET -> set.withBucket(Optional.of(merge(set.bucket(), p)));
            case IDENTITY -> {
                List<LayerPolicy> policies = new ArrayList<>(set.identity().orElse(List.of()));
                policies.add(p);
                yield set.withIdentity(Optional.of(policies));
            }
            case ENDPOINT -> set;
        };
    }

    /** A bucket has one policy: the statements of both. */
    private static LayerPolicy merge(Optional<LayerPolicy> existing, LayerPolicy added) {
        if (existing.isEmpty()) {
            return added;
        }
        List<dev.gtvpc.policy.Statement> statements = new ArrayList<>(existing.get().policy().statements());
        statements.addAll(added.policy().statements());
        return new LayerPolicy(Layer.BUCKET, "merged", existing.get().policy().toBuilder().statements(statements).build());
    }

    /** The endpoint layer is the policy of the endpoint on the path: only a request through one meets it. */
    private static Placement with(Placement placement, Layer layer, LayerPolicy p) {
        return layer == Layer.ENDPOINT ? placement.withEndpointPolicy(Optional.of(p)) : placement;
    }

    @Provide
    Arbitrary<Layer> layers() {
        return Arbitraries.of(Layer.values());
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Map<String, List<String>>> context = Arbitraries.subsetOf(KEYS).flatMap(keys -> {
            List<Arbitrary<String>> values = keys.stream().map(k -> Arbitraries.of(VALUES.get(k))).toList();
            return Combinators.combine(values).as(vs -> {
                Map<String, List<String>> c = new LinkedHashMap<>();
                int i = 0;
                for (String k : keys) {
                    c.put(k, List.of(vs.get(i++)));
                }
                return c;
            });
        });
        return Combinators.combine(Arbitraries.of(ACTIONS), Arbitraries.of(PRINCIPALS), context).as((action, principal, c) -> {
            String resource = action.contains("Object") ? "arn:aws:s3:::data/key" : "arn:aws:s3:::data";
            return new Request(action, resource, RequestPrincipal.parse(principal), Optional.of(BUCKET_ACCOUNT), ContextKeys.of(c))
                    .withPrincipalKeys();
        });
    }

    @Provide
    Arbitrary<Placement> placements() {
        return Combinators.combine(Arbitraries.of(Membership.values()), Arbitraries.of(Membership.values()),
                Arbitraries.of(Optional.<LayerPolicy>empty(), Optional.of(LayerPolicy.DEFAULT_ENDPOINT_POLICY),
                        Optional.of(policy(Layer.ENDPOINT, "Allow", "s3:GetObject", true))))
                .as((bucket, principal, endpoint) -> new Placement(bucket, principal, Optional.empty(), endpoint));
    }

    @Provide
    Arbitrary<LayerSet> sets() {
        Arbitrary<List<Level>> rcps = statementPolicy(Layer.RCP, Arbitraries.just("Deny")).list().ofMaxSize(2)
                .map(ps -> ps.stream().map(p -> new Level("root", List.of(p))).toList());
        Arbitrary<List<Level>> scps = statementPolicy(Layer.SCP, Arbitraries.of("Allow", "Deny")).list().ofMaxSize(2)
                .map(ps -> ps.stream().map(p -> new Level("ou", List.of(p.policy().statements().get(0).effect().get()
                        == dev.gtvpc.policy.Effect.DENY ? LayerPolicy.FULL_AWS_ACCESS : p, p))).toList());
        Arbitrary<Optional<LayerPolicy>> bucket = statementPolicy(Layer.BUCKET, Arbitraries.of("Allow", "Deny")).optional();
        Arbitrary<Optional<List<LayerPolicy>>> identity = statementPolicy(Layer.IDENTITY, Arbitraries.of("Allow", "Deny")).list()
                .ofMaxSize(2).optional();
        return Combinators.combine(rcps, scps, bucket, identity).as(LayerSet::new);
    }

    @Provide
    Arbitrary<LayerPolicy> allowOnly() {
        return Arbitraries.of(Layer.RCP, Layer.SCP, Layer.ENDPOINT).flatMap(l -> statementPolicy(l, Arbitraries.just("Allow")));
    }

    /** A one-statement policy of {@code layer}'s grammar, with or without a condition on one key. */
    private Arbitrary<LayerPolicy> statementPolicy(Layer layer, Arbitrary<String> effects) {
        return Combinators.combine(effects, Arbitraries.of("s3:*", "s3:GetObject", "s3:Put*", "*"), Arbitraries.of(KEYS),
                Arbitraries.of(OPERATORS), Arbitraries.integers().between(0, 1), Arbitraries.of(true, false))
                .as((effect, action, key, operator, value, conditioned) -> {
                    String condition = conditioned ? ",\"Condition\":{\"" + operator + "\":{\"" + key + "\":\"" + VALUES.get(key).get(value)
                            + "\"}}" : "";
                    String principal = layer.grammar() == dev.gtvpc.eval.PolicyGrammar.PRINCIPAL_ATTACHED ? "" : "\"Principal\":\"*\",";
                    String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"" + effect + "\"," + principal
                            + "\"Action\":\"" + action + "\",\"Resource\":\"*\"" + condition + "}]}";
                    return new LayerPolicy(layer, layer.word() + "-policy", PolicyReader.read(json, "p").policy());
                });
    }

    private static LayerPolicy policy(Layer layer, String effect, String action, boolean principal) {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\"," + (principal ? "\"Principal\":\"*\"," : "")
                + "\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}";
        return new LayerPolicy(layer, layer.word() + "-fixed", PolicyReader.read(json, "p").policy());
    }
}
