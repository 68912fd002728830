package dev.gtvpc.layers;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.Objects;

/**
 * One policy of a layer, with the name a trace gives it: the file it was read from, or the name AWS
 * gives a managed policy.
 */
public record LayerPolicy(Layer layer, String source, Policy policy) {
    /**
     * The SCP Organizations attaches at every level when SCPs are enabled: "allows all services and
     * actions" (orgs_manage_policies_scps_evaluation.html). No page prints its JSON; this is the text
     * every reproduction uses.
     */
    public static final LayerPolicy FULL_AWS_ACCESS = builtin(Layer.SCP, "FullAWSAccess",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
    /**
     * The RCP at every level, which cannot be detached: it "allows all principals and actions access to
     * pass through RCP evaluation" (orgs_manage_policies_rcps_evaluation.html).
     */
    public static final LayerPolicy RCP_FULL_AWS_ACCESS = builtin(Layer.RCP, "RCPFullAWSAccess",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
    /**
     * What an endpoint without a policy of its own has: "If you don't attach an endpoint policy, we attach
     * the default endpoint policy", which "grants full access" (vpc-endpoints-access.html).
     */
    public static final LayerPolicy DEFAULT_ENDPOINT_POLICY = builtin(Layer.ENDPOINT, "the default endpoint policy",
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

    public LayerPolicy {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(policy, "policy");
    }

    private static LayerPolicy builtin(Layer layer, String name, String json) {
        return new LayerPolicy(layer, name, PolicyReader.read(json, name).policy());
    }
}
