package dev.gtvpc.policy.io;

import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.ConditionValue;
import dev.gtvpc.policy.ConditionValues;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyElement;
import dev.gtvpc.policy.PrincipalBlock;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.StatementElement;
import dev.gtvpc.policy.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a policy back as JSON: elements in the order the model records, each value in the shape it
 * was written in (a string or an array). The same model always gives the same bytes.
 */
public final class PolicyWriter {
    private PolicyWriter() {
    }

    public static String pretty(Policy policy) {
        return Json.write(toJson(policy), true);
    }

    public static String compact(Policy policy) {
        return Json.write(toJson(policy), false);
    }

    /** The policy as a JSON tree, for renderers that write other syntaxes (YAML, HCL). */
    public static Json.Obj toJson(Policy policy) {
        List<Json.Member> members = new ArrayList<>();
        for (PolicyElement element : policy.elementOrder()) {
            switch (element) {
                case VERSION -> members.add(Json.member("Version", Json.str(policy.version().orElseThrow())));
                case ID -> members.add(Json.member("Id", Json.str(policy.id().orElseThrow())));
                case STATEMENT -> {
                    List<Json.Value> statements = policy.statements().stream().map(PolicyWriter::statement)
                            .map(Json.Value.class::cast).toList();
                    members.add(Json.member("Statement",
                            policy.statementIsObject() ? statements.get(0) : Json.arr(statements)));
                }
            }
        }
        return Json.obj(members);
    }

    private static Json.Obj statement(Statement s) {
        List<Json.Member> members = new ArrayList<>();
        for (StatementElement element : s.elementOrder()) {
            Json.Value value = switch (element) {
                case SID -> Json.str(s.sid().orElseThrow());
                case EFFECT -> Json.str(s.effect().orElseThrow().json());
                case PRINCIPAL, NOT_PRINCIPAL -> principal(s.principal().orElseThrow());
                case ACTION, NOT_ACTION -> values(s.action().orElseThrow().actions());
                case RESOURCE, NOT_RESOURCE -> values(s.resource().orElseThrow().resources());
                case CONDITION -> condition(s.condition().orElseThrow().blocks());
            };
            members.add(Json.member(element.json(), value));
        }
        return Json.obj(members);
    }

    private static Json.Value principal(PrincipalBlock principal) {
        if (principal.wildcard()) {
            return Json.str("*");
        }
        List<Json.Member> members = new ArrayList<>();
        for (PrincipalEntry entry : principal.entries()) {
            members.add(Json.member(entry.type().json(), values(entry.ids())));
        }
        return Json.obj(members);
    }

    private static Json.Value values(Values values) {
        if (values.scalar()) {
            return Json.str(values.items().get(0));
        }
        return Json.arr(values.items().stream().map(Json::str).map(Json.Value.class::cast).toList());
    }

    private static Json.Value condition(List<ConditionBlock> blocks) {
        List<Json.Member> operators = new ArrayList<>();
        for (ConditionBlock block : blocks) {
            List<Json.Member> keys = new ArrayList<>();
            for (ConditionEntry entry : block.entries()) {
                keys.add(Json.member(entry.key(), conditionValues(entry.values())));
            }
            operators.add(Json.member(block.operator().text(), Json.obj(keys)));
        }
        return Json.obj(operators);
    }

    private static Json.Value conditionValues(ConditionValues values) {
        if (values.scalar()) {
            return conditionValue(values.items().get(0));
        }
        return Json.arr(values.items().stream().map(PolicyWriter::conditionValue).toList());
    }

    private static Json.Value conditionValue(ConditionValue value) {
        return switch (value.kind()) {
            case STRING -> Json.str(value.text());
            case BOOLEAN -> new Json.Bool(Boolean.parseBoolean(value.text()), SourceLocation.START);
            case NUMBER -> new Json.Num(value.text(), SourceLocation.START);
        };
    }
}
