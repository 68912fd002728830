package dev.gtvpc.input;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.policy.io.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policies of a CloudFormation template (YAML or JSON; CDK's {@code cdk.out/*.template.json} is
 * one), resolved as CloudFormation resolves them with the values the user gave ({@link CfnResolver}).
 * The Conditions decide each {@code Fn::If} and each resource's {@code Condition} (a resource whose
 * condition is false is not created, so its policy is no target). Where the values given do not
 * decide a condition, every case of the inputs it depends on is resolved ({@link CfnScenario}) and the
 * distinct policies they give become the target's variants: nothing is guessed, and nothing is left out
 * unless the cases exceed {@link #MAX_CASES}, which a note then says.
 */
final class CloudFormationSource {
    private static final Map<String, PolicyKind> DOCUMENT_TYPES = Map.of(
            "AWS::S3::BucketPolicy", PolicyKind.BUCKET,
            "AWS::EC2::VPCEndpoint", PolicyKind.VPC_ENDPOINT,
            "AWS::IAM::ManagedPolicy", PolicyKind.IDENTITY,
            "AWS::IAM::Policy", PolicyKind.IDENTITY_INLINE,
            "AWS::IAM::RolePolicy", PolicyKind.IDENTITY_INLINE,
            "AWS::IAM::UserPolicy", PolicyKind.IDENTITY_INLINE,
            "AWS::IAM::GroupPolicy", PolicyKind.IDENTITY_INLINE);
    private static final Set<String> INLINE_TYPES = Set.of("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group");
    /** More cases than a template's policy reasonably has (each undecided comparison doubles them, or more). */
    static final int MAX_CASES = 64;

    private final String source;
    private final Map<String, String> params;
    private CfnTemplate template;
    private CfnResolver resolver;

    CloudFormationSource(String source, Map<String, String> params) {
        this.source = source;
        this.params = params;
    }

    List<PolicyTarget> read(Json.Value root) {
        template = CfnTemplate.of(root, source, params);
        resolver = new CfnResolver(template);
        List<PolicyTarget> targets = new ArrayList<>();
        for (Json.Member r : template.resources.members()) {
            if (!(r.value() instanceof Json.Obj resource)) {
                continue;
            }
            String type = resource.get("Type").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value()).orElse("");
            Optional<Json.Obj> properties = resource.get("Properties").filter(Json.Obj.class::isInstance).map(Json.Obj.class::cast);
            if (properties.isEmpty()) {
                continue;
            }
            Optional<Json.Str> condition = resource.get("Condition").filter(Json.Str.class::isInstance).map(Json.Str.class::cast);
            List<InSourceSkip> skips = skips(resource, r.name());
            String address = "Resources." + r.name();
            if (DOCUMENT_TYPES.containsKey(type)) {
                Optional<Json.Value> doc = properties.get().get("PolicyDocument");
                if (doc.isPresent()) {
                    target(address, type, DOCUMENT_TYPES.get(type), doc.get(), condition, skips).ifPresent(targets::add);
                }
            } else if (INLINE_TYPES.contains(type)) {
                Optional<Json.Value> policies = properties.get().get("Policies");
                if (policies.isPresent() && policies.get() instanceof Json.Arr arr) {
                    for (int i = 0; i < arr.items().size(); i++) {
                        if (arr.items().get(i) instanceof Json.Obj p && p.get("PolicyDocument").isPresent()) {
                            target(address + ".Policies[" + i + "]", type, PolicyKind.IDENTITY_INLINE, p.get("PolicyDocument").get(), condition, skips)
                                    .ifPresent(targets::add);
                        }
                    }
                }
            }
        }
        return targets;
    }

    /** One resolution of the document: the case it was made in, what it met, and the policy (none when the resource is not created). */
    private record Outcome(CfnScenario scenario, CfnResolver.Trace trace, Optional<Json.Value> tree) {
    }

    /** The policy at {@code address}, or none when its resource's condition is false in every case. */
    private Optional<PolicyTarget> target(String address, String type, PolicyKind kind, Json.Value doc, Optional<Json.Str> condition,
            List<InSourceSkip> skips) {
        List<Outcome> outcomes = new ArrayList<>();
        Deque<CfnScenario> pending = new ArrayDeque<>(List.of(CfnScenario.NONE));
        boolean cut = false;
        for (int cases = 0; !pending.isEmpty(); cases++) {
            if (cases == MAX_CASES) {
                cut = true;
                break;
            }
            CfnScenario s = pending.pop();
            CfnResolver.Trace t = new CfnResolver.Trace();
            try {
                boolean created = condition.isEmpty()
                        || resolver.conditions().value(condition.get().value(), condition.get().location(), "the resource's Condition", s, t);
                outcomes.add(new Outcome(s, t, created ? Optional.of(document(address, doc, s, t)) : Optional.empty()));
            } catch (CfnConditions.Undecided u) {
                List<String> values = u.choice().values();
                for (int i = values.size() - 1; i >= 0; i--) {
                    pending.push(s.with(u.choice(), values.get(i)));
                }
            }
        }
        Map<String, List<Outcome>> policies = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            o.tree().ifPresent(tree -> policies.computeIfAbsent(Json.write(tree, false), k -> new ArrayList<>()).add(o));
        }
        if (policies.isEmpty()) {
            return Optional.empty();
        }
        List<List<Outcome>> groups = new ArrayList<>(policies.values());
        boolean sometimesAbsent = outcomes.stream().anyMatch(o -> o.tree().isEmpty());
        List<String> undecided = undecided(outcomes);
        List<PolicyTarget.Variant> variants = groups.size() > 1 || sometimesAbsent ? variants(groups, undecided) : List.of();
        List<Outcome> first = groups.get(0);
        Json.Value tree = first.get(0).tree().orElseThrow();
        Set<String> notes = new LinkedHashSet<>();
        outcomes.forEach(o -> notes.addAll(o.trace().notes));
        Set<String> unknowns = new TreeSet<>(first.get(0).trace().unknowns);
        Set<String> everyUnknown = new TreeSet<>();
        groups.forEach(g -> everyUnknown.addAll(g.get(0).trace().unknowns));
        if (!everyUnknown.isEmpty()) {
            notes.add(Symbolic.UNKNOWNS_NOTE + String.join(", ", everyUnknown));
        }
        List<String> unknownConditions = new ArrayList<>();
        if (!variants.isEmpty()) {
            notes.add(variantsNote(variants, sometimesAbsent, condition, outcomes));
            PolicyTarget.Variant checked = variants.get(0);
            for (Map.Entry<String, Boolean> c : checked.conditions().entrySet()) {
                unknownConditions.add("Condition " + c.getKey() + " (checked as " + c.getValue() + (checked.when().isEmpty() ? ""
                        : ", when " + checked.when().get(0)) + ")");
            }
        }
        if (cut) {
            notes.add("the Conditions the values given leave open make more than " + MAX_CASES + " cases: only the first " + MAX_CASES
                    + " were resolved; give --cfn-param for the parameters they compare");
        }
        List<String> allUnknowns = new ArrayList<>(unknownConditions);
        allUnknowns.addAll(unknowns);
        if (doc instanceof Json.Str s) {
            // a PolicyDocument may be given as a JSON string (CloudFormation accepts both)
            return Optional.of(new PolicyTarget(address, type, kind, Optional.of(s.value()), Optional.empty(), s.location(), List.copyOf(notes),
                    allUnknowns, skips, variants));
        }
        return Optional.of(new PolicyTarget(address, type, kind, Optional.empty(), Optional.of(tree), tree.location(), List.copyOf(notes),
                allUnknowns, skips, variants));
    }

    /** The document resolved in one case; one that does not resolve to a mapping is bad input. */
    private Json.Value document(String address, Json.Value doc, CfnScenario s, CfnResolver.Trace t) {
        if (doc instanceof Json.Str) {
            return doc;
        }
        Json.Value resolved = resolver.resolve(doc, s, t);
        if (!(resolved instanceof Json.Obj)) {
            throw GtvpcException.badInput(source + ":" + doc.location() + ": " + address + ": the policy document must be a mapping, not "
                    + (resolved == null ? "AWS::NoValue" : doc instanceof Json.Obj ? resolved.typeName() : doc.typeName()));
        }
        return resolved;
    }

    /** The conditions whose value is not the same in every case: those the values given do not decide. */
    private static List<String> undecided(List<Outcome> outcomes) {
        Map<String, Set<Boolean>> seen = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            o.trace().conditions.forEach((name, value) -> seen.computeIfAbsent(name, k -> new TreeSet<>()).add(value));
        }
        return seen.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    private static List<PolicyTarget.Variant> variants(List<List<Outcome>> groups, List<String> undecided) {
        List<PolicyTarget.Variant> variants = new ArrayList<>();
        for (List<Outcome> group : groups) {
            Map<String, Boolean> conditions = new LinkedHashMap<>();
            for (String name : undecided) {
                Set<Boolean> values = new TreeSet<>();
                group.forEach(o -> Optional.ofNullable(o.trace().conditions.get(name)).ifPresent(values::add));
                if (values.size() == 1) {
                    conditions.put(name, values.iterator().next());
                }
            }
            List<String> when = new ArrayList<>();
            for (Outcome o : group) {
                List<String> assumed = o.scenario().describe();
                if (assumed.isEmpty()) {
                    when.clear();
                    break;
                }
                when.add(String.join(" and ", assumed));
            }
            String name = conditions.isEmpty() ? "case " + (variants.size() + 1)
                    : String.join(", ", conditions.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            Outcome first = group.get(0);
            variants.add(new PolicyTarget.Variant(name, conditions, when, first.tree().orElseThrow(), List.copyOf(first.trace().unknowns)));
        }
        return variants;
    }

    private static String variantsNote(List<PolicyTarget.Variant> variants, boolean sometimesAbsent, Optional<Json.Str> condition,
            List<Outcome> outcomes) {
        Set<String> inputs = new TreeSet<>();
        outcomes.forEach(o -> o.scenario().assumed().keySet().forEach(k -> inputs.add(k.startsWith("Ref ") ? k.substring(4) : k)));
        StringBuilder note = new StringBuilder("the Conditions depend on " + String.join(", ", inputs) + ", not given");
        if (sometimesAbsent) {
            note.append("; the resource exists only when its Condition ").append(condition.map(Json.Str::value).orElse(""))
                    .append(" is true");
        }
        if (variants.size() > 1) {
            note.append("; they give ").append(variants.size()).append(" policies (")
                    .append(String.join("; ", variants.stream().map(PolicyTarget.Variant::name).toList()))
                    .append("), all linted (a finding of only some says which); verify, simulate and test check the first");
        }
        return note.append(" — give --cfn-param to choose").toString();
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
}
