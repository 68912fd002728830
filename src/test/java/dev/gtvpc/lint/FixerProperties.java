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
 * exempts requests from that VPC — the repair's purpose.
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

    @Provide
    Arbitrary<String> policies() {
        Arbitrary<String> entry = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of(VALUES).list().ofMinSize(1).ofMaxSize(3))
                .as((k, v) -> "\"" + k + "\":[" + String.join(",", v.stream().map(x -> "\"" + x + "\"").toList()) + "]");
        Arbitrary<String> block = Combinators.combine(Arbitraries.of(OPERATORS), entry.list().ofMinSize(1).ofMaxSize(3))
                .as((op, entries) -> "\"" + op + "\":{" + String.join(",", distinctKeys(entries)) + "}");
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
