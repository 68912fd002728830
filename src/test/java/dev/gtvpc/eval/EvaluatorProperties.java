package dev.gtvpc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.GenerateRequest;
import dev.gtvpc.groundtruth.GroundTruthPolicy;
import dev.gtvpc.groundtruth.PolicyStyle;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.Condition;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws the evaluator must keep whatever the policy and request. */
class EvaluatorProperties {
    private static final RegionTable TABLE = RegionTable.bundled();
    private static final List<String> VPCES = List.of("vpce-11111111", "vpce-22222222", "vpce-0123456789abcdef0", "vpce-08408e335ebf95b40");
    private static final List<String> VPCS = List.of("vpc-11111111", "vpc-22222222", "vpc-0abc1234def567890");
    private static final List<String> ROLES = List.of("arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:role/b",
            "arn:aws:iam::444455556666:role/c");

    /** The aws-doc style (ForAllValues:StringNotEquals) decides every single-valued request as the legacy style. */
    @Property(tries = 300)
    void awsDocAndLegacyStylesDecideAlike(@ForAll("generateRequests") GenerateRequest g, @ForAll("requests") Request request) {
        Policy a = GroundTruthPolicy.generate(restyled(g, PolicyStyle.LEGACY), TABLE).policy();
        Policy b = GroundTruthPolicy.generate(restyled(g, PolicyStyle.AWS_DOC), TABLE).policy();
        assertThat(Evaluator.evaluate(b, request).decision()).isEqualTo(Evaluator.evaluate(a, request).decision());
    }

    /**
     * Naming the VPCs by ARN (strict) or by ID (legacy) decides alike for requests from a VPC in the bucket's
     * Region; from a same-ID VPC of another Region only the ID lets the request in.
     */
    @Property(tries = 300)
    void vpcArnAndVpcIdDecideAlikeInTheBucketsRegion(@ForAll("generateRequests") GenerateRequest g, @ForAll("requests") Request request) {
        Decision byArn = Evaluator.evaluate(GroundTruthPolicy.generate(restyled(g, PolicyStyle.STRICT), TABLE).policy(), request)
                .decision().orElseThrow();
        Decision byId = Evaluator.evaluate(GroundTruthPolicy.generate(restyled(g, PolicyStyle.LEGACY), TABLE).policy(), request)
                .decision().orElseThrow();
        if (value(request, "aws:SourceVpcArn").filter(arn -> !arn.contains(":" + g.region() + ":")).isPresent()) {
            assertThat(byArn == Decision.EXPLICIT_DENY || byId == Decision.NOT_DENIED).isTrue();
        } else {
            assertThat(byArn).isEqualTo(byId);
        }
    }

    /** A generated policy denies exactly the requests that match none of its exemptions. */
    @Property(tries = 300)
    void aGeneratedPolicyDeniesExactlyWhatNoExemptionCovers(@ForAll("generateRequests") GenerateRequest g,
            @ForAll("requests") Request request) {
        GroundTruthPolicy.Generated generated = GroundTruthPolicy.generate(g, TABLE);
        Decision decision = Evaluator.evaluate(generated.policy(), request).decision().orElseThrow();
        boolean covered = g.actions().contains(request.action());
        boolean exempt = value(request, "aws:SourceVpce").filter(v -> g.vpces().contains(v) || v.equals(generated.groundTruthEndpoint())).isPresent()
                || (g.style().vpcById() ? value(request, "aws:SourceVpc").filter(g.vpcs()::contains)
                        : value(request, "aws:SourceVpcArn").filter(arn -> g.vpcs().stream().anyMatch(
                                v -> arn.equals("arn:aws:ec2:" + g.region() + ":111122223333:vpc/" + v)))).isPresent()
                || value(request, "aws:PrincipalArn").filter(g.principalArns()::contains).isPresent();
        assertThat(decision).isEqualTo(covered && !exempt ? Decision.EXPLICIT_DENY : Decision.NOT_DENIED);
    }

    /** Statement order never matters. */
    @Property(tries = 200)
    void statementOrderDoesNotMatter(@ForAll("generateRequests") GenerateRequest g, @ForAll("requests") Request request,
            @ForAll long seed) {
        Policy generated = GroundTruthPolicy.generate(g, TABLE).policy();
        List<Statement> statements = new ArrayList<>(generated.statements());
        statements.add(Statement.builder().sid("AllowAll").effect(dev.gtvpc.policy.Effect.ALLOW)
                .principal(dev.gtvpc.policy.PrincipalBlock.everyone())
                .action(new dev.gtvpc.policy.ActionBlock(false, dev.gtvpc.policy.Values.of("s3:*")))
                .resource(new dev.gtvpc.policy.ResourceBlock(false, dev.gtvpc.policy.Values.of("*"))).build());
        Policy forward = generated.toBuilder().statements(statements).build();
        Collections.shuffle(statements, new Random(seed));
        Policy shuffled = generated.toBuilder().statements(statements).build();
        assertThat(Evaluator.evaluate(shuffled, request).decision()).isEqualTo(Evaluator.evaluate(forward, request).decision());
    }

    /** Condition key names compare without case: re-spelling them changes no decision. */
    @Property(tries = 200)
    void keyNameCaseDoesNotMatter(@ForAll("generateRequests") GenerateRequest g, @ForAll("requests") Request request,
            @ForAll boolean upper) {
        Policy policy = GroundTruthPolicy.generate(g, TABLE).policy();
        Statement s = policy.statements().get(0);
        List<ConditionBlock> respelled = new ArrayList<>();
        for (ConditionBlock block : s.condition().orElseThrow().blocks()) {
            List<ConditionEntry> entries = block.entries().stream().map(e -> new ConditionEntry(
                    upper ? e.key().toUpperCase(Locale.ROOT) : e.key().toLowerCase(Locale.ROOT), e.values())).toList();
            respelled.add(new ConditionBlock(block.operator(), entries));
        }
        Policy other = policy.toBuilder().statements(List.of(s.toBuilder().condition(new Condition(respelled)).build())).build();
        assertThat(Evaluator.evaluate(other, request).decision()).isEqualTo(Evaluator.evaluate(policy, request).decision());
    }

    /** On a present single-valued key a negated operator is exactly the negation of its positive twin. */
    @Property(tries = 500)
    void aNegatedOperatorNegatesItsTwin(@ForAll("operators") String positive, @ForAll("values") String requestValue,
            @ForAll("valueLists") List<String> policyValues) {
        ConditionOperator pos = ConditionOperator.parse(positive);
        ConditionOperator neg = ConditionOperator.parse(positive.replace("Equals", "NotEquals").replace("Like", "NotLike"));
        ConditionEntry entry = new ConditionEntry("k", dev.gtvpc.policy.ConditionValues.strings(policyValues));
        ContextKeys context = ContextKeys.of(Map.of("k", List.of(requestValue)));
        boolean p = ConditionEvaluator.evaluate(pos, entry, context, true).result();
        boolean n = ConditionEvaluator.evaluate(neg, entry, context, true).result();
        OperatorType type = pos.type().orElseThrow();
        boolean readable = PolicyValues.readable(type, requestValue) && !requestValue.equals("*")
                && policyValues.stream().allMatch(v -> PolicyValues.readable(type, v));
        if (readable || p) {
            assertThat(n).isEqualTo(!p);
        } else {
            // a value the operator cannot read: the condition holds under neither polarity (arn-malformed.json)
            assertThat(n).as("%s on unreadable values", neg.text()).isFalse();
        }
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of("StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike");
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of("a", "A", "ab", "a*", "arn:aws:iam::111122223333:role/a", "arn:aws:iam::111122223333:role/B", "");
    }

    @Provide
    Arbitrary<List<String>> valueLists() {
        return Arbitraries.of("a", "A", "a?", "*", "arn:aws:iam::*:role/a", "arn:aws:iam::111122223333:role/*", "b")
                .list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<GenerateRequest> generateRequests() {
        Arbitrary<String> region = Arbitraries.of(TABLE.regionNames());
        Arbitrary<List<String>> vpcs = Arbitraries.of(VPCS).list().uniqueElements().ofMaxSize(2);
        Arbitrary<List<String>> vpces = Arbitraries.of(VPCES.subList(0, 3)).list().uniqueElements().ofMaxSize(2);
        Arbitrary<List<String>> roles = Arbitraries.of(ROLES.subList(0, 2)).list().uniqueElements().ofMaxSize(2);
        Arbitrary<List<String>> actions = Arbitraries.of("s3:GetObject", "s3:PutObject", "s3:ListBucket")
                .list().uniqueElements().ofMinSize(1).ofMaxSize(3);
        Arbitrary<PolicyStyle> style = Arbitraries.of(PolicyStyle.STRICT, PolicyStyle.LEGACY);
        return Combinators.combine(region, vpcs, vpces, roles, actions, style)
                .as((r, v, e, p, a, st) -> new GenerateRequest(r, "labeling-data", v.isEmpty() && e.isEmpty() ? List.of(VPCS.get(0)) : v,
                        e, List.of(), p, Optional.empty(), Optional.of("111122223333"),
                        Optional.of(TABLE.find(r).orElseThrow().groundTruthEndpoint().value()), a, st, GenerateRequest.DEFAULT_SID));
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> action = Arbitraries.of("s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject");
        // the policy's own Ground Truth endpoint is among the request's endpoints, whatever the region
        List<String> endpoints = new ArrayList<>(VPCES);
        TABLE.regionNames().forEach(r -> endpoints.add(TABLE.find(r).orElseThrow().groundTruthEndpoint().value()));
        Arbitrary<Optional<String>> vpce = Arbitraries.of(endpoints).optional();
        Arbitrary<Optional<String>> vpc = Arbitraries.of(VPCS).optional();
        // the VPC's Region: the bucket's or another, where a VPC of the same ID is another VPC
        Arbitrary<String> vpcRegion = Arbitraries.of("us-east-1", "eu-west-1", "ap-south-1");
        Arbitrary<String> principal = Arbitraries.of(ROLES.get(0), ROLES.get(1), ROLES.get(2),
                "arn:aws:sts::111122223333:assumed-role/b/s", "anonymous");
        return Combinators.combine(action, vpce, vpc, vpcRegion, principal).as((a, e, v, vr, p) -> {
            Map<String, List<String>> context = new LinkedHashMap<>();
            e.ifPresent(x -> context.put("aws:SourceVpce", List.of(x)));
            v.ifPresent(x -> context.put("aws:SourceVpc", List.of(x)));
            v.ifPresent(x -> context.put("aws:SourceVpcArn", List.of("arn:aws:ec2:" + vr + ":111122223333:vpc/" + x)));
            String resource = a.equals("s3:ListBucket") ? "arn:aws:s3:::labeling-data" : "arn:aws:s3:::labeling-data/k";
            return new Request(a, resource, RequestPrincipal.parse(p), Optional.of("111122223333"), ContextKeys.of(context))
                    .withPrincipalKeys();
        });
    }

    private static GenerateRequest restyled(GenerateRequest g, PolicyStyle style) {
        return new GenerateRequest(g.region(), g.bucket(), g.vpcs(), g.vpces(), g.vpceOrgs(), g.principalArns(), g.vpcAccount(),
                g.bucketAccount(), g.gtEndpointOverride(), g.actions(), style, g.sid());
    }

    private static Optional<String> value(Request r, String key) {
        return r.context().get(key).map(e -> e.values().get(0));
    }
}
