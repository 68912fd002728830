package dev.gtvpc.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.policy.io.PolicyWriter;
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
 * --fix changes no decision, except that a VPC ID moved from aws:SourceVpce to aws:SourceVpc now
 * exempts requests from that VPC — the repair's purpose — and, given the bucket's Region, that aws:SourceVpc
 * bound to it by aws:SourceVpcArn no longer matches a same-ID VPC of another Region (that one's purpose):
 * requests from the Region's VPCs, of any account, and requests not through an endpoint are decided alike.
 */
class FixerProperties {
    private static final List<String> OPERATORS = List.of("ForAllValues:StringNotEquals", "ForAllValues:StringEquals",
            "ForAnyValue:StringEquals", "ForAnyValue:StringNotEquals", "ForAllValues:StringNotEqualsIfExists",
            "ForAnyValue:StringNotEqualsIfExists", "StringNotEquals", "ForAllValues:ArnNotLike", "ForAnyValue:ArnLike");
    private static final List<String> KEYS = List.of("aws:SourceVpce", "aws:sourceVpce", "AWS:SOURCEVPC", "aws:SourceVpc",
            "aws:principalarn");
    private static final List<String> VALUES = List.of("vpce-11111111", "vpce-0123456789abcdef0", "vpc-22222222",
            "vpc-0abc1234def567890", "arn:aws:iam::210987654321:role/a", "arn:aws:iam::210987654321:role/*");

    @Property(tries = 400)
    void fixingChangesNoDecisionButTheMovedVpcs(@ForAll("policies") String text, @ForAll("requests") Request request) {
        Policy before = PolicyReader.read(text, "before").policy();
        Fixer.Result fixed = Fixer.fix(before);
        Policy after = PolicyReader.read(PolicyWriter.pretty(fixed.policy()), "after").policy();
        var was = Evaluator.evaluate(before, request).decision();
        var now = Evaluator.evaluate(after, request).decision();
        Optional<String> vpc = request.context().get("aws:SourceVpc").map(e -> e.values().get(0));
        boolean moved = vpc.isPresent() && fixed.changes().stream().anyMatch(c -> c.contains("moved") && c.contains(vpc.get()));
        if (!moved) {
            assertThat(now).as("changes %s", fixed.changes()).isEqualTo(was);
        }
    }

    @Property(tries = 200)
    void afterFixingTheFixableFindingsAreGone(@ForAll("policies") String text) {
        Policy before = PolicyReader.read(text, "before").policy();
        Fixer.Result fixed = Fixer.fix(before);
        Linter linter = new Linter(LintOptions.none(), GroundTruthAccess.service(RegionTable.bundled()));
        List<String> after = linter.lint(PolicyWriter.pretty(fixed.policy()), "after").findings().stream().map(Finding::ruleId).toList();
        boolean oneBlock = before.statements().get(0).condition().orElseThrow().blocks().size() == 1;
        if (oneBlock && after.contains("key-name-case")) {
            // a key spelled in two cases in one block cannot take one spelling without merging values; with
            // several blocks, a fix that would leave one operator twice is not applied to that statement
            assertThat(after).contains("key-case-duplicate");
        }
        assertThat(Fixer.fix(fixed.policy()).changes()).as("fixing twice").isEmpty();
    }

    private static final String FIX_REGION = "us-east-1";
    private static final List<String> VPC_OPERATORS = List.of("StringEquals", "StringNotEquals", "StringEqualsIfExists",
            "StringNotEqualsIfExists", "StringLike", "StringNotLike", "ForAllValues:StringNotEquals", "ArnEquals");
    private static final List<String> VPC_KEYS = List.of("aws:SourceVpc", "aws:sourcevpc", "aws:SourceVpce", "aws:PrincipalArn");
    private static final List<String> VPC_VALUES = List.of("vpc-22222222", "vpc-0abc1234def567890", "vpc-2222*", "vpce-11111111",
            "arn:aws:iam::210987654321:role/a");

    @Property(tries = 400)
    void bindingTheRegionChangesOnlyOtherRegionsVpcs(@ForAll("vpcPolicies") String text, @ForAll("vpcRequests") Request request) {
        Policy before = PolicyReader.read(text, "before").policy();
        Fixer.Result fixed = Fixer.fix(before, Optional.of(FIX_REGION));
        Policy after = PolicyReader.read(PolicyWriter.pretty(fixed.policy()), "after").policy();
        Optional<String> vpcArn = request.context().get("aws:SourceVpcArn").map(e -> e.values().get(0));
        Optional<String> vpc = request.context().get("aws:SourceVpc").map(e -> e.values().get(0));
        boolean moved = vpc.isPresent() && fixed.changes().stream().anyMatch(c -> c.contains("moved") && c.contains(vpc.get()));
        if (!moved && (vpcArn.isEmpty() || vpcArn.get().startsWith("arn:aws:ec2:" + FIX_REGION + ":"))) {
            assertThat(Evaluator.evaluate(after, request).decision()).as("changes %s", fixed.changes())
                    .isEqualTo(Evaluator.evaluate(before, request).decision());
        }
    }

    @Property(tries = 200)
    void afterBindingTheRegionOnlyWhatWasLeftIsFlagged(@ForAll("vpcPolicies") String text) {
        Fixer.Result fixed = Fixer.fix(PolicyReader.read(text, "before").policy(), Optional.of(FIX_REGION));
        LintOptions options = new LintOptions(Optional.of(FIX_REGION), Optional.empty(), List.of(), List.of(), java.util.Set.of());
        long flagged = new Linter(options, GroundTruthAccess.service(RegionTable.bundled())).lint(PolicyWriter.pretty(fixed.policy()), "after")
                .findings().stream().filter(f -> f.ruleId().equals("source-vpc-without-region")).count();
        if (fixed.left().isEmpty()) {
            assertThat(flagged).as("changes %s", fixed.changes()).isZero();
        }
        assertThat(Fixer.fix(fixed.policy(), Optional.of(FIX_REGION)).changes()).as("fixing twice").isEmpty();
    }

    @Provide
    Arbitrary<String> vpcPolicies() {
        return policies(VPC_OPERATORS, VPC_KEYS, Arbitraries.of(VPC_VALUES).list().uniqueElements().ofMinSize(1).ofMaxSize(2), 2);
    }

    /** Through an endpoint, both keys name the same VPC, as AWS sets them: its ID, and its ARN with Region and owner. */
    @Provide
    Arbitrary<Request> vpcRequests() {
        Arbitrary<Optional<String>> vpcArn = Combinators.combine(Arbitraries.of(FIX_REGION, "eu-west-1"),
                Arbitraries.of("210987654321", "111122223333"), Arbitraries.of("vpc-22222222", "vpc-0abc1234def567890", "vpc-99999999"))
                .as((region, account, vpc) -> "arn:aws:ec2:" + region + ":" + account + ":vpc/" + vpc).optional();
        return Combinators.combine(vpcArn, Arbitraries.of("arn:aws:iam::210987654321:role/a", "anonymous")).as((arn, principal) -> {
            Map<String, List<String>> context = new LinkedHashMap<>();
            arn.ifPresent(a -> {
                context.put("aws:SourceVpcArn", List.of(a));
                context.put("aws:SourceVpc", List.of(a.substring(a.lastIndexOf('/') + 1)));
                context.put("aws:SourceVpce", List.of("vpce-11111111"));
            });
            return new Request("s3:GetObject", "arn:aws:s3:::labeling-data/k", RequestPrincipal.parse(principal), Optional.empty(),
                    ContextKeys.of(context)).withPrincipalKeys();
        });
    }

    @Provide
    Arbitrary<String> policies() {
        return policies(OPERATORS, KEYS, Arbitraries.of(VALUES).list().ofMinSize(1).ofMaxSize(3), 3);
    }

    /** One statement, Deny or Allow, with one or two blocks of these operators, each of up to {@code entries} keys. */
    private static Arbitrary<String> policies(List<String> operators, List<String> keys, Arbitrary<List<String>> values, int entries) {
        Arbitrary<String> entry = Combinators.combine(Arbitraries.of(keys), values)
                .as((k, v) -> "\"" + k + "\":[" + String.join(",", v.stream().map(x -> "\"" + x + "\"").toList()) + "]");
        Arbitrary<String> block = Combinators.combine(Arbitraries.of(operators), entry.list().ofMinSize(1).ofMaxSize(entries))
                .as((op, es) -> "\"" + op + "\":{" + String.join(",", distinctKeys(es)) + "}");
        Arbitrary<String> condition = block.list().ofMinSize(1).ofMaxSize(2).map(blocks -> "{" + String.join(",", distinctOps(blocks)) + "}");
        return Combinators.combine(Arbitraries.of("Deny", "Allow"), condition).as((effect, c) ->
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"arn:aws:s3:::labeling-data/*\",\"Condition\":" + c + "}]}");
    }

    @Provide
    Arbitrary<Request> requests() {
        return Combinators.combine(Arbitraries.of("vpce-11111111", "vpce-0123456789abcdef0", "vpce-99999999").optional(),
                Arbitraries.of("vpc-22222222", "vpc-0abc1234def567890", "vpc-99999999").optional(),
                Arbitraries.of("arn:aws:iam::210987654321:role/a", "arn:aws:iam::210987654321:role/b", "anonymous"))
                .as((vpce, vpc, principal) -> {
                    Map<String, List<String>> context = new LinkedHashMap<>();
                    vpce.ifPresent(v -> context.put("aws:SourceVpce", List.of(v)));
                    vpc.ifPresent(v -> context.put("aws:SourceVpc", List.of(v)));
                    return new Request("s3:GetObject", "arn:aws:s3:::labeling-data/k", RequestPrincipal.parse(principal),
                            Optional.empty(), ContextKeys.of(context)).withPrincipalKeys();
                });
    }

    /** JSON members of one object must have distinct names (by the text before the colon). */
    private static List<String> distinctKeys(List<String> members) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String m : members) {
            byKey.putIfAbsent(m.substring(0, m.indexOf("\":") + 1), m);
        }
        return new ArrayList<>(byKey.values());
    }

    private static List<String> distinctOps(List<String> blocks) {
        return distinctKeys(blocks);
    }
}
