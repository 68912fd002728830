package dev.gtvpc.audit;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.OrganizationsReader;
import dev.gtvpc.layers.Layer;
import dev.gtvpc.layers.LayerShape;
import dev.gtvpc.lint.rules.Placeholders;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --org-policies DIR}: an organization's RCPs and SCPs without calling AWS. The directory holds the policy
 * files and {@code targets.json}, which says what Organizations would (README "Organizations"):
 * <pre>
 * {"organization": "o-…", "managementAccount": "111100000000",
 *  "accounts": {"210987654321": "r-ab12/ou-ab12-11111111"},
 *  "policies": {"p-network01": {"type": "RCP", "name": "network-perimeter", "file": "network.json", "targets": ["r-ab12"]}}}
 * </pre>
 * {@code accounts} gives each account's path, its root first, then its OUs (an account not listed is not in the
 * organization); {@code targets} the root, OUs and accounts each policy is attached to. It answers as
 * {@link OrganizationsReader} does, so the audit reads it exactly as it reads Organizations.
 */
public final class OrgPoliciesDir implements OrganizationsReader {
    public static final String TARGETS = "targets.json";

    private final Organization organization;
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Set<String> roots = new LinkedHashSet<>();
    private final Map<String, List<AttachedPolicy>> attached = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    private OrgPoliciesDir(Organization organization) {
        this.organization = organization;
    }

    /** Reads and checks the directory: any fault is bad input, one line. */
    public static OrgPoliciesDir read(Path dir) {
        Path targets = dir.resolve(TARGETS);
        String where = "--org-policies: " + targets;
        Json.Value root;
        try {
            root = Json.parse(text(targets, "--org-policies"));
        } catch (Json.SyntaxException e) {
            throw GtvpcException.badInput(where + ":" + e.location() + ": " + e.getMessage());
        }
        if (!(root instanceof Json.Obj o)) {
            throw GtvpcException.badInput(where + ": give a JSON object with organization, managementAccount, accounts and policies");
        }
        for (Json.Member m : o.members()) {
            if (!List.of("organization", "managementAccount", "accounts", "policies").contains(m.name())) {
                throw GtvpcException.badInput(where + ":" + m.nameLocation() + ": '" + m.name() + "' is not organization,"
                        + " managementAccount, accounts or policies");
            }
        }
        String orgId = string(o, "organization", where);
        AwsIds.checkOrgId(orgId).ifPresent(p -> {
            throw GtvpcException.badInput(where + ": organization: " + p);
        });
        String management = string(o, "managementAccount", where);
        if (!AwsIds.isAccountId(management)) {
            throw GtvpcException.badInput(where + ": managementAccount: '" + management + "' is not a 12-digit account ID");
        }
        OrgPoliciesDir d = new OrgPoliciesDir(new Organization(orgId, management));
        for (Json.Member a : object(o, "accounts", where).members()) {
            d.account(a, where);
        }
        for (Json.Member p : object(o, "policies", where).members()) {
            d.policy(dir, p, where);
        }
        return d;
    }

    private void account(Json.Member a, String where) {
        String at = where + ":" + a.nameLocation() + ": account " + a.name();
        if (!AwsIds.isAccountId(a.name())) {
            throw GtvpcException.badInput(at + " is not a 12-digit account ID");
        }
        if (!(a.value() instanceof Json.Str path) || path.value().isBlank()) {
            throw GtvpcException.badInput(at + ": give its path, its root first: \"r-…/ou-…\"");
        }
        String[] steps = path.value().replaceAll("/+$", "").split("/");
        String child = a.name();
        for (int i = steps.length - 1; i >= 0; i--) {
            String step = steps[i];
            boolean ok = i == 0 ? step.matches("r-[0-9a-z]{4,32}") : step.matches("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}");
            if (!ok) {
                throw GtvpcException.badInput(at + ": '" + step + "' is not " + (i == 0 ? "a root ID (r-…)" : "an OU ID (ou-…-…)")
                        + "; the path starts at the root");
            }
            String before = parents.putIfAbsent(child, step);
            if (before != null && !before.equals(step)) {
                throw GtvpcException.badInput(at + ": " + child + " is under " + before + " in another account's path, not " + step);
            }
            child = step;
        }
        roots.add(steps[0]);
    }

    private void policy(Path dir, Json.Member p, String where) {
        String at = where + ":" + p.nameLocation() + ": policy " + p.name();
        if (!p.name().matches("p-[0-9A-Za-z_]{1,128}")) {
            throw GtvpcException.badInput(at + ": a policy ID is p- and letters, digits or _ (as Organizations gives it)");
        }
        if (!(p.value() instanceof Json.Obj o)) {
            throw GtvpcException.badInput(at + ": give an object with type, file, targets and (optional) name");
        }
        String typeName = string(o, "type", at);
        PolicyType type = switch (typeName) {
            case "RCP", "RESOURCE_CONTROL_POLICY" -> PolicyType.RESOURCE_CONTROL_POLICY;
            case "SCP", "SERVICE_CONTROL_POLICY" -> PolicyType.SERVICE_CONTROL_POLICY;
            default -> throw GtvpcException.badInput(at + ": type '" + typeName + "' is not RCP or SCP");
        };
        String name = o.get("name").filter(Json.Str.class::isInstance).map(v -> ((Json.Str) v).value()).orElse(p.name());
        Path file = dir.resolve(string(o, "file", at));
        String text = text(file, at);
        Layer layer = type == PolicyType.RESOURCE_CONTROL_POLICY ? Layer.RCP : Layer.SCP;
        PolicyReader.Result read = PolicyReader.parse(text);
        if (!read.ok()) {
            throw GtvpcException.badInput(at + ": " + read.problems().get(0).format(file.toString()));
        }
        LayerShape.mismatch(layer, read.parsed().get().policy()).ifPresent(what -> {
            throw GtvpcException.badInput(at + ": " + file + " is not " + (layer == Layer.RCP ? "a resource" : "a service")
                    + " control policy: it is " + what);
        });
        Placeholders.find(text).ifPresent(ph -> {
            throw GtvpcException.badInput(at + ": " + file + " still holds the placeholder " + ph + " (placeholder-left): fill it in;"
                    + " gtvpc proves nothing over a policy that is not the one deployed");
        });
        texts.put(p.name(), text);
        Optional<Json.Value> targets = o.get("targets");
        if (targets.isEmpty() || !(targets.get() instanceof Json.Arr list) || list.items().isEmpty()) {
            throw GtvpcException.badInput(at + ": targets: give the root, OUs or accounts it is attached to, as a list");
        }
        for (Json.Value t : list.items()) {
            if (!(t instanceof Json.Str target) || !(roots.contains(target.value()) || parents.containsKey(target.value()))) {
                throw GtvpcException.badInput(at + ": targets: " + (t instanceof Json.Str s ? "'" + s.value() + "'" : t.typeName())
                        + " is no root, OU or account of the accounts' paths");
            }
            attached.computeIfAbsent(type + " " + target.value(), k -> new ArrayList<>()).add(new AttachedPolicy(p.name(), name, false));
        }
    }

    private static String text(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            throw GtvpcException.badInput(what + ": cannot read " + file + " (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")");
        }
    }

    private static String string(Json.Obj o, String name, String at) {
        Optional<Json.Value> v = o.get(name);
        if (v.isEmpty() || !(v.get() instanceof Json.Str s)) {
            throw GtvpcException.badInput(at + ": " + name + ": give a string");
        }
        return s.value();
    }

    private static Json.Obj object(Json.Obj o, String name, String at) {
        Optional<Json.Value> v = o.get(name);
        if (v.isEmpty() || !(v.get() instanceof Json.Obj obj)) {
            throw GtvpcException.badInput(at + ": " + name + ": give an object");
        }
        return obj;
    }

    @Override
    public Organization organization() {
        return organization;
    }

    @Override
    public List<String> roots() {
        return List.copyOf(roots);
    }

    @Override
    public Optional<String> parent(String childId) {
        return Optional.ofNullable(parents.get(childId));
    }

    @Override
    public List<AttachedPolicy> policiesFor(String targetId, PolicyType type) {
        return List.copyOf(attached.getOrDefault(type + " " + targetId, List.of()));
    }

    @Override
    public String policyText(String policyId) {
        return texts.get(policyId);
    }
}
