package dev.gtvpc.input;

import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions of a template value in one {@link CfnScenario}: {@code Ref} and
 * {@code !Sub} of what the user gave or the case assumes (pseudo-parameters too: AWS::Partition and
 * AWS::URLSuffix follow from AWS::Region), {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split} of
 * what resolved, {@code Fn::FindInMap} in Mappings, {@code Fn::If} by its condition's value, and a
 * bucket the template creates by its AWS::S3::Bucket "Return values": {@code Ref} is its name (its
 * BucketName, resolved), {@code Arn} is {@code arn:PARTITION:s3:::NAME}, {@code DomainName},
 * {@code RegionalDomainName} and {@code DualStackDomainName} are the page's host names in the aws
 * partition. Everything else becomes a {@link Symbolic} token named by its expression ({@code Ref
 * Param}, {@code Fn::GetAtt Queue.Arn}), recorded in the trace: a value that equals no literal.
 */
final class CfnResolver {
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{(!?)([^}]*)\\}");
    private static final int MAX_DEPTH = 100;

    /** What resolving one document in one case met: unknown values, notes, and the conditions it consulted. */
    static final class Trace {
        final Set<String> unknowns = new TreeSet<>();
        final List<String> notes = new ArrayList<>();
        final Map<String, Boolean> conditions = new LinkedHashMap<>();
        private final Set<String> naming = new HashSet<>();
    }

    private final CfnTemplate template;
    private final CfnConditions conditions;

    CfnResolver(CfnTemplate template) {
        this.template = template;
        this.conditions = new CfnConditions(template, this);
    }

    CfnConditions conditions() {
        return conditions;
    }

    /** The value with every intrinsic function resolved or made symbolic; {@code null} for AWS::NoValue. */
    Json.Value resolve(Json.Value v, CfnScenario s, Trace t) {
        return resolve(v, s, t, 0);
    }

    private Json.Value resolve(Json.Value v, CfnScenario s, Trace t, int depth) {
        if (depth > MAX_DEPTH) {
            return symbolic("too deeply nested", v.location(), t);
        }
        if (v instanceof Json.Num n) {
            // CloudFormation passes scalars of a policy document on as text: 123456789012 is an account ID
            return new Json.Str(n.text(), n.location());
        }
        if (v instanceof Json.Arr a) {
            List<Json.Value> items = new ArrayList<>();
            for (Json.Value item : a.items()) {
                Json.Value r = resolve(item, s, t, depth + 1);
                if (r != null) {
                    items.add(r);
                }
            }
            return new Json.Arr(items, a.location());
        }
        if (!(v instanceof Json.Obj o)) {
            return v;
        }
        if (o.members().size() == 1) {
            Json.Member m = o.members().get(0);
            if (m.name().equals("Ref") || m.name().startsWith("Fn::")) {
                return function(m.name(), m.value(), o.location(), s, t, depth);
            }
        }
        List<Json.Member> members = new ArrayList<>();
        for (Json.Member m : o.members()) {
            Json.Value r = resolve(m.value(), s, t, depth + 1);
            if (r != null) {
                members.add(new Json.Member(m.name(), m.nameLocation(), r));
            }
        }
        return new Json.Obj(members, o.location());
    }

    private Json.Value function(String name, Json.Value arg, SourceLocation at, CfnScenario s, Trace t, int depth) {
        switch (name) {
            case "Ref" -> {
                if (!(arg instanceof Json.Str ref)) {
                    return symbolic("Ref of " + arg.typeName(), at, t);
                }
                return ref(ref.value(), at, s, t);
            }
            case "Fn::Sub" -> {
                return sub(arg, at, s, t, depth);
            }
            case "Fn::Join" -> {
                if (arg instanceof Json.Arr a && a.items().size() == 2 && a.items().get(0) instanceof Json.Str delim) {
                    Json.Value list = resolve(a.items().get(1), s, t, depth + 1);
                    if (list instanceof Json.Arr parts) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 0; i < parts.items().size(); i++) {
                            b.append(i == 0 ? "" : delim.value()).append(text(parts.items().get(i)));
                        }
                        return new Json.Str(b.toString(), at);
                    }
                    return symbolic("Fn::Join of " + text(list), at, t);
                }
                return unsupported(name, at, t);
            }
            case "Fn::Select" -> {
                if (arg instanceof Json.Arr a && a.items().size() == 2) {
                    Json.Value index = resolve(a.items().get(0), s, t, depth + 1);
                    Json.Value list = resolve(a.items().get(1), s, t, depth + 1);
                    if (index instanceof Json.Str i && i.value().matches("[0-9]{1,9}") && list instanceof Json.Arr l
                            && Integer.parseInt(i.value()) < l.items().size()) {
                        return l.items().get(Integer.parseInt(i.value()));
                    }
                    return symbolic("Fn::Select " + text(index) + " of " + text(list), at, t);
                }
                return unsupported(name, at, t);
            }
            case "Fn::Split" -> {
                if (arg instanceof Json.Arr a && a.items().size() == 2 && a.items().get(0) instanceof Json.Str delim) {
                    Json.Value str = resolve(a.items().get(1), s, t, depth + 1);
                    if (str instanceof Json.Str known && !Symbolic.in(known.value())) {
                        List<Json.Value> parts = new ArrayList<>();
                        for (String p : known.value().split(Pattern.quote(delim.value()), -1)) {
                            parts.add(new Json.Str(p, at));
                        }
                        return new Json.Arr(parts, at);
                    }
                    return symbolic("Fn::Split of " + text(str), at, t);
                }
                return unsupported(name, at, t);
            }
            case "Fn::FindInMap" -> {
                if (arg instanceof Json.Arr a && a.items().size() >= 3) {
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        keys.add(text(resolve(a.items().get(i), s, t, depth + 1)));
                    }
                    Optional<Json.Value> found = template.mappings.get(keys.get(0)).filter(Json.Obj.class::isInstance)
                            .flatMap(m -> ((Json.Obj) m).get(keys.get(1))).filter(Json.Obj.class::isInstance)
                            .flatMap(m -> ((Json.Obj) m).get(keys.get(2)));
                    if (found.isPresent() && keys.stream().noneMatch(Symbolic::in)) {
                        return resolve(found.get(), s, t, depth + 1);
                    }
                    return symbolic("Fn::FindInMap " + String.join(" ", keys), at, t);
                }
                return unsupported(name, at, t);
            }
            case "Fn::If" -> {
                if (arg instanceof Json.Arr a && a.items().size() == 3 && a.items().get(0) instanceof Json.Str condition) {
                    boolean value = conditions.value(condition.value(), condition.location(), "Fn::If", s, t);
                    return resolve(a.items().get(value ? 1 : 2), s, t, depth + 1);
                }
                return unsupported(name, at, t);
            }
            case "Fn::GetAtt" -> {
                String target = arg instanceof Json.Arr a ? String.join(".", a.items().stream().map(CfnResolver::text).toList()) : text(arg);
                return new Json.Str(getAtt(target, s, t), at);
            }
            case "Fn::ImportValue" -> {
                return symbolic("Fn::ImportValue " + text(resolve(arg, s, t, depth + 1)), at, t);
            }
            default -> {
                return unsupported(name, at, t);
            }
        }
    }

    private Json.Value ref(String name, SourceLocation at, CfnScenario s, Trace t) {
        if (name.equals("AWS::NoValue")) {
            return null;
        }
        return value(name, s).or(() -> bucketName(name, s, t)).<Json.Value>map(v -> new Json.Str(v, at))
                .orElseGet(() -> symbolic("Ref " + name, at, t));
    }

    /**
     * A parameter's or pseudo-parameter's value: given by the user, assumed by the case, or following from
     * another (AWS::Partition from AWS::Region; AWS::URLSuffix from the partition, on the pseudo-parameters page).
     */
    Optional<String> value(String name, CfnScenario s) {
        Optional<String> known = template.given(name).or(() -> s.value("Ref " + name).filter(v -> !v.equals(CfnScenario.OTHER)));
        if (known.isPresent()) {
            return known;
        }
        if (name.equals("AWS::Partition")) {
            return value("AWS::Region", s).map(AwsIds::partitionOf);
        }
        if (name.equals("AWS::URLSuffix")) {
            return value("AWS::Partition", s).flatMap(p -> p.equals("aws-cn") ? Optional.of("amazonaws.com.cn")
                    : p.equals("aws") || p.equals("aws-us-gov") ? Optional.of("amazonaws.com") : Optional.empty());
        }
        return Optional.empty();
    }

    /** The name of a bucket the template creates: given with --cfn-param, or its BucketName resolved; none when it is generated. */
    private Optional<String> bucketName(String logicalId, CfnScenario s, Trace t) {
        if (!template.isBucket(logicalId)) {
            return Optional.empty();
        }
        Optional<Json.Value> written = properties(logicalId, s, t).flatMap(p -> p.get("BucketName"));
        if (written.isEmpty() || !t.naming.add(logicalId)) {
            // no BucketName: CloudFormation generates one at deployment (a name that refers to itself is no name)
            return Optional.empty();
        }
        try {
            Json.Value name = resolve(written.get(), s, t, 1);
            return name instanceof Json.Str str ? Optional.of(str.value()) : Optional.empty();
        } finally {
            t.naming.remove(logicalId);
        }
    }

    /** A resource's Properties; Properties that are one {@code Fn::If} as a whole are its branch. */
    private Optional<Json.Obj> properties(String logicalId, CfnScenario s, Trace t) {
        Optional<Json.Value> properties = template.resource(logicalId).flatMap(r -> r.get("Properties"));
        if (properties.isPresent() && properties.get() instanceof Json.Obj o && o.members().size() == 1
                && o.members().get(0).name().equals("Fn::If") && o.members().get(0).value() instanceof Json.Arr a && a.items().size() == 3
                && a.items().get(0) instanceof Json.Str condition) {
            boolean value = conditions.value(condition.value(), condition.location(), "Fn::If", s, t);
            properties = Optional.of(a.items().get(value ? 1 : 2));
        }
        return properties.filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast);
    }

    /** {@code Fn::GetAtt Resource.Attribute}: a bucket's return values are known in shape; anything else is symbolic. */
    private String getAtt(String target, CfnScenario s, Trace t) {
        int dot = target.indexOf('.');
        String logicalId = dot < 0 ? target : target.substring(0, dot);
        String attribute = dot < 0 ? "" : target.substring(dot + 1);
        if (!template.isBucket(logicalId)) {
            return symbolicText("Fn::GetAtt " + target, t);
        }
        String name = template.given(logicalId).or(() -> bucketName(logicalId, s, t)).orElseGet(() -> symbolicText("Ref " + logicalId, t));
        Optional<String> region = value("AWS::Region", s);
        boolean aws = value("AWS::Partition", s).filter("aws"::equals).isPresent();
        return switch (attribute) {
            case "Arn" -> "arn:" + value("AWS::Partition", s).orElseGet(() -> symbolicText("Ref AWS::Partition", t)) + ":s3:::" + name;
            case "DomainName" -> aws ? name + ".s3.amazonaws.com" : symbolicText("Fn::GetAtt " + target, t);
            case "RegionalDomainName" -> aws && region.isPresent() ? name + ".s3." + region.get() + ".amazonaws.com"
                    : symbolicText("Fn::GetAtt " + target, t);
            case "DualStackDomainName" -> aws && region.isPresent() ? name + ".s3.dualstack." + region.get() + ".amazonaws.com"
                    : symbolicText("Fn::GetAtt " + target, t);
            default -> symbolicText("Fn::GetAtt " + target, t);
        };
    }

    private Json.Value sub(Json.Value arg, SourceLocation at, CfnScenario s, Trace t, int depth) {
        String template;
        Map<String, String> vars = new HashMap<>();
        if (arg instanceof Json.Str str) {
            template = str.value();
        } else if (arg instanceof Json.Arr a && a.items().size() == 2 && a.items().get(0) instanceof Json.Str str
                && a.items().get(1) instanceof Json.Obj o) {
            template = str.value();
            for (Json.Member m : o.members()) {
                vars.put(m.name(), text(resolve(m.value(), s, t, depth + 1)));
            }
        } else {
            return unsupported("Fn::Sub", at, t);
        }
        Matcher m = SUB_VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(2);
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + variable + "}";
            } else if (vars.containsKey(variable)) {
                replacement = vars.get(variable);
            } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
                replacement = getAtt(variable, s, t);
            } else {
                replacement = text(ref(variable, at, s, t));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Json.Str(out.toString(), at);
    }

    private Json.Value unsupported(String name, SourceLocation at, Trace t) {
        t.notes.add(name + " (line " + at.line() + ") is not resolved by gtvpc: its value is checked as unknown");
        return symbolic(name, at, t);
    }

    private static Json.Value symbolic(String what, SourceLocation at, Trace t) {
        return new Json.Str(symbolicText(what, t), at);
    }

    private static String symbolicText(String what, Trace t) {
        if (Symbolic.in(what)) {
            // a function of values already unknown: those are listed, and its token names them plainly
            return Symbolic.token(Symbolic.plain(what));
        }
        t.unknowns.add(what);
        return Symbolic.token(what);
    }

    /** A resolved value as the text a string function makes of it. */
    static String text(Json.Value v) {
        if (v instanceof Json.Str s) {
            return s.value();
        }
        if (v instanceof Json.Num n) {
            return n.text();
        }
        if (v instanceof Json.Bool b) {
            return Boolean.toString(b.value());
        }
        return v == null ? "" : Json.write(v, false);
    }
}
