package dev.gtvpc.policy.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Condition;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.ConditionValue;
import dev.gtvpc.policy.ConditionValues;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyElement;
import dev.gtvpc.policy.PrincipalBlock;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.PrincipalType;
import dev.gtvpc.policy.ResourceBlock;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.StatementElement;
import dev.gtvpc.policy.Values;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any policy the model can hold is written and read back unchanged: meaning, order and shapes. */
class PolicyRoundTripProperties {

    @Property(tries = 500)
    void prettyWriteThenReadGivesTheSamePolicy(@ForAll("policies") Policy policy) {
        assertThat(PolicyReader.read(PolicyWriter.pretty(policy), "generated").policy()).isEqualTo(policy);
    }

    @Property(tries = 500)
    void compactWriteThenReadGivesTheSamePolicy(@ForAll("policies") Policy policy) {
        String compact = PolicyWriter.compact(policy);
        assertThat(PolicyReader.read(compact, "generated").policy()).isEqualTo(policy);
        assertThat(PolicyReader.compactSize(compact)).isEqualTo(compact.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Property(tries = 200)
    void writingIsAFixedPoint(@ForAll("policies") Policy policy) {
        String once = PolicyWriter.pretty(policy);
        assertThat(PolicyWriter.pretty(PolicyReader.read(once, "generated").policy())).isEqualTo(once);
    }

    @Provide
    Arbitrary<Policy> policies() {
        Arbitrary<String> version = Arbitraries.of(Policy.VERSION_2012, Policy.VERSION_2008, "2099-01-01").injectNull(0.2);
        Arbitrary<String> id = text().injectNull(0.5);
        Arbitrary<List<Statement>> statements = statement().list().ofMaxSize(4);
        Arbitrary<List<PolicyElement>> order = Arbitraries.of(PolicyElement.values()).list().uniqueElements().ofMaxSize(3);
        return Combinators.combine(version, id, statements, order, Arbitraries.of(true, false))
                .as((v, i, s, o, object) -> Policy.builder().version(v).id(i).statements(s)
                        .statementIsObject(object && s.size() == 1).elementOrder(o).build());
    }

    private Arbitrary<Statement> statement() {
        Arbitrary<String> sid = text().injectNull(0.3);
        Arbitrary<Effect> effect = Arbitraries.of(Effect.values()).injectNull(0.1);
        Arbitrary<PrincipalBlock> principal = principal().injectNull(0.1);
        Arbitrary<ActionBlock> action = Combinators.combine(Arbitraries.of(true, false), values())
                .as(ActionBlock::new).injectNull(0.1);
        Arbitrary<ResourceBlock> resource = Combinators.combine(Arbitraries.of(true, false), values())
                .as(ResourceBlock::new).injectNull(0.1);
        Arbitrary<Condition> condition = condition().injectNull(0.3);
        Arbitrary<List<StatementElement>> order = Arbitraries.of(StatementElement.values()).list().uniqueElements().ofMaxSize(9);
        return Combinators.combine(sid, effect, principal, action, resource, condition, order)
                .as((s, e, p, a, r, c, o) -> Statement.builder().sid(s).effect(e).principal(p).action(a).resource(r)
                        .condition(c).elementOrder(o).build());
    }

    private Arbitrary<PrincipalBlock> principal() {
        Arbitrary<PrincipalBlock> everyone = Arbitraries.of(true, false).map(n -> new PrincipalBlock(n, true, List.of()));
        Arbitrary<PrincipalBlock> named = Combinators.combine(Arbitraries.of(true, false),
                Combinators.combine(Arbitraries.of(PrincipalType.values()), values()).as(PrincipalEntry::new)
                        .list().ofMaxSize(4).uniqueElements(PrincipalEntry::type))
                .as(PrincipalBlock::of);
        return Arbitraries.oneOf(everyone, named);
    }

    private Arbitrary<Condition> condition() {
        Arbitrary<ConditionValue> value = Arbitraries.oneOf(
                text().map(ConditionValue::string),
                Arbitraries.of("true", "false").map(b -> new ConditionValue(b, ConditionValue.Kind.BOOLEAN)),
                Arbitraries.of("0", "-1", "10.50", "1e3", "123456789012345678901234567890")
                        .map(n -> new ConditionValue(n, ConditionValue.Kind.NUMBER)));
        Arbitrary<ConditionValues> values = Arbitraries.oneOf(
                value.map(v -> new ConditionValues(List.of(v), true)),
                value.list().ofMaxSize(4).map(l -> new ConditionValues(l, false)));
        Arbitrary<ConditionEntry> entry = Combinators.combine(key(), values).as(ConditionEntry::new);
        Arbitrary<String> operator = Arbitraries.oneOf(
                Arbitraries.of("StringEquals", "StringNotEquals", "ForAllValues:StringNotEquals", "ForAnyValue:StringLikeIfExists",
                        "Null", "NumericLessThan", "Bool", "IpAddress", "ArnNotLikeIfExists", "DateGreaterThan"),
                text());
        Arbitrary<ConditionBlock> block = Combinators.combine(operator,
                        entry.list().ofMaxSize(3).uniqueElements(ConditionEntry::key))
                .as((op, entries) -> new ConditionBlock(ConditionOperator.parse(op), entries));
        return block.list().ofMaxSize(3).uniqueElements(b -> b.operator().text()).map(Condition::new);
    }

    private Arbitrary<Values> values() {
        return Arbitraries.oneOf(
                text().map(Values::of),
                text().list().ofMaxSize(4).map(Values::list));
    }

    private Arbitrary<String> key() {
        return Arbitraries.oneOf(Arbitraries.of("aws:SourceVpce", "aws:sourceVpce", "aws:SourceVpc", "aws:PrincipalArn",
                "aws:PrincipalTag/team"), text());
    }

    /** Any text, including quotes, backslashes, control characters and non-ASCII, kept short. */
    private Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(12)
                .filter(s -> s.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE));
    }

}
