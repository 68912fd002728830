package dev.gtvpc.policy.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.ConditionValue;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyElement;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.StatementElement;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PolicyReaderTest {

    /** Each case names the problems the reader must report, with kind, pointer and (where given) position. */
    @TestFactory
    Stream<DynamicTest> rejections() {
        return JsonData.list(JsonData.read(Golden.testResource("reader/rejections.json"))).stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
                    String text = c.containsKey("file")
                            ? Golden.read(Golden.root().resolve((String) c.get("file")))
                            : (String) c.get("text");
                    PolicyReader.Result result = PolicyReader.parse(text);
                    assertThat(result.ok()).isFalse();
                    List<Map<String, Object>> expected = JsonData.list(c.get("problems"));
                    assertThat(result.problems()).hasSize(expected.size());
                    for (int i = 0; i < expected.size(); i++) {
                        Map<String, Object> e = expected.get(i);
                        ReadProblem actual = result.problems().get(i);
                        assertThat(actual.kind().id()).isEqualTo(e.get("kind"));
                        if (e.containsKey("pointer")) {
                            assertThat(actual.pointer()).isEqualTo(e.get("pointer"));
                        }
                        if (e.containsKey("line")) {
                            assertThat(actual.location())
                                    .isEqualTo(new SourceLocation(((Long) e.get("line")).intValue(), ((Long) e.get("column")).intValue()));
                        }
                        if (e.containsKey("message")) {
                            assertThat(actual.message()).isEqualTo(e.get("message"));
                        }
                    }
                }));
    }

    @Test
    void theDuplicateKeyOfThePagesThirdExampleIsReportedWhereItStands() {
        String text = Golden.read(Golden.root().resolve("policies/aws-doc/current/example-3.json"));
        ReadProblem p = PolicyReader.parse(text).problems().get(0);
        int column = text.indexOf("\"StringNotEquals\"", text.indexOf("\"StringNotEquals\"") + 1) + 1;
        assertThat(p.location()).isEqualTo(new SourceLocation(1, column));
        assertThat(p.format("example-3.json")).isEqualTo("example-3.json:1:" + column + ": The Condition has the key"
                + " \"StringNotEquals\" twice; most JSON parsers keep only the last one and silently drop the first, so the"
                + " policy would not mean what it says — merge the two into one (at /Statement/0/Condition/StringNotEquals)");
    }

    @Test
    void readThrowsOneLineNamingTheFirstProblemAndCountingTheRest() {
        assertThatThrownBy(() -> PolicyReader.read("{\"Statement\":[{\"Sid\":\"a\",\"Sid\":\"b\",\"Effect\":\"deny\"}]}", "p.json"))
                .isInstanceOf(GtvpcException.class)
                .hasMessage("p.json:1:26: The statement has the key \"Sid\" twice; most JSON parsers keep only the last one"
                        + " and silently drop the first, so the policy would not mean what it says — merge the two into one"
                        + " (at /Statement/0/Sid) (and 1 more; 'gtvpc policy lint' lists them all)");
    }

    @TestFactory
    Stream<DynamicTest> thePublishedExamplesThatAreJsonRead() {
        return Stream.of("2023/example-2.json", "2023/example-3.json", "current/example-1.json", "current/example-2.json",
                "seed-ko/example-1.json").map(f -> DynamicTest.dynamicTest(f, () -> {
                    PolicyReader.Result r = PolicyReader.parse(Golden.read(Golden.root().resolve("policies/aws-doc/" + f)));
                    assertThat(r.problems()).isEmpty();
                    assertThat(r.parsed().orElseThrow().policy().statements()).hasSize(1);
                }));
    }

    @Test
    void understandsEveryPartOfTheGrammar() {
        String text = """
                {
                  "Id": "x",
                  "Statement": {
                    "Effect": "Allow",
                    "Sid": "A1",
                    "NotPrincipal": {"AWS": ["111122223333", "arn:aws:iam::111122223333:role/r"], "Service": "sagemaker.amazonaws.com"},
                    "NotAction": "s3:Delete*",
                    "NotResource": ["arn:aws:s3:::b/private/*"],
                    "Condition": {
                      "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["team-*"]},
                      "NumericLessThan": {"s3:max-keys": 10},
                      "Bool": {"aws:SecureTransport": false},
                      "StringNotEqualz": {"aws:SourceVpc": "vpc-12345678"}
                    }
                  }
                }
                """;
        ParsedPolicy parsed = PolicyReader.read(text, "t");
        Policy p = parsed.policy();
        assertThat(p.version()).isEmpty();
        assertThat(p.supportsPolicyVariables()).isFalse();
        assertThat(p.elementOrder()).containsExactly(PolicyElement.ID, PolicyElement.STATEMENT);
        assertThat(p.statementIsObject()).isTrue();
        Statement s = p.statements().get(0);
        assertThat(s.elementOrder()).containsExactly(StatementElement.EFFECT, StatementElement.SID, StatementElement.NOT_PRINCIPAL,
                StatementElement.NOT_ACTION, StatementElement.NOT_RESOURCE, StatementElement.CONDITION);
        assertThat(s.effect()).contains(Effect.ALLOW);
        assertThat(s.principal().orElseThrow().negated()).isTrue();
        assertThat(s.principal().get().entries()).hasSize(2);
        assertThat(s.action().orElseThrow().negated()).isTrue();
        assertThat(s.action().get().actions().scalar()).isTrue();
        assertThat(s.resource().orElseThrow().resources().scalar()).isFalse();
        var blocks = s.condition().orElseThrow().blocks();
        ConditionOperator first = blocks.get(0).operator();
        assertThat(first.qualifier()).isEqualTo(SetQualifier.FOR_ANY_VALUE);
        assertThat(first.type()).contains(OperatorType.STRING_LIKE);
        assertThat(first.ifExists()).isTrue();
        assertThat(blocks.get(1).entries().get(0).values().items()).containsExactly(new ConditionValue("10", ConditionValue.Kind.NUMBER));
        assertThat(blocks.get(2).entries().get(0).values().items()).containsExactly(new ConditionValue("false", ConditionValue.Kind.BOOLEAN));
        assertThat(blocks.get(3).operator().known()).isFalse();
        assertThat(blocks.get(3).operator().text()).isEqualTo("StringNotEqualz");
        assertThat(parsed.sourceMap().valueAt("/Statement/Condition/Bool/aws:SecureTransport")).contains(new SourceLocation(12, 39));
        assertThat(parsed.sourceMap().nameAt("/Statement/Condition/Bool")).contains(new SourceLocation(12, 7));
    }

    @Test
    void theSizeLimitCountsWhatS3WouldReceiveNotTheIndentation() {
        StringBuilder values = new StringBuilder();
        String filler = "\"" + "a".repeat(90) + "\"";
        int count = 0;
        String head = "{\"Statement\":[{\"Condition\":{\"StringEquals\":{\"k\":[";
        String tail = "]}}}]}";
        while (head.length() + tail.length() + values.length() + filler.length() + 1 <= PolicyReader.MAX_POLICY_BYTES) {
            values.append(count++ == 0 ? "" : ",").append(filler);
        }
        String compact = head + values + tail;
        assertThat(compact.length()).isLessThanOrEqualTo(PolicyReader.MAX_POLICY_BYTES);
        String indented = compact.replace(",", ",\n        ");
        assertThat(indented.length()).isGreaterThan(PolicyReader.MAX_POLICY_BYTES);
        assertThat(PolicyReader.parse(indented).problems()).isEmpty();
        assertThat(PolicyReader.compactSize(indented)).isEqualTo(compact.length());
        assertThat(PolicyReader.parse(compact.replace("]}}}]}", ",\"" + "b".repeat(200) + "\"]}}}]}")).problems())
                .extracting(ReadProblem::kind).containsExactly(ReadProblem.Kind.TOO_LARGE);
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
        assertThat(PolicyReader.compactSize("{\"Sid\": \"é€\"}")).isEqualTo("{\"Sid\":\"é€\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(PolicyReader.compactSize("{\"Sid\": \"a b\"}")).isEqualTo(13);
    }
}
