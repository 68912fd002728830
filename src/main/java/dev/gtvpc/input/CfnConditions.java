package dev.gtvpc.input;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Conditions of a template, evaluated in one {@link CfnScenario} as CloudFormation evaluates them
 * (Template Reference, "Condition functions"): {@code Fn::Equals} of two values once resolved,
 * {@code Fn::And}, {@code Fn::Or}, {@code Fn::Not} and {@code Condition} of another condition. When a
 * comparison depends on an input the user did not give and the case does not assume, evaluation stops
 * with {@link Undecided}, naming the choice to split on: the parameter and the values worth trying (its
 * AllowedValues, or the values the Conditions compare it with and {@link CfnScenario#OTHER}), or, for a
 * comparison of anything else, the comparison itself, true or false. A condition is never guessed.
 */
final class CfnConditions {
    private static final int MAX_DEPTH = 64;

    /** Evaluation met an input no case has assumed yet: split on {@code choice}. */
    static final class Undecided extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CfnScenario.Choice choice;

        Undecided(CfnScenario.Choice choice) {
            super(choice.key(), null, false, false);
            this.choice = choice;
        }

        CfnScenario.Choice choice() {
            return choice;
        }
    }

    private final CfnTemplate template;
    private final CfnResolver resolver;
    private final Map<String, List<String>> compared = new HashMap<>();

    CfnConditions(CfnTemplate template, CfnResolver resolver) {
        this.template = template;
        this.resolver = resolver;
    }

    /**
     * The value of the condition {@code name} that an Fn::If or a resource's Condition ({@code where})
     * names; recorded in the trace, which says which conditions a policy's case depends on.
     */
    boolean value(String name, SourceLocation at, String where, CfnScenario s, CfnResolver.Trace t) {
        Boolean known = t.conditions.get(name);
        if (known != null) {
            return known;
        }
        boolean value = eval(template.condition(name, at, where), s, 0);
        t.conditions.put(name, value);
        return value;
    }

    private boolean eval(Json.Value c, CfnScenario s, int depth) {
        if (depth > MAX_DEPTH) {
            throw GtvpcException.badInput(template.source + ":" + c.location() + ": the Conditions refer to one another in a circle,"
                    + " so CloudFormation rejects the template");
        }
        if (c instanceof Json.Obj o && o.members().size() == 1) {
            Json.Member m = o.members().get(0);
            List<Json.Value> args = m.value() instanceof Json.Arr a ? a.items() : List.of();
            switch (m.name()) {
                case "Condition" -> {
                    if (m.value() instanceof Json.Str other) {
                        return eval(template.condition(other.value(), other.location(), "Condition"), s, depth + 1);
                    }
                }
                case "Fn::Equals" -> {
                    if (args.size() == 2) {
                        return equals(args.get(0), args.get(1), s);
                    }
                }
                case "Fn::Not" -> {
                    if (args.size() == 1) {
                        return !eval(args.get(0), s, depth + 1);
                    }
                }
                case "Fn::And", "Fn::Or" -> {
                    if (args.size() >= 2 && args.size() <= 10) {
                        return combine(m.name().equals("Fn::And"), args, s, depth);
                    }
                }
                default -> {
                    // not a condition function: rejected below
                }
            }
        }
        throw GtvpcException.badInput(template.source + ":" + c.location() + ": a condition is Fn::Equals [a, b], Fn::And or Fn::Or of 2 to"
                + " 10 conditions, Fn::Not [condition] or Condition NAME; CloudFormation rejects " + Json.write(c, false));
    }

    /** And/Or: decided by the operands that are decided when they suffice (a false one for And, a true one for Or). */
    private boolean combine(boolean and, List<Json.Value> args, CfnScenario s, int depth) {
        Undecided first = null;
        for (Json.Value arg : args) {
            try {
                if (eval(arg, s, depth + 1) != and) {
                    return !and;
                }
            } catch (Undecided u) {
                first = first == null ? u : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return and;
    }

    private boolean equals(Json.Value left, Json.Value right, CfnScenario s) {
        CfnResolver.Trace scratch = new CfnResolver.Trace();
        String a = CfnResolver.text(resolver.resolve(left, s, scratch));
        String b = CfnResolver.text(resolver.resolve(right, s, scratch));
        if (!Symbolic.in(a) && !Symbolic.in(b) || a.equals(b)) {
            return a.equals(b);
        }
        Optional<String> parameter = plainRef(left).or(() -> plainRef(right));
        String other = plainRef(left).isPresent() ? b : a;
        if (parameter.isPresent() && !Symbolic.in(other)) {
            String key = "Ref " + parameter.get();
            if (s.value(key).filter(CfnScenario.OTHER::equals).isPresent() && literals(parameter.get()).contains(other)) {
                return false;
            }
            if (s.value(key).isEmpty()) {
                throw new Undecided(new CfnScenario.Choice(key, parameter.get(), domain(parameter.get())));
            }
        }
        String comparison = "Fn::Equals [" + Symbolic.plain(a) + ", " + Symbolic.plain(b) + "]";
        Optional<String> assumed = s.value(comparison);
        if (assumed.isPresent()) {
            return Boolean.parseBoolean(assumed.get());
        }
        throw new Undecided(new CfnScenario.Choice(comparison, comparison, List.of("true", "false")));
    }

    /** The values worth telling a parameter's cases apart by: its AllowedValues, else what it is compared with and any other. */
    private List<String> domain(String parameter) {
        List<String> allowed = template.allowedValues(parameter);
        if (!allowed.isEmpty()) {
            return allowed;
        }
        List<String> values = new ArrayList<>(literals(parameter));
        values.add(CfnScenario.OTHER);
        return values;
    }

    /** The known values that an Fn::Equals of the Conditions compares {@code Ref parameter} with. */
    private List<String> literals(String parameter) {
        return compared.computeIfAbsent(parameter, p -> {
            Set<String> found = new LinkedHashSet<>();
            for (Json.Member c : template.conditions.members()) {
                collect(c.value(), p, found, 0);
            }
            return List.copyOf(found);
        });
    }

    private void collect(Json.Value v, String parameter, Set<String> found, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (v instanceof Json.Obj o && o.members().size() == 1 && o.members().get(0).name().equals("Fn::Equals")
                && o.members().get(0).value() instanceof Json.Arr a && a.items().size() == 2) {
            for (int i = 0; i < 2; i++) {
                if (plainRef(a.items().get(i)).filter(parameter::equals).isPresent()) {
                    try {
                        String other = CfnResolver.text(resolver.resolve(a.items().get(1 - i), CfnScenario.NONE, new CfnResolver.Trace()));
                        if (!Symbolic.in(other)) {
                            found.add(other);
                        }
                    } catch (Undecided u) {
                        // compared with a value that itself depends on a condition: not a literal to try
                    }
                }
            }
        } else if (v instanceof Json.Obj o) {
            o.members().forEach(m -> collect(m.value(), parameter, found, depth + 1));
        } else if (v instanceof Json.Arr a) {
            a.items().forEach(i -> collect(i, parameter, found, depth + 1));
        }
    }

    /** The name in {@code {"Ref": NAME}}. */
    private static Optional<String> plainRef(Json.Value v) {
        if (v instanceof Json.Obj o && o.members().size() == 1 && o.members().get(0).name().equals("Ref")
                && o.members().get(0).value() instanceof Json.Str name) {
            return Optional.of(name.value());
        }
        return Optional.empty();
    }
}
