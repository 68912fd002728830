package dev.gtvpc.layers;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code layers/*.json} case file (layers/FORMAT.md) read into the engine's terms: its organization's
 * chains, its named policies, and for each case the {@link LayerSet}, {@link Placement} and
 * {@link Request} it describes.
 */
final class LayerCaseFile {
    final Path file;
    final Map<String, Object> data;
    private final Map<String, Object> organization;
    private final Map<String, Object> accounts;
    private final Map<String, Object> policies;

    LayerCaseFile(Path file) {
        this.file = file;
        this.data = JsonData.map(JsonData.read(file));
        this.organization = JsonData.map(data.get("organization"));
        this.accounts = JsonData.map(data.get("accounts"));
        this.policies = JsonData.map(data.get("policies"));
    }

    List<Map<String, Object>> cases() {
        return JsonData.list(data.get("cases"));
    }

    /** What one case hands the evaluator. */
    record Input(LayerSet set, Request request, Placement placement) {
    }

    Input input(Map<String, Object> c) {
        Map<String, Object> request = JsonData.map(c.get("request"));
        Map<String, Object> caseAccounts = JsonData.map(c.get("accounts"));
        Map<String, Object> layers = JsonData.map(c.getOrDefault("layers", Map.of()));
        String bucketAccount = (String) caseAccounts.get("bucketAccount");
        String principalAccount = (String) caseAccounts.get("principalAccount");
        List<Level> rcps = levels(Layer.RCP, layers.get("rcp"), bucketAccount);
        List<Level> scps = principalAccount == null ? List.of() : levels(Layer.SCP, layers.get("scp"), principalAccount);
        Optional<LayerPolicy> bucket = Optional.ofNullable((String) layers.get("bucket")).map(n -> policy(Layer.BUCKET, n));
        Optional<List<LayerPolicy>> identity = Optional.of(layers.containsKey("identity")
                ? JsonData.strings(layers.get("identity")).stream().map(n -> policy(Layer.IDENTITY, n)).toList() : List.of());
        Optional<LayerPolicy> endpoint = Optional.ofNullable(layers.get("endpoint")).map(JsonData::map)
                .map(e -> policy(Layer.ENDPOINT, (String) e.getOrDefault("policy", "DefaultEndpointPolicy")));
        Optional<Boolean> serviceLinked = Optional.of("ServiceLinkedRole".equals(request.get("principalType")));
        Placement placement = new Placement(membership(bucketAccount), principalAccount == null ? Membership.OUTSIDE
                : membership(principalAccount), serviceLinked, endpoint);
        Map<String, List<String>> context = new LinkedHashMap<>();
        JsonData.map(request.getOrDefault("context", Map.of())).forEach((k, v) ->
                context.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v))));
        Request r = new Request((String) request.get("action"), (String) request.get("resource"),
                RequestPrincipal.parse((String) request.get("principal")), Optional.of(bucketAccount), ContextKeys.of(context));
        return new Input(new LayerSet(rcps, scps, bucket, identity), r, placement);
    }

    /** The levels of {@code raw} on {@code account}'s chain (root, its OUs, itself); the others do not reach it. */
    private List<Level> levels(Layer layer, Object raw, String account) {
        if (raw == null) {
            return List.of();
        }
        List<String> chain = chain(account);
        List<Level> out = new ArrayList<>();
        for (Map<String, Object> level : JsonData.list(raw)) {
            String target = (String) level.get("target");
            if (chain.contains(target)) {
                out.add(new Level(target, JsonData.strings(level.get("policies")).stream().map(n -> policy(layer, n)).toList()));
            }
        }
        return out;
    }

    /** "root", the OUs of the account's path, the account: empty when it is not in the file's organization. */
    private List<String> chain(String account) {
        Map<String, Object> a = JsonData.map(accounts.get(account));
        if (a == null || !organization.get("id").equals(a.get("org"))) {
            return List.of();
        }
        List<String> chain = new ArrayList<>();
        chain.add("root");
        String[] parts = ((String) a.get("path")).split("/");
        for (int i = 2; i < parts.length; i++) {
            chain.add(parts[i]);
        }
        chain.add(account);
        return chain;
    }

    private Membership membership(String account) {
        Map<String, Object> a = JsonData.map(accounts.get(account));
        if (a == null || !organization.get("id").equals(a.get("org"))) {
            return Membership.OUTSIDE;
        }
        return Boolean.TRUE.equals(a.get("management")) || account.equals(organization.get("managementAccount"))
                ? Membership.MANAGEMENT : Membership.MEMBER;
    }

    LayerPolicy policy(Layer layer, String name) {
        Object value = policies.get(name);
        if (value == null && name.equals("DefaultEndpointPolicy")) {
            return LayerPolicy.DEFAULT_ENDPOINT_POLICY;
        }
        if ("builtin".equals(value)) {
            return switch (name) {
                case "FullAWSAccess" -> LayerPolicy.FULL_AWS_ACCESS;
                case "RCPFullAWSAccess" -> LayerPolicy.RCP_FULL_AWS_ACCESS;
                case "DefaultEndpointPolicy" -> LayerPolicy.DEFAULT_ENDPOINT_POLICY;
                default -> throw new IllegalArgumentException(file + ": no builtin policy " + name);
            };
        }
        if (value == null) {
            throw new IllegalArgumentException(file + ": no policy " + name);
        }
        Map<String, Object> m = JsonData.map(value);
        String text = m.containsKey("file") ? Golden.read(Golden.testResource((String) m.get("file")))
                : Json.write(JsonData.toJson(m), true);
        return new LayerPolicy(layer, name, PolicyReader.read(text, name).policy());
    }
}
