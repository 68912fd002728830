package dev.gtvpc.input;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policies of a CloudFormation template (YAML or JSON; CDK's {@code cdk.out/*.template.json} is
 * one). It resolves what the template and the user determine — {@code Ref} and {@code !Sub} of
 * parameters given with --cfn-param (pseudo-parameters such as {@code AWS::AccountId} too),
 * {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split} of what resolved, {@code Fn::FindInMap} in
 * {@code Mappings} — and writes every other value as a {@link Symbolic} token with a note: a
 * {@code !GetAtt}, an {@code !ImportValue}, a parameter without a value, a function gtvpc does not
 * know. {@code Fn::If} cannot be decided without the stack's parameters, so the branch that yields a
 * value (the first, unless it is {@code AWS::NoValue}) is linted and a note says so.
 */
final class CloudFormationSource {
    private static final Map<String, PolicyKind> DOCUMENT_TYPES = Map.of(
            "AWS::S3::BucketPolicy", PolicyKind.BUCKET,
            "AWS::EC2::VPCEndpoint", PolicyKind.VPC_ENDPOINT,
            "AWS::IAM::ManagedPolicy", PolicyKind.IDENTITY,
            "AWS::IAM::Policy", PolicyKind.IDENTITY,
            "AWS::IAM::RolePolicy", PolicyKind.IDENTITY,
            "AWS::IAM::UserPolicy", PolicyKind.IDENTITY,
            "AWS::IAM::GroupPolicy", PolicyKind.IDENTITY);
    private static final Set<String> INLINE_TYPES = Set.of("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group");
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{(!?)([^}]*)\\}");

    private final String source;
    private final Map<String, String> params;
    private Json.Obj mappings;
    private Json.Obj parameters;
    private Json.Obj resources;
    private List<String> notes;
    private Set<String> unknowns;

    CloudFormationSource(String source, Map<String, String> params) {
        this.source = source;
        this.params = params;
    }

    List<PolicyTarget> read(Json.Value root) {
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
        mappings = template.get("Mappings").filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast).orElse(Json.obj(List.of()));
        this.resources = res;
        parameters = template.get("Parameters").filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast).orElse(Json.obj(List.of()));
        List<PolicyTarget> targets = new ArrayList<>();
        for (Json.Member r : res.members()) {
            if (!(r.value() instanceof Json.Obj resource)) {
                continue;
            }
            String type = resource.get("Type").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value()).orElse("");
            Optional<Json.Obj> properties = resource.get("Properties").filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast);
            if (properties.isEmpty()) {
                continue;
            }
            List<InSourceSkip> skips = skips(resource, r.name());
            String address = "Resources." + r.name();
            if (DOCUMENT_TYPES.containsKey(type)) {
                Optional<Json.Value> doc = properties.get().get("PolicyDocument");
                if (doc.isPresent()) {
                    targets.add(target(address, type, DOCUMENT_TYPES.get(type), doc.get(), skips));
                }
            } else if (INLINE_TYPES.contains(type)) {
                Optional<Json.Value> policies = properties.get().get("Policies");
                if (policies.isPresent() && policies.get() instanceof Json.Arr arr) {
                    for (int i = 0; i < arr.items().size(); i++) {
                        if (arr.items().get(i) instanceof Json.Obj p && p.get("PolicyDocument").isPresent()) {
                            targets.add(target(address + ".Policies[" + i + "]", type, PolicyKind.IDENTITY, p.get("PolicyDocument").get(), skips));
                        }
                    }
                }
            }
        }
        return targets;
    }

    private PolicyTarget target(String address, String type, PolicyKind kind, Json.Value doc, List<InSourceSkip> skips) {
        notes = new ArrayList<>();
        unknowns = new TreeSet<>();
        if (doc instanceof Json.Str s) {
            // a PolicyDocument may be given as a JSON string (CloudFormation accepts both)
            return new PolicyTarget(address, type, kind, Optional.of(s.value()), Optional.empty(), s.location(), notes, List.of(), skips);
        }
        if (!(doc instanceof Json.Obj)) {
            Json.Value resolved = resolve(doc, 0);
            if (!(resolved instanceof Json.Obj)) {
                throw GtvpcException.badInput(source + ":" + doc.location() + ": " + address + ": the policy document must be a mapping, not "
                        + doc.typeName());
            }
            doc = resolved;
        } else {
            doc = resolve(doc, 0);
        }
        if (!unknowns.isEmpty()) {
            notes.add("checked with values the template does not determine as values distinct from every literal: "
                    + String.join(", ", unknowns));
        }
        return new PolicyTarget(address, type, kind, Optional.empty(), Optional.of(doc), doc.location(), new ArrayList<>(new LinkedHashSet<>(notes)),
                new ArrayList<>(unknowns), skips);
    }

    private List<InSourceSkip> skips(Json.Obj resource, String logicalId) {
        List<InSourceSkip> skips = new ArrayList<>();
        Optional<Json.Value> list = resource.get("Metadata").filter(Json.Obj.class::isInstance).flatMap(m -> ((Json.Obj) m).get("gtvpc"))
                .filter(Json.Obj.class::isInstance).flatMap(g -> ((Json.Obj) g).get("skip"));
        if (list.isEmpty()) {
            return skips;
        }
        if (!(list.get() instanceof Json.Arr arr)) {
            throw GtvpcException.badInput(source + ":" + list.get().location() + ": Resources." + logicalId
                    + ".Metadata.gtvpc.skip must be a list of {rule, reason}");
        }
        for (Json.Value item : arr.items()) {
            Optional<String> rule = item instanceof Json.Obj o ? o.get("rule").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value())
                    : Optional.empty();
            Optional<String> reason = item instanceof Json.Obj o ? o.get("reason").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value())
                    : Optional.empty();
            if (rule.isEmpty() || reason.isEmpty() || reason.get().isBlank()) {
                throw GtvpcException.badInput(source + ":" + item.location() + ": each Metadata.gtvpc.skip entry needs a rule and a reason");
            }
            skips.add(new InSourceSkip(rule.get(), reason.get()));
        }
        return skips;
    }

    private Json.Value symbolic(String what, SourceLocation at) {
        if (Symbolic.in(what)) {
            // a function of values already unknown: those are listed, and its token names them plainly
            return new Json.Str(Symbolic.token(Symbolic.plain(what)), at);
        }
        unknowns.add(what);
        return new Json.Str(Symbolic.token(what), at);
    }

    /** The value with every intrinsic function resolved or made symbolic; {@code null} for AWS::NoValue. */
    private Json.Value resolve(Json.Value v, int depth) {
        if (depth > 100) {
            return symbolic("too deeply nested", v.location());
        }
        if (v instanceof Json.Num n) {
            // CloudFormation passes scalars of a policy document on as text: 123456789012 is an account ID
            return new Json.Str(n.text(), n.location());
        }
        if (v instanceof Json.Arr a) {
            List<Json.Value> items = new ArrayList<>();
            for (Json.Value item : a.items()) {
                Json.Value r = resolve(item, depth + 1);
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
                return function(m.name(), m.value(), o.location(), depth);
            }
        }
        List<Json.Member> members = new ArrayList<>();
        for (Json.Member m : o.members()) {
            Json.Value r = resolve(m.value(), depth + 1);
            if (r != null) {
                members.add(new Json.Member(m.name(), m.nameLocation(), r));
            }
        }
        return new Json.Obj(members, o.location());
    }

    private Json.Value function(String name, Json.Value arg, SourceLocation at, int depth) {
        switch (name) {
            case "Ref" -> {
                if (!(arg instanceof Json.Str s)) {
                    return symbolic("Ref of " + arg.typeName(), at);
                }
                if (s.value().equals("AWS::NoValue")) {
                    return null;
                }
                return ref(s.value()).or(() -> bucketName(s.value())).<Json.Value>map(value -> new Json.Str(value, at))
                        .orElseGet(() -> symbolic("Ref " + s.value(), at));
            }
            case "Fn::Sub" -> {
                return sub(arg, at, depth);
            }
            case "Fn::Join" -> {
                if (arg instanceof Json.Arr a && a.items().size() == 2 && a.items().get(0) instanceof Json.Str delim) {
                    Json.Value list = resolve(a.items().get(1), depth + 1);
                    if (list instanceof Json.Arr parts) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 0; i < parts.items().size(); i++) {
                            b.append(i == 0 ? "" : delim.value()).append(text(parts.items().get(i)));
                        }
                        return new Json.Str(b.toString(), at);
                    }
                    return symbolic("Fn::Join of " + text(list), at);
                }
                return unsupported(name, at);
            }
            case "Fn::Select" -> {
                if (arg instanceof Json.Arr a && a.items().size() == 2) {
                    Json.Value index = resolve(a.items().get(0), depth + 1);
                    Json.Value list = resolve(a.items().get(1), depth + 1);
                    if (index instanceof Json.Str i && i.value().matches("[0-9]+") && list instanceof Json.Arr l
                            && Integer.parseInt(i.value()) < l.items().size()) {
                        return l.items().get(Integer.parseInt(i.value()));
                    }
                    return symbolic("Fn::Select " + text(index) + " of " + text(list), at);
                }
                return unsupported(name, at);
            }
            case "Fn::Split" -> {
                if (arg instanceof Json.Arr a && a.items().size() == 2 && a.items().get(0) instanceof Json.Str delim) {
                    Json.Value s = resolve(a.items().get(1), depth + 1);
                    if (s instanceof Json.Str str && !Symbolic.in(str.value())) {
                        List<Json.Value> parts = new ArrayList<>();
                        for (String p : str.value().split(Pattern.quote(delim.value()), -1)) {
                            parts.add(new Json.Str(p, at));
                        }
                        return new Json.Arr(parts, at);
                    }
                    return symbolic("Fn::Split of " + text(s), at);
                }
                return unsupported(name, at);
            }
            case "Fn::FindInMap" -> {
                if (arg instanceof Json.Arr a && a.items().size() >= 3) {
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        keys.add(text(resolve(a.items().get(i), depth + 1)));
                    }
                    Optional<Json.Value> found = mappings.get(keys.get(0)).filter(Json.Obj.class::isInstance)
                            .flatMap(m -> ((Json.Obj) m).get(keys.get(1))).filter(Json.Obj.class::isInstance)
                            .flatMap(m -> ((Json.Obj) m).get(keys.get(2)));
                    if (found.isPresent() && keys.stream().noneMatch(Symbolic::in)) {
                        return resolve(found.get(), depth + 1);
                    }
                    return symbolic("Fn::FindInMap " + String.join(" ", keys), at);
                }
                return unsupported(name, at);
            }
            case "Fn::If" -> {
                if (arg instanceof Json.Arr a && a.items().size() == 3) {
                    String condition = text(a.items().get(0));
                    Json.Value first = resolve(a.items().get(1), depth + 1);
                    if (first != null) {
                        notes.add("Fn::If " + condition + " (line " + at.line() + "): linted the branch taken when " + condition
                                + " is true; the other branch is not checked");
                        return first;
                    }
                    notes.add("Fn::If " + condition + " (line " + at.line() + "): linted the branch taken when " + condition
                            + " is false (the other is AWS::NoValue)");
                    return resolve(a.items().get(2), depth + 1);
                }
                return unsupported(name, at);
            }
            case "Fn::GetAtt" -> {
                String target = arg instanceof Json.Arr a ? String.join(".", a.items().stream().map(CloudFormationSource::text).toList()) : text(arg);
                return bucketArn(target).<Json.Value>map(arn -> new Json.Str(arn, at)).orElseGet(() -> symbolic("Fn::GetAtt " + target, at));
            }
            case "Fn::ImportValue" -> {
                return symbolic("Fn::ImportValue " + text(resolve(arg, depth + 1)), at);
            }
            default -> {
                return unsupported(name, at);
            }
        }
    }

    private Json.Value unsupported(String name, SourceLocation at) {
        notes.add(name + " (line " + at.line() + ") is not resolved by gtvpc: its value is checked as unknown");
        return symbolic(name, at);
    }

    /**
     * The ARN of a bucket this template creates ({@code !GetAtt Bucket.Arn}): its shape is known, so rules
     * can tell the bucket from its objects even when its name is not ({@code arn:aws:s3:::{{unknown:Ref Bucket}}}).
     */
    private Optional<String> bucketArn(String getAtt) {
        int dot = getAtt.indexOf('.');
        if (dot < 0 || !getAtt.substring(dot + 1).equals("Arn") || !isBucket(getAtt.substring(0, dot))) {
            return Optional.empty();
        }
        String logicalId = getAtt.substring(0, dot);
        String partition = ref("AWS::Partition").orElseGet(() -> {
            unknowns.add("Ref AWS::Partition");
            return Symbolic.token("Ref AWS::Partition");
        });
        String name = ref(logicalId).or(() -> bucketName(logicalId)).orElseGet(() -> {
            unknowns.add("Ref " + logicalId);
            return Symbolic.token("Ref " + logicalId);
        });
        return Optional.of("arn:" + partition + ":s3:::" + name);
    }

    /** The name of a bucket this template creates, when its BucketName is a literal. */
    private Optional<String> bucketName(String logicalId) {
        if (!isBucket(logicalId)) {
            return Optional.empty();
        }
        return resources.get(logicalId).flatMap(r -> ((Json.Obj) r).get("Properties")).filter(Json.Obj.class::isInstance)
                .flatMap(p -> ((Json.Obj) p).get("BucketName")).filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value());
    }

    private boolean isBucket(String logicalId) {
        return resources.get(logicalId).filter(Json.Obj.class::isInstance).flatMap(r -> ((Json.Obj) r).get("Type"))
                .filter(t -> t instanceof Json.Str s && s.value().equals("AWS::S3::Bucket")).isPresent();
    }

    private Optional<String> ref(String name) {
        if (params.containsKey(name)) {
            return Optional.of(params.get(name));
        }
        return Optional.empty();
    }

    private Json.Value sub(Json.Value arg, SourceLocation at, int depth) {
        String template;
        Map<String, String> vars = new java.util.HashMap<>();
        if (arg instanceof Json.Str s) {
            template = s.value();
        } else if (arg instanceof Json.Arr a && a.items().size() == 2 && a.items().get(0) instanceof Json.Str s
                && a.items().get(1) instanceof Json.Obj o) {
            template = s.value();
            for (Json.Member m : o.members()) {
                vars.put(m.name(), text(resolve(m.value(), depth + 1)));
            }
        } else {
            return unsupported("Fn::Sub", at);
        }
        Matcher m = SUB_VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}";
            } else if (vars.containsKey(m.group(2))) {
                replacement = vars.get(m.group(2));
            } else if (m.group(2).contains(".") && bucketArn(m.group(2)).isPresent()) {
                replacement = bucketArn(m.group(2)).get();
            } else if (!m.group(2).contains(".") && bucketName(m.group(2)).isPresent()) {
                replacement = bucketName(m.group(2)).get();
            } else if (m.group(2).contains(".") && !m.group(2).startsWith("AWS::")) {
                unknowns.add("Fn::GetAtt " + m.group(2));
                replacement = Symbolic.token("Fn::GetAtt " + m.group(2));
            } else {
                Optional<String> r = ref(m.group(2));
                if (r.isPresent()) {
                    replacement = r.get();
                } else {
                    unknowns.add("Ref " + m.group(2));
                    replacement = Symbolic.token("Ref " + m.group(2));
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Json.Str(out.toString(), at);
    }

    private static String text(Json.Value v) {
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
