package dev.gtvpc.input;

import dev.gtvpc.policy.io.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a plan's {@code configuration} says of a resource's argument: the expression as written, either a
 * {@code constant_value} or the {@code references} it is made from (Terraform's "JSON Output Format" page,
 * "Expression Representation"). The configuration is per module, not per instance: a planned address such
 * as {@code module.app["eu"].aws_s3_bucket_policy.this[0]} is found under {@code module_calls.app.module}
 * as {@code aws_s3_bucket_policy.this}.
 */
final class PlanConfiguration {
    /** The expression of one argument: its constant, or the names of what it refers to (either may be empty). */
    record Expression(Optional<Json.Value> constant, List<String> references) {
        Expression {
            references = List.copyOf(references);
        }
    }

    private final Optional<Json.Obj> root;

    PlanConfiguration(Json.Obj plan) {
        root = plan.get("configuration").filter(Json.Obj.class::isInstance).flatMap(c -> ((Json.Obj) c).get("root_module"))
                .filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast);
    }

    /** The expression the configuration gives {@code argument} of the resource planned at {@code address}, if it gives one. */
    Optional<Expression> expression(String address, String argument) {
        Located at = locate(address);
        String resource = at.resource();
        return at.module().flatMap(m -> m.get("resources")).filter(Json.Arr.class::isInstance).flatMap(rs -> ((Json.Arr) rs).items().stream()
                .filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast)
                .filter(r -> r.get("address").filter(a -> a instanceof Json.Str s && s.value().equals(resource)).isPresent())
                .findFirst())
                .flatMap(r -> r.get("expressions")).filter(Json.Obj.class::isInstance).flatMap(e -> ((Json.Obj) e).get(argument))
                .filter(Json.Obj.class::isInstance).map(e -> expression((Json.Obj) e));
    }

    /**
     * Where in the same module what is planned at {@code address} is used, as {@code TYPE.ARGUMENT} of each resource
     * argument that refers to it (a data source is attached by being referred to:
     * {@code policy = data.aws_iam_policy_document.x.json}, or a role's {@code inline_policy { policy = … }}).
     */
    List<String> usedBy(String address) {
        Located at = locate(address);
        String target = at.resource();
        List<String> uses = new ArrayList<>();
        at.module().flatMap(m -> m.get("resources")).filter(Json.Arr.class::isInstance).ifPresent(rs -> {
            for (Json.Value v : ((Json.Arr) rs).items()) {
                if (!(v instanceof Json.Obj r) || !(r.get("expressions").orElse(null) instanceof Json.Obj expressions)) {
                    continue;
                }
                String type = r.get("type").filter(Json.Str.class::isInstance).map(t -> ((Json.Str) t).value()).orElse("");
                for (Json.Member argument : expressions.members()) {
                    if (refersTo(argument.value(), target)) {
                        uses.add(type + "." + argument.name());
                    }
                }
            }
        });
        return uses;
    }

    private static boolean refersTo(Json.Value v, String target) {
        if (v instanceof Json.Obj o) {
            for (Json.Member m : o.members()) {
                if (m.name().equals("references") && m.value() instanceof Json.Arr a && a.items().stream()
                        .anyMatch(i -> i instanceof Json.Str s && (s.value().equals(target) || s.value().startsWith(target + ".")))) {
                    return true;
                }
                if (refersTo(m.value(), target)) {
                    return true;
                }
            }
        } else if (v instanceof Json.Arr a) {
            return a.items().stream().anyMatch(i -> refersTo(i, target));
        }
        return false;
    }

    /** A planned address in the configuration: the module that holds it and its address within that module. */
    private record Located(Optional<Json.Obj> module, String resource) {
    }

    private Located locate(String address) {
        Optional<Json.Obj> module = root;
        String rest = address;
        while (rest.startsWith("module.") && module.isPresent()) {
            int end = nameEnd(rest, "module.".length());
            String call = rest.substring("module.".length(), end);
            module = module.flatMap(m -> m.get("module_calls")).filter(Json.Obj.class::isInstance).flatMap(c -> ((Json.Obj) c).get(call))
                    .filter(Json.Obj.class::isInstance).flatMap(c -> ((Json.Obj) c).get("module")).filter(Json.Obj.class::isInstance)
                    .map(Json.Obj.class::cast);
            rest = rest.substring(skipKey(rest, end));
            rest = rest.startsWith(".") ? rest.substring(1) : rest;
        }
        return new Located(module, withoutKey(rest));
    }

    private static Expression expression(Json.Obj e) {
        List<String> references = new ArrayList<>();
        e.get("references").filter(Json.Arr.class::isInstance).ifPresent(a -> ((Json.Arr) a).items().stream()
                .filter(Json.Str.class::isInstance).map(s -> ((Json.Str) s).value()).forEach(references::add));
        return new Expression(e.get("constant_value"), references);
    }

    /** Where the name that starts at {@code from} ends: at the next '.' or '['. */
    private static int nameEnd(String address, int from) {
        int i = from;
        while (i < address.length() && address.charAt(i) != '.' && address.charAt(i) != '[') {
            i++;
        }
        return i;
    }

    /** Past an instance key ({@code [0]}, {@code ["a.b]"]}) at {@code at}, if there is one. */
    private static int skipKey(String address, int at) {
        if (at >= address.length() || address.charAt(at) != '[') {
            return at;
        }
        boolean quoted = false;
        for (int i = at + 1; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ']' && !quoted) {
                return i + 1;
            }
        }
        return address.length();
    }

    /** {@code aws_s3_bucket_policy.this[0]} as the configuration names it: {@code aws_s3_bucket_policy.this}. */
    private static String withoutKey(String resource) {
        int dot = resource.lastIndexOf('.', resource.indexOf('[') < 0 ? resource.length() : resource.indexOf('['));
        int end = nameEnd(resource, Math.max(dot + 1, 0));
        return resource.substring(0, end);
    }
}
