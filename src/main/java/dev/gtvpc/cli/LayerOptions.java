package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.input.InputFormat;
import dev.gtvpc.input.PolicySource;
import dev.gtvpc.input.PolicyTarget;
import dev.gtvpc.layers.Layer;
import dev.gtvpc.layers.LayerPolicy;
import dev.gtvpc.layers.LayerShape;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.rules.Placeholders;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.verify.Layers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The layers besides the bucket policy (README "Layered perimeters"): each file a policy, or a Terraform
 * plan or CloudFormation template whose policies of that type are read. A file of another type, or one with
 * a placeholder left in it, is bad input: a proof over it would prove nothing.
 */
final class LayerOptions {
    @Option(names = "--rcp", paramLabel = "FILE",
            description = "A resource control policy above the bucket's account (repeatable): its Deny statements apply to every request.")
    List<String> rcps = new ArrayList<>();

    @Option(names = "--scp", paramLabel = "FILE",
            description = "A service control policy of the organization's principals, beside FullAWSAccess (repeatable): its Deny"
                    + " statements apply to them.")
    List<String> scps = new ArrayList<>();

    @Option(names = "--endpoint-policy", paramLabel = "[VPCE_ID=]FILE",
            description = "The policy of your VPC endpoints, or of the one named (repeatable). Other endpoints' policies are their"
                    + " owners', taken as letting everything through.")
    List<String> endpointPolicies = new ArrayList<>();

    @Option(names = "--identity-policy", paramLabel = "FILE",
            description = "An identity policy of the bucket account's principals (repeatable). Without it, their identity policies"
                    + " are not known: what the bucket policy does not grant them is NOT_DENIED.")
    List<String> identityPolicies = new ArrayList<>();

    private static final Map<Layer, PolicyKind> KINDS = Map.of(Layer.RCP, PolicyKind.RCP, Layer.SCP, PolicyKind.SCP,
            Layer.ENDPOINT, PolicyKind.VPC_ENDPOINT, Layer.IDENTITY, PolicyKind.IDENTITY);
    private static final Map<Layer, String> NAMES = Map.of(Layer.RCP, "a resource control policy", Layer.SCP, "a service control policy",
            Layer.ENDPOINT, "a VPC endpoint policy", Layer.IDENTITY, "an identity policy");

    /** The layers given, for a bucket with a policy or ({@code bucketPolicy} false) without one. */
    Layers layers(Inputs inputs, IacOptions iac, boolean bucketPolicy) {
        List<LayerPolicy> rcp = read(inputs, "--rcp", rcps, Layer.RCP, iac);
        List<LayerPolicy> scp = read(inputs, "--scp", scps, Layer.SCP, iac);
        List<Layers.EndpointPolicy> endpoint = new ArrayList<>();
        for (String given : endpointPolicies) {
            int eq = given.indexOf('=');
            Optional<String> vpce = eq > 0 && given.startsWith("vpce-") ? Optional.of(given.substring(0, eq)) : Optional.empty();
            vpce.ifPresent(v -> Validate.each("--endpoint-policy", List.of(v), AwsIds::checkVpceId));
            String file = vpce.isPresent() ? given.substring(eq + 1) : given;
            if (vpce.isEmpty() && endpoint.stream().anyMatch(e -> e.vpce().isEmpty())) {
                throw GtvpcException.badInput("--endpoint-policy: " + file + ": an endpoint has one policy, and one without an endpoint ID"
                        + " was given already; name the endpoint (VPCE_ID=FILE)");
            }
            read(inputs, "--endpoint-policy", List.of(file), Layer.ENDPOINT, iac).forEach(p -> endpoint.add(new Layers.EndpointPolicy(vpce, p)));
        }
        List<LayerPolicy> identity = read(inputs, "--identity-policy", identityPolicies, Layer.IDENTITY, iac);
        return new Layers(rcp, scp, endpoint, identity.isEmpty() ? Optional.empty() : Optional.of(identity), bucketPolicy);
    }

    boolean any() {
        return !rcps.isEmpty() || !scps.isEmpty() || !endpointPolicies.isEmpty() || !identityPolicies.isEmpty();
    }

    private static List<LayerPolicy> read(Inputs inputs, String option, List<String> files, Layer layer, IacOptions iac) {
        List<LayerPolicy> out = new ArrayList<>();
        for (String file : files) {
            String source = file.equals("-") ? "<stdin>" : file;
            String text = inputs.read(file, option);
            PolicySource.Input input = PolicySource.read(text, source, Optional.empty(), iac.params());
            if (input.format() == InputFormat.POLICY) {
                out.add(checked(option, source, layer, PolicyReader.parse(text), text));
                continue;
            }
            List<PolicyTarget> ofKind = input.targets().stream().filter(t -> t.kind() == KINDS.get(layer)).toList();
            if (ofKind.isEmpty()) {
                throw GtvpcException.badInput(option + ": " + source + " holds no " + NAMES.get(layer).substring(NAMES.get(layer).indexOf(' ') + 1)
                        + (input.targets().isEmpty() ? "" : " (it holds " + String.join(", ", input.targets().stream()
                                .map(t -> t.address() + ", " + t.kind().cliName() + " policy").toList()) + ")"));
            }
            for (PolicyTarget t : ofKind) {
                if (!t.known()) {
                    throw GtvpcException.badInput(option + ": " + source + ": " + t.address() + ": its policy is not known from the file"
                            + (t.notes().isEmpty() ? "" : " (" + String.join("; ", t.notes()) + ")"));
                }
                String policyText = t.text().orElseGet(() -> Json.write(t.tree().get(), false));
                out.add(checked(option, source + " (" + t.address() + ")", layer,
                        t.text().isPresent() ? PolicyReader.parse(policyText) : PolicyReader.parse(t.tree().get()), policyText));
            }
        }
        return out;
    }

    private static LayerPolicy checked(String option, String source, Layer layer, PolicyReader.Result r, String policyText) {
        if (!r.ok()) {
            throw GtvpcException.badInput(option + ": " + r.problems().get(0).format(source));
        }
        LayerPolicy p = new LayerPolicy(layer, source, r.parsed().get().policy());
        LayerShape.mismatch(layer, p.policy()).ifPresent(what -> {
            throw GtvpcException.badInput(option + ": " + source + " is not " + NAMES.get(layer) + ": it is " + what);
        });
        Placeholders.find(policyText).ifPresent(ph -> {
            throw GtvpcException.badInput(option + ": " + source + " still holds the placeholder " + ph + " (placeholder-left): fill it"
                    + " in; gtvpc proves nothing over a policy that is not the one deployed");
        });
        return p;
    }
}
