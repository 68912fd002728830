package dev.gtvpc.policy.io;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Condition;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.ConditionValue;
import dev.gtvpc.policy.ConditionValues;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.JsonPointer;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyElement;
import dev.gtvpc.policy.PrincipalBlock;
import dev.gtvpc.policy.PrincipalEntry;
import dev.gtvpc.policy.PrincipalType;
import dev.gtvpc.policy.ResourceBlock;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.StatementElement;
import dev.gtvpc.policy.Values;
import dev.gtvpc.util.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a bucket policy document into the model. It accepts every document whose shape is that of a
 * policy, even one AWS would refuse for what it says (a missing Principal, an unknown operator):
 * judging that is lint's work. It refuses what cannot be read without guessing, each with its JSON
 * pointer and line:column: invalid JSON, a key written twice in one object, a value of the wrong
 * JSON type, an element IAM does not define, a document larger than S3 accepts.
 */
public final class PolicyReader {
    /** "Bucket policies are limited to 20 KB in size" (S3 User Guide, using-iam-policies.html). */
    public static final int MAX_POLICY_BYTES = 20 * 1024;

    private static final List<String> TOP_LEVEL_NAMES =
            Arrays.stream(PolicyElement.values()).map(PolicyElement::json).toList();
    private static final List<String> STATEMENT_NAMES =
            Arrays.stream(StatementElement.values()).map(StatementElement::json).toList();
    private static final List<String> PRINCIPAL_TYPE_NAMES =
            Arrays.stream(PrincipalType.values()).map(PrincipalType::json).toList();

    private final List<ReadProblem> problems = new ArrayList<>();
    private final SourceMap sourceMap = new SourceMap();
    private final boolean lastKeyWins;

    private PolicyReader(boolean lastKeyWins) {
        this.lastKeyWins = lastKeyWins;
    }

    /**
     * The outcome of reading: a policy, or the problems that stopped it (never both). {@code partial} is
     * what could be read despite the problems — each element with a problem left out, every other one
     * in place, statements at their own index — so lint can go on checking the rest of a statement
     * whose Effect or Principal is wrong. It is empty only when nothing is a policy (not JSON, not an
     * object); with no problems it is {@code parsed}.
     */
    public record Result(Optional<ParsedPolicy> parsed, List<ReadProblem> problems, Optional<ParsedPolicy> partial) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return parsed.isPresent();
        }
    }

    /** Reads {@code text}; every problem found is in the result, none is thrown. */
    public static Result parse(String text) {
        return new PolicyReader(false).run(text);
    }

    /**
     * Reads {@code text} as ordinary JSON parsers do: of a key written twice, the last one wins and
     * the first is silently dropped. Only for showing what such a parser makes of a policy.
     */
    public static Result parseLastKeyWins(String text) {
        return new PolicyReader(true).run(text);
    }

    /** Reads a policy already parsed as JSON (a member of a cases file); its size is that of its compact form. */
    public static Result parse(Json.Value root) {
        PolicyReader reader = new PolicyReader(false);
        int size = compactSize(Json.write(root, false));
        if (size > MAX_POLICY_BYTES) {
            reader.problems.add(reader.tooLarge(size));
        }
        return reader.result(reader.readPolicy(root));
    }

    /**
     * Reads {@code text} or throws a bad-input error whose one-line message names the first problem
     * as {@code SOURCE:LINE:COL: message (at POINTER)}.
     */
    public static ParsedPolicy read(String text, String source) {
        Result result = parse(text);
        if (result.ok()) {
            return result.parsed().get();
        }
        List<ReadProblem> found = result.problems();
        String more = found.size() > 1 ? " (and " + (found.size() - 1) + " more; 'gtvpc policy lint' lists them all)" : "";
        throw GtvpcException.badInput(found.get(0).format(source) + more);
    }

    /** The size S3 would measure when gtvpc sends the document: its UTF-8 bytes outside insignificant whitespace. */
    public static int compactSize(String text) {
        int bytes = 0;
        StringLiterals strings = new StringLiterals();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!strings.read(c) && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            bytes += utf8Length(c);
        }
        return bytes;
    }

    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800) {
            return 2;
        }
        // a surrogate pair is 4 bytes in all: 2 for each half
        return Character.isSurrogate(c) ? 2 : 3;
    }

    private Result run(String text) {
        if (text.startsWith("\uFEFF")) {
            // S3 refuses it: "Policies must be valid JSON and the first byte must be '{'" (MalformedPolicy,
            // as reported in aws/aws-cli#2779); a BOM's first byte is 0xEF
            problems.add(new ReadProblem(ReadProblem.Kind.INVALID_JSON, JsonPointer.ROOT, SourceLocation.START,
                    "the file starts with a UTF-8 byte-order mark (BOM), which S3 refuses (MalformedPolicy: the first byte"
                            + " must be '{'); remove the BOM (save as UTF-8 without BOM)",
                    Optional.of("remove the BOM: save the file as UTF-8 without BOM ('gtvpc policy lint --fix' removes it)")));
            return result(null);
        }
        // Too large by any measure: not worth reading into a tree. Whether it is JSON at all is still
        // checked (streaming), so 400 KB of '[' is invalid JSON, not a policy over the size limit; a
        // small policy padded with whitespace is read like any.
        int compact = text.length() > 16 * MAX_POLICY_BYTES ? compactSize(text) : 0;
        if (compact > MAX_POLICY_BYTES) {
            try {
                Json.checkSyntax(text);
            } catch (Json.SyntaxException e) {
                problems.add(invalidJson(e));
                return result(null);
            }
            problems.add(tooLarge(compact));
            return result(null);
        }
        Json.Value root;
        try {
            root = Json.parse(text);
        } catch (Json.SyntaxException e) {
            problems.add(invalidJson(e));
            return result(null);
        }
        int size = compactSize(text);
        if (size > MAX_POLICY_BYTES) {
            problems.add(tooLarge(size));
        }
        return result(readPolicy(root));
    }

    private static ReadProblem invalidJson(Json.SyntaxException e) {
        return new ReadProblem(ReadProblem.Kind.INVALID_JSON, e.pointer(), e.location(), "invalid JSON: " + e.getMessage(), e.fix());
    }

    private ReadProblem tooLarge(int size) {
        return new ReadProblem(ReadProblem.Kind.TOO_LARGE, JsonPointer.ROOT, SourceLocation.START,
                "the policy is " + size + " bytes without whitespace; S3 accepts bucket policies of at most 20 KB ("
                        + MAX_POLICY_BYTES + " bytes)");
    }

    private Result result(Policy policy) {
        Optional<ParsedPolicy> read = policy == null ? Optional.empty() : Optional.of(new ParsedPolicy(policy, sourceMap));
        return new Result(problems.isEmpty() ? read : Optional.empty(), problems, read);
    }

    private void problem(ReadProblem.Kind kind, String pointer, SourceLocation at, String message) {
        problems.add(new ReadProblem(kind, pointer, at, message));
    }

    private void wrongType(String pointer, Json.Value value, String element, String expected) {
        problem(ReadProblem.Kind.WRONG_TYPE, pointer, value.location(),
                element + " must be " + expected + ", not " + value.typeName());
    }

    /** Reports every member name that occurs a second time; returns the members to read (first of each name). */
    private List<Json.Member> distinctMembers(Json.Obj obj, String pointer, String what) {
        Set<String> seen = new HashSet<>();
        List<Json.Member> distinct = new ArrayList<>(obj.members().size());
        if (lastKeyWins) {
            for (Json.Member m : obj.members()) {
                distinct.removeIf(earlier -> earlier.name().equals(m.name()));
                distinct.add(m);
                sourceMap.name(JsonPointer.child(pointer, m.name()), m.nameLocation());
            }
            return distinct;
        }
        for (Json.Member m : obj.members()) {
            String memberPointer = JsonPointer.child(pointer, m.name());
            if (!seen.add(m.name())) {
                problem(ReadProblem.Kind.DUPLICATE_KEY, memberPointer, m.nameLocation(),
                        what + " has the key \"" + m.name() + "\" twice; most JSON parsers keep only the last one"
                                + " and silently drop the first, so the policy would not mean what it says"
                                + " — merge the two into one");
                continue;
            }
            sourceMap.name(memberPointer, m.nameLocation());
            distinct.add(m);
        }
        return distinct;
    }

    private Policy readPolicy(Json.Value root) {
        sourceMap.value(JsonPointer.ROOT, root.location());
        if (!(root instanceof Json.Obj obj)) {
            wrongType(JsonPointer.ROOT, root, "A policy document", "a JSON object");
            return null;
        }
        Policy.Builder builder = Policy.builder().version(null).hasStatementElement(false);
        Optional<String> other = otherDocument(obj);
        if (other.isPresent()) {
            // one finding that says what the file is, rather than one "unknown element" per request field
            problem(ReadProblem.Kind.UNKNOWN_ELEMENT, JsonPointer.ROOT, obj.location(), other.get());
            return builder.build();
        }
        List<PolicyElement> order = new ArrayList<>();
        for (Json.Member m : distinctMembers(obj, JsonPointer.ROOT, "The policy")) {
            String pointer = JsonPointer.child(JsonPointer.ROOT, m.name());
            sourceMap.value(pointer, m.value().location());
            Optional<PolicyElement> element = PolicyElement.fromJson(m.name());
            if (element.isEmpty()) {
                problem(ReadProblem.Kind.UNKNOWN_ELEMENT, pointer, m.nameLocation(),
                        "unknown top-level element \"" + m.name() + "\"" + Suggestions.didYouMean(m.name(), TOP_LEVEL_NAMES)
                                + "; a policy has Version, Id and Statement");
                continue;
            }
            order.add(element.get());
            switch (element.get()) {
                case VERSION -> string(m.value(), pointer, "Version").ifPresent(builder::version);
                case ID -> string(m.value(), pointer, "Id").ifPresent(builder::id);
                case STATEMENT -> readStatements(m.value(), pointer, builder);
            }
        }
        return builder.elementOrder(order).build();
    }

    /**
     * What a JSON object that is not a policy is, when it is one of the other documents gtvpc writes
     * (a user lints the wrong file of a pair): only when it has none of a policy's elements.
     */
    private static Optional<String> otherDocument(Json.Obj obj) {
        if (obj.members().stream().anyMatch(m -> PolicyElement.fromJson(m.name()).isPresent())) {
            return Optional.empty();
        }
        if (obj.get("LabelingJobName").isPresent() || obj.get("HumanTaskConfig").isPresent()) {
            return Optional.of("this is a SageMaker CreateLabelingJob request (as 'gtvpc job vpc-config --full' writes), not a"
                    + " policy");
        }
        if (obj.get("LabelingJobAlgorithmsConfig").isPresent()) {
            return Optional.of("this is CreateLabelingJob's LabelingJobAlgorithmsConfig (as 'gtvpc job vpc-config' writes), not a"
                    + " policy");
        }
        return Optional.empty();
    }

    private void readStatements(Json.Value value, String pointer, Policy.Builder builder) {
        builder.hasStatementElement(true);
        if (value instanceof Json.Obj single) {
            builder.statements(List.of(readStatement(single, pointer))).statementIsObject(true);
        } else if (value instanceof Json.Arr arr) {
            List<Statement> statements = new ArrayList<>();
            for (int i = 0; i < arr.items().size(); i++) {
                Json.Value item = arr.items().get(i);
                String itemPointer = JsonPointer.child(pointer, i);
                sourceMap.value(itemPointer, item.location());
                if (item instanceof Json.Obj o) {
                    statements.add(readStatement(o, itemPointer));
                } else {
                    wrongType(itemPointer, item, "Each statement", "an object");
                    statements.add(Statement.builder().build()); // keeps the next statements at their own index
                }
            }
            builder.statements(statements);
        } else {
            wrongType(pointer, value, "Statement", "an object or an array of objects");
        }
    }

    private Statement readStatement(Json.Obj obj, String pointer) {
        Statement.Builder b = Statement.builder();
        List<StatementElement> order = new ArrayList<>();
        for (Json.Member m : distinctMembers(obj, pointer, "The statement")) {
            String at = JsonPointer.child(pointer, m.name());
            sourceMap.value(at, m.value().location());
            Optional<StatementElement> element = StatementElement.fromJson(m.name());
            if (element.isEmpty()) {
                problem(ReadProblem.Kind.UNKNOWN_ELEMENT, at, m.nameLocation(),
                        "unknown statement element \"" + m.name() + "\"" + Suggestions.didYouMean(m.name(), STATEMENT_NAMES));
                continue;
            }
            order.add(element.get());
            Json.Value v = m.value();
            switch (element.get()) {
                case SID -> string(v, at, "Sid").ifPresent(b::sid);
                case EFFECT -> readEffect(v, at).ifPresent(b::effect);
                case PRINCIPAL, NOT_PRINCIPAL -> readPrincipal(v, at, element.get() == StatementElement.NOT_PRINCIPAL)
                        .ifPresent(b::principal);
                case ACTION, NOT_ACTION -> strings(v, at, m.name())
                        .ifPresent(values -> b.action(new ActionBlock(element.get() == StatementElement.NOT_ACTION, values)));
                case RESOURCE, NOT_RESOURCE -> strings(v, at, m.name())
                        .ifPresent(values -> b.resource(new ResourceBlock(element.get() == StatementElement.NOT_RESOURCE, values)));
                case CONDITION -> readCondition(v, at).ifPresent(b::condition);
            }
        }
        conflict(order, StatementElement.PRINCIPAL, StatementElement.NOT_PRINCIPAL, pointer);
        conflict(order, StatementElement.ACTION, StatementElement.NOT_ACTION, pointer);
        conflict(order, StatementElement.RESOURCE, StatementElement.NOT_RESOURCE, pointer);
        return b.elementOrder(order).build();
    }

    private void conflict(List<StatementElement> order, StatementElement a, StatementElement b, String pointer) {
        if (order.contains(a) && order.contains(b)) {
            String at = JsonPointer.child(pointer, b.json());
            problem(ReadProblem.Kind.CONFLICTING_ELEMENTS, at, sourceMap.locate(at),
                    "a statement has either " + a.json() + " or " + b.json() + ", not both");
        }
    }

    private Optional<String> string(Json.Value v, String pointer, String element) {
        if (v instanceof Json.Str s) {
            return Optional.of(s.value());
        }
        wrongType(pointer, v, element, "a string");
        return Optional.empty();
    }

    private Optional<Effect> readEffect(Json.Value v, String pointer) {
        Optional<String> text = string(v, pointer, "Effect");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Effect> effect = Effect.fromJson(text.get());
        if (effect.isEmpty()) {
            problem(ReadProblem.Kind.INVALID_EFFECT, pointer, v.location(),
                    "Effect must be \"Allow\" or \"Deny\" (case-sensitive), not " + Json.quote(text.get()));
        }
        return effect;
    }

    /** A string or an array of strings, keeping which of the two it was. */
    private Optional<Values> strings(Json.Value v, String pointer, String element) {
        if (v instanceof Json.Str s) {
            return Optional.of(Values.of(s.value()));
        }
        if (v instanceof Json.Arr arr) {
            List<String> items = new ArrayList<>(arr.items().size());
            boolean ok = true;
            for (int i = 0; i < arr.items().size(); i++) {
                Json.Value item = arr.items().get(i);
                String itemPointer = JsonPointer.child(pointer, i);
                sourceMap.value(itemPointer, item.location());
                if (item instanceof Json.Str s) {
                    items.add(s.value());
                } else if (item instanceof Json.Null && element.endsWith("Resource")) {
                    problem(ReadProblem.Kind.NULL_IN_LIST, itemPointer, item.location(), element + " holds null among its strings;"
                            + " the policy grammar takes only strings there (IAM accepts and ignores it in an identity policy)");
                    ok = false;
                } else {
                    wrongType(itemPointer, item, "Each value of " + element, "a string");
                    ok = false;
                }
            }
            return ok ? Optional.of(Values.list(items)) : Optional.empty();
        }
        wrongType(pointer, v, element, "a string or an array of strings");
        return Optional.empty();
    }

    private Optional<PrincipalBlock> readPrincipal(Json.Value v, String pointer, boolean negated) {
        String element = negated ? "NotPrincipal" : "Principal";
        if (v instanceof Json.Str s) {
            if (s.value().equals("*")) {
                return Optional.of(new PrincipalBlock(negated, true, List.of()));
            }
            problem(ReadProblem.Kind.WRONG_TYPE, pointer, v.location(),
                    element + " as a string can only be \"*\"; name principals in an object such as {\"AWS\": "
                            + Json.quote(s.value()) + "}");
            return Optional.empty();
        }
        if (!(v instanceof Json.Obj obj)) {
            wrongType(pointer, v, element, "\"*\" or an object such as {\"AWS\": [...]}");
            return Optional.empty();
        }
        List<PrincipalEntry> entries = new ArrayList<>();
        boolean ok = true;
        for (Json.Member m : distinctMembers(obj, pointer, element)) {
            String at = JsonPointer.child(pointer, m.name());
            sourceMap.value(at, m.value().location());
            Optional<PrincipalType> type = PrincipalType.fromJson(m.name());
            if (type.isEmpty()) {
                problem(ReadProblem.Kind.UNKNOWN_ELEMENT, at, m.nameLocation(),
                        "unknown principal type \"" + m.name() + "\"" + Suggestions.didYouMean(m.name(), PRINCIPAL_TYPE_NAMES)
                                + "; the types are AWS, Service, Federated and CanonicalUser");
                ok = false;
                continue;
            }
            Optional<Values> ids = strings(m.value(), at, element + "." + m.name());
            if (ids.isPresent()) {
                entries.add(new PrincipalEntry(type.get(), ids.get()));
            } else {
                ok = false;
            }
        }
        return ok ? Optional.of(PrincipalBlock.of(negated, entries)) : Optional.empty();
    }

    private Optional<Condition> readCondition(Json.Value v, String pointer) {
        if (!(v instanceof Json.Obj obj)) {
            wrongType(pointer, v, "Condition", "an object of operators, such as {\"StringNotEquals\": {...}}");
            return Optional.empty();
        }
        List<ConditionBlock> blocks = new ArrayList<>();
        boolean ok = true;
        for (Json.Member op : distinctMembers(obj, pointer, "The Condition")) {
            String opPointer = JsonPointer.child(pointer, op.name());
            sourceMap.value(opPointer, op.value().location());
            if (!(op.value() instanceof Json.Obj keys)) {
                wrongType(opPointer, op.value(), "The operator " + op.name(), "an object of condition keys");
                ok = false;
                continue;
            }
            List<ConditionEntry> entries = new ArrayList<>();
            for (Json.Member key : distinctMembers(keys, opPointer, "The operator " + op.name())) {
                String keyPointer = JsonPointer.child(opPointer, key.name());
                sourceMap.value(keyPointer, key.value().location());
                Optional<ConditionValues> values = conditionValues(key.value(), keyPointer, key.name());
                if (values.isPresent()) {
                    entries.add(new ConditionEntry(key.name(), values.get()));
                } else {
                    ok = false;
                }
            }
            blocks.add(new ConditionBlock(ConditionOperator.parse(op.name()), entries));
        }
        return ok ? Optional.of(new Condition(blocks)) : Optional.empty();
    }

    private Optional<ConditionValues> conditionValues(Json.Value v, String pointer, String key) {
        if (v instanceof Json.Arr arr) {
            List<ConditionValue> items = new ArrayList<>(arr.items().size());
            boolean ok = true;
            for (int i = 0; i < arr.items().size(); i++) {
                Json.Value item = arr.items().get(i);
                String itemPointer = JsonPointer.child(pointer, i);
                sourceMap.value(itemPointer, item.location());
                Optional<ConditionValue> value = conditionValue(item, itemPointer, key);
                value.ifPresent(items::add);
                ok &= value.isPresent();
            }
            return ok ? Optional.of(new ConditionValues(items, false)) : Optional.empty();
        }
        return conditionValue(v, pointer, key).map(value -> new ConditionValues(List.of(value), true));
    }

    private Optional<ConditionValue> conditionValue(Json.Value v, String pointer, String key) {
        if (v instanceof Json.Str s) {
            return Optional.of(new ConditionValue(s.value(), ConditionValue.Kind.STRING));
        }
        if (v instanceof Json.Bool b) {
            return Optional.of(new ConditionValue(Boolean.toString(b.value()), ConditionValue.Kind.BOOLEAN));
        }
        if (v instanceof Json.Num n) {
            return Optional.of(new ConditionValue(n.text(), ConditionValue.Kind.NUMBER));
        }
        wrongType(pointer, v, "The value of condition key " + key, "a string, boolean, number or an array of them");
        return Optional.empty();
    }
}
