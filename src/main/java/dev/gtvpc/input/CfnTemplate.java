package dev.gtvpc.input;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sections of a CloudFormation template that resolving reads (Parameters, Mappings, Conditions,
 * Resources) and the values the user gave with --cfn-param, the command's --region and --bucket-account
 * among them.
 */
final class CfnTemplate {
    final String source;
    final Json.Obj parameters;
    final Json.Obj mappings;
    final Json.Obj conditions;
    final Json.Obj resources;
    private final Map<String, String> given;

    private CfnTemplate(String source, Json.Obj template, Json.Obj resources, Map<String, String> given) {
        this.source = source;
        this.resources = resources;
        this.given = given;
        parameters = section(template, "Parameters");
        mappings = section(template, "Mappings");
        conditions = section(template, "Conditions");
    }

    static CfnTemplate of(Json.Value root, String source, Map<String, String> given) {
        if (!(root instanceof Json.Obj template)) {
            throw GtvpcException.badInput(source + ": a CloudFormation template is a mapping, not " + root.typeName());
        }
        Optional<Json.Value> resources = template.get("Resources");
        if (resources.isEmpty()) {
            throw GtvpcException.badInput(source + ": the template has no Resources section");
        }
        if (!(resources.get() instanceof Json.Obj res)) {
            throw GtvpcException.badInput(source + ":" + resources.get().location() + ": Resources must be a mapping of resources");
        }
        return new CfnTemplate(source, template, res, given);
    }

    private static Json.Obj section(Json.Obj template, String name) {
        return template.get(name).filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast).orElse(Json.obj(List.of()));
    }

    /** The value the user gave a parameter, a pseudo-parameter or a bucket's logical ID. */
    Optional<String> given(String name) {
        return Optional.ofNullable(given.get(name));
    }

    Optional<Json.Obj> resource(String logicalId) {
        return resources.get(logicalId).filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast);
    }

    Optional<String> type(String logicalId) {
        return resource(logicalId).flatMap(r -> r.get("Type")).filter(Json.Str.class::isInstance).map(t -> ((Json.Str) t).value());
    }

    boolean isBucket(String logicalId) {
        return type(logicalId).filter("AWS::S3::Bucket"::equals).isPresent();
    }

    /** The definition of a condition; a name the template does not define is bad input, as CloudFormation rejects it. */
    Json.Value condition(String name, SourceLocation at, String where) {
        return conditions.get(name).orElseThrow(() -> GtvpcException.badInput(source + ":" + at + ": " + where + " names the condition '"
                + name + "', which the template's Conditions do not define, so CloudFormation rejects the template"));
    }

    /** The AllowedValues of a parameter of the template (empty when it declares none). */
    List<String> allowedValues(String parameter) {
        List<String> values = new ArrayList<>();
        parameters.get(parameter).filter(Json.Obj.class::isInstance).flatMap(p -> ((Json.Obj) p).get("AllowedValues"))
                .filter(Json.Arr.class::isInstance).ifPresent(a -> {
                    for (Json.Value v : ((Json.Arr) a).items()) {
                        if (v instanceof Json.Str s) {
                            values.add(s.value());
                        } else if (v instanceof Json.Num n) {
                            values.add(n.text());
                        } else if (v instanceof Json.Bool b) {
                            values.add(Boolean.toString(b.value()));
                        }
                    }
                });
        return values;
    }
}
