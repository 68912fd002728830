package dev.gtvpc.input;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.policy.io.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policies of a Terraform plan in JSON ({@code terraform show -json plan.out}): every resource of
 * {@code planned_values} (the root module and each nested {@code child_modules}) that carries a policy
 * string, and the {@code aws_iam_policy_document} data sources of {@code prior_state} (read at plan
 * time, so their {@code json} is known). A policy that {@code resource_changes[].change.after_unknown}
 * marks unknown (it is made from a value known only after apply, such as a new bucket's ARN) is read from
 * the plan's {@code configuration} when that holds it as a {@code constant_value}; otherwise it is kept as
 * a target without a document, with a note naming the {@code references} it is made from: the plan does
 * not hold it, so nothing about it is claimed, but it is never passed over in silence. An optional policy
 * (an endpoint's, a bucket's legacy one) that is unknown only because the provider computes it when the
 * configuration sets none is not a policy of the plan.
 *
 * <p>The plan's {@code format_version} must be of a major version gtvpc reads (0 or 1): Terraform's "JSON
 * Output Format" page says a new major version is not backward-compatible and that a reader must reject it.
 * Newer minor versions and members gtvpc does not know are read as the page asks (ignored).
 */
final class TerraformPlanSource {
    private record Attr(String name, PolicyKind kind, boolean required) {
    }

    private static final Map<String, Attr> POLICY_TYPES = Map.of(
            "aws_s3_bucket_policy", new Attr("policy", PolicyKind.BUCKET, true),
            // the legacy inline policy of aws_s3_bucket, optional and computed
            "aws_s3_bucket", new Attr("policy", PolicyKind.BUCKET, false),
            "aws_vpc_endpoint", new Attr("policy", PolicyKind.VPC_ENDPOINT, false),
            "aws_vpc_endpoint_policy", new Attr("policy", PolicyKind.VPC_ENDPOINT, true),
            "aws_iam_policy", new Attr("policy", PolicyKind.IDENTITY, true),
            "aws_iam_role_policy", new Attr("policy", PolicyKind.IDENTITY_INLINE, true),
            "aws_iam_user_policy", new Attr("policy", PolicyKind.IDENTITY_INLINE, true),
            "aws_iam_group_policy", new Attr("policy", PolicyKind.IDENTITY_INLINE, true));

    /** The major versions of the JSON output format whose meaning gtvpc knows. */
    private static final Set<String> READ_MAJOR_VERSIONS = Set.of("0", "1");

    private final String source;
    private PlanConfiguration configuration;

    TerraformPlanSource(String source) {
        this.source = source;
    }

    List<PolicyTarget> read(Json.Obj plan) {
        checkFormatVersion(plan);
        configuration = new PlanConfiguration(plan);
        Map<String, Json.Obj> afterUnknown = new HashMap<>();
        plan.get("resource_changes").filter(Json.Arr.class::isInstance).ifPresent(rc -> {
            for (Json.Value c : ((Json.Arr) rc).items()) {
                if (c instanceof Json.Obj change) {
                    Optional<String> address = str(change, "address");
                    Optional<Json.Value> unknown = change.get("change").filter(Json.Obj.class::isInstance)
                            .flatMap(ch -> ((Json.Obj) ch).get("after_unknown")).filter(Json.Obj.class::isInstance);
                    if (address.isPresent() && unknown.isPresent()) {
                        afterUnknown.put(address.get(), (Json.Obj) unknown.get());
                    }
                }
            }
        });
        List<PolicyTarget> targets = new ArrayList<>();
        Optional<Json.Value> planned = plan.get("planned_values").filter(Json.Obj.class::isInstance)
                .flatMap(p -> ((Json.Obj) p).get("root_module"));
        if (planned.isEmpty() && plan.get("prior_state").isEmpty()) {
            throw GtvpcException.badInput(source + ": a Terraform plan has planned_values.root_module; this file has none"
                    + " (make the plan with 'terraform plan -out plan.out' and 'terraform show -json plan.out')");
        }
        planned.ifPresent(m -> module(m, targets, afterUnknown));
        Set<String> seen = new HashSet<>();
        for (PolicyTarget t : targets) {
            t.text().ifPresent(seen::add);
        }
        plan.get("prior_state").filter(Json.Obj.class::isInstance).flatMap(p -> ((Json.Obj) p).get("values"))
                .filter(Json.Obj.class::isInstance).flatMap(v -> ((Json.Obj) v).get("root_module"))
                .ifPresent(m -> dataSources(m, targets, seen));
        return targets;
    }

    private void module(Json.Value m, List<PolicyTarget> targets, Map<String, Json.Obj> afterUnknown) {
        if (!(m instanceof Json.Obj module)) {
            return;
        }
        for (Json.Obj r : objects(module, "resources")) {
            String type = str(r, "type").orElse("");
            String address = str(r, "address").orElse(type + "." + str(r, "name").orElse("?"));
            Attr attr = POLICY_TYPES.get(type);
            if (attr == null || !str(r, "mode").orElse("managed").equals("managed")) {
                continue;
            }
            Optional<Json.Value> value = r.get("values").filter(Json.Obj.class::isInstance).flatMap(v -> ((Json.Obj) v).get(attr.name()));
            if (value.isPresent() && value.get() instanceof Json.Str s && !s.value().isEmpty()) {
                targets.add(new PolicyTarget(address, type, attr.kind(), Optional.of(s.value()), Optional.empty(), s.location(), List.of(),
                        List.of(), List.of()));
            } else if (value.isPresent() && !(value.get() instanceof Json.Null) && !(value.get() instanceof Json.Str)) {
                throw GtvpcException.badInput(source + ":" + value.get().location() + ": " + address + "." + attr.name()
                        + " must be a JSON string, not " + value.get().typeName());
            } else if (unknown(afterUnknown.get(address), attr.name())) {
                Optional<PlanConfiguration.Expression> written = configuration.expression(address, attr.name());
                if (attr.required() || written.isPresent()) {
                    targets.add(unknownPolicy(r, address, type, attr, written));
                }
            }
        }
        for (Json.Obj child : objects(module, "child_modules")) {
            module(child, targets, afterUnknown);
        }
    }

    /**
     * A policy the plan marks as known only after apply: read from the configuration's constant when it is
     * one, else a target without a document whose note names what the configuration makes it from.
     */
    private PolicyTarget unknownPolicy(Json.Obj r, String address, String type, Attr attr, Optional<PlanConfiguration.Expression> written) {
        Optional<Json.Value> constant = written.flatMap(PlanConfiguration.Expression::constant);
        if (constant.isPresent() && constant.get() instanceof Json.Str s && !s.value().isEmpty()) {
            return new PolicyTarget(address, type, attr.kind(), Optional.of(s.value()), Optional.empty(), s.location(),
                    List.of("the planned values lack the policy (after_unknown): read from the configuration's constant_value"),
                    List.of(), List.of());
        }
        List<String> references = written.map(PlanConfiguration.Expression::references).orElse(List.of());
        String from = references.isEmpty() ? "it is made from values such as a new resource's ARN"
                : "the configuration makes it from " + String.join(", ", references);
        return new PolicyTarget(address, type, attr.kind(), Optional.empty(), Optional.empty(), r.location(),
                List.of("the policy is known only after apply (after_unknown): the plan does not hold it, so it is not checked; " + from
                        + " — lint the plan of a later run, or the template"),
                List.of(address + "." + attr.name()), List.of());
    }

    private void checkFormatVersion(Json.Obj plan) {
        Optional<Json.Value> version = plan.get("format_version");
        if (version.isEmpty()) {
            return;
        }
        String text = version.get() instanceof Json.Str s ? s.value() : Json.write(version.get(), false);
        String major = text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
        if (!READ_MAJOR_VERSIONS.contains(major)) {
            throw GtvpcException.badInput(source + ":" + version.get().location() + ": format_version " + Json.quote(text)
                    + " is not a Terraform JSON plan format gtvpc reads (0.x, 1.x): a new major version is not backward-compatible"
                    + " (Terraform's JSON Output Format page)");
        }
    }

    private void dataSources(Json.Value m, List<PolicyTarget> targets, Set<String> seen) {
        if (!(m instanceof Json.Obj module)) {
            return;
        }
        for (Json.Obj r : objects(module, "resources")) {
            if (!str(r, "type").orElse("").equals("aws_iam_policy_document") || !str(r, "mode").orElse("").equals("data")) {
                continue;
            }
            Optional<Json.Value> json = r.get("values").filter(Json.Obj.class::isInstance).flatMap(v -> ((Json.Obj) v).get("json"));
            if (json.isPresent() && json.get() instanceof Json.Str s && !seen.contains(s.value())) {
                seen.add(s.value());
                // a policy document does not say what it is attached to: a Principal makes it a resource policy
                boolean principal = s.value().contains("\"Principal\"") || s.value().contains("\"NotPrincipal\"");
                if (principal && !onlyS3Actions(s.value())) {
                    // a trust policy or another service's resource policy (SNS, KMS...): not something gtvpc judges
                    continue;
                }
                String address = str(r, "address").orElse("data.aws_iam_policy_document");
                List<String> uses = configuration.usedBy(address);
                if (!uses.isEmpty() && uses.stream().noneMatch(TerraformPlanSource::readPolicyArgument)) {
                    // attached only where gtvpc reads no policy (an S3 Tables table bucket's, an SNS topic's...)
                    continue;
                }
                PolicyKind kind = principal ? PolicyKind.BUCKET : PolicyKind.IDENTITY;
                targets.add(new PolicyTarget(address, "aws_iam_policy_document", kind,
                        Optional.of(s.value()), Optional.empty(), s.location(),
                        List.of("a data source does not say where it is attached: checked as " + (principal
                                ? "a bucket policy (it names a Principal)" : "an identity policy (it names no Principal)")),
                        List.of(), List.of()));
            }
        }
        for (Json.Obj child : objects(module, "child_modules")) {
            dataSources(child, targets, seen);
        }
    }

    /** True when {@code use} ({@code TYPE.ARGUMENT}) is a policy gtvpc reads: one of POLICY_TYPES, or a role's inline policy. */
    private static boolean readPolicyArgument(String use) {
        int dot = use.lastIndexOf('.');
        Attr attr = POLICY_TYPES.get(use.substring(0, dot));
        return attr != null && attr.name().equals(use.substring(dot + 1)) || use.equals("aws_iam_role.inline_policy");
    }

    /** True when every Action of the document is an S3 action or "*". */
    static boolean onlyS3Actions(String policy) {
        try {
            Json.Value doc = Json.parse(policy);
            List<String> actions = new ArrayList<>();
            collect(doc, actions);
            return !actions.isEmpty() && actions.stream().allMatch(a -> a.equals("*") || a.toLowerCase(java.util.Locale.ROOT).startsWith("s3:"));
        } catch (Json.SyntaxException e) {
            return true;
        }
    }

    private static void collect(Json.Value v, List<String> actions) {
        if (v instanceof Json.Obj o) {
            for (Json.Member m : o.members()) {
                if ((m.name().equals("Action") || m.name().equals("NotAction")) && m.value() instanceof Json.Str s) {
                    actions.add(s.value());
                } else if ((m.name().equals("Action") || m.name().equals("NotAction")) && m.value() instanceof Json.Arr a) {
                    a.items().stream().filter(Json.Str.class::isInstance).forEach(i -> actions.add(((Json.Str) i).value()));
                } else {
                    collect(m.value(), actions);
                }
            }
        } else if (v instanceof Json.Arr a) {
            a.items().forEach(i -> collect(i, actions));
        }
    }

    private static boolean unknown(Json.Obj afterUnknown, String attr) {
        return afterUnknown != null && afterUnknown.get(attr).filter(Json.Bool.class::isInstance).map(b -> ((Json.Bool) b).value()).orElse(false);
    }

    private static List<Json.Obj> objects(Json.Obj o, String name) {
        List<Json.Obj> list = new ArrayList<>();
        o.get(name).filter(Json.Arr.class::isInstance).ifPresent(a -> {
            for (Json.Value v : ((Json.Arr) a).items()) {
                if (v instanceof Json.Obj item) {
                    list.add(item);
                }
            }
        });
        return list;
    }

    private static Optional<String> str(Json.Obj o, String name) {
        return o.get(name).filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value());
    }
}
