package dev.gtvpc.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values a policy's source leaves unknown (a template's {@code !ImportValue}, a plan's value known only
 * after apply), written into the policy as {@code {{unknown:WHAT}}}. As text a token equals no literal
 * a request can carry; the braces keep it apart from IAM policy variables ({@code ${...}}) and from
 * documentation placeholders ({@code <...>}). It lives in the model because the request space and
 * verify reason about unknowns, and they may not know where policies come from.
 */
public final class Unknowns {
    private static final Pattern TOKEN = Pattern.compile("\\{\\{unknown:([^{}]*)\\}\\}");

    private Unknowns() {
    }

    public static String token(String what) {
        return "{{unknown:" + what.replace("{", "(").replace("}", ")") + "}}";
    }

    public static boolean in(String value) {
        return TOKEN.matcher(value).find();
    }

    /** What each unknown in {@code value} stands for, in order. */
    public static List<String> names(String value) {
        List<String> names = new ArrayList<>();
        Matcher m = TOKEN.matcher(value);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** {@code value} with each token replaced by what it stands for. */
    public static String plain(String value) {
        return TOKEN.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    /**
     * A regular expression that matches what {@code value} can become: its known text literally and
     * one group per token ({@code names(value)} in the same order), each any non-empty text.
     */
    public static Pattern shape(String value) {
        StringBuilder regex = new StringBuilder();
        Matcher m = TOKEN.matcher(value);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(value.substring(last, m.start()))).append("(.+?)");
            last = m.end();
        }
        regex.append(Pattern.quote(value.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Every unknown the policies' Principal, Action, Resource and condition values hold, each once, in order. */
    public static List<String> of(List<Policy> policies) {
        Set<String> names = new LinkedHashSet<>();
        for (Policy p : policies) {
            map(p, v -> {
                names.addAll(names(v));
                return v;
            });
        }
        return List.copyOf(names);
    }

    /** The policy with each unknown {@code values} names replaced by its value there; the others stay. */
    public static Policy substitute(Policy policy, Map<String, String> values) {
        return map(policy, v -> !in(v) ? v : TOKEN.matcher(v).replaceAll(m -> Matcher.quoteReplacement(
                values.getOrDefault(m.group(1), m.group()))));
    }

    /** The policy with {@code f} applied to every string of its Principal, Action, Resource and condition values. */
    private static Policy map(Policy policy, UnaryOperator<String> f) {
        List<Statement> statements = new ArrayList<>();
        for (Statement s : policy.statements()) {
            Statement.Builder b = s.toBuilder();
            s.principal().ifPresent(p -> b.principal(new PrincipalBlock(p.negated(), p.wildcard(), p.entries().stream()
                    .map(e -> new PrincipalEntry(e.type(), values(e.ids(), f))).toList())));
            s.action().ifPresent(a -> b.action(new ActionBlock(a.negated(), values(a.actions(), f))));
            s.resource().ifPresent(r -> b.resource(new ResourceBlock(r.negated(), values(r.resources(), f))));
            s.condition().ifPresent(c -> b.condition(new Condition(c.blocks().stream().map(block -> new ConditionBlock(block.operator(),
                    block.entries().stream().map(e -> new ConditionEntry(e.key(), new ConditionValues(e.values().items().stream()
                            .map(v -> new ConditionValue(f.apply(v.text()), v.kind())).toList(), e.values().scalar()))).toList()))
                    .toList())));
            statements.add(b.build());
        }
        return policy.toBuilder().statements(statements).build();
    }

    private static Values values(Values v, UnaryOperator<String> f) {
        return new Values(v.items().stream().map(f).toList(), v.scalar());
    }
}
