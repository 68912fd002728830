package dev.gtvpc.verify;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.space.ActionClass;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.RequestSpace;
import dev.gtvpc.space.Witnesses;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who can do what, one row per origin class the user names (the internet, each class of their VPCs and
 * endpoints, each service endpoint, another endpoint and VPC) and one column per kind of caller (their
 * roles and administrator, a principal of the bucket's account, of another account, anonymous).
 */
final class Matrix {
    private Matrix() {
    }

    @SuppressWarnings("unchecked")
    static AccessMatrix of(Policy policy, VerifyInputs in, Properties properties, List<ActionClass> actions) {
        RequestSpace space = properties.space();
        List<Origin> origins = new ArrayList<>();
        List<String> originLabels = new ArrayList<>();
        origins.add(space.internetOrigins(null, false).get(0));
        originLabels.add("internet");
        // one row per class: a thousand endpoints in one exemption list are one row, not a thousand
        for (Map.Entry<String, Integer> vpc : classCounts(space, "aws:SourceVpc", in.vpcs()).entrySet()) {
            origins.add(space.via(Witnesses.FRESH_VPCE, vpc.getKey()));
            originLabels.add("VPC " + vpc.getKey() + alike(vpc.getValue()));
        }
        for (Map.Entry<String, Integer> vpce : classCounts(space, "aws:SourceVpce", in.vpces()).entrySet()) {
            origins.add(space.via(vpce.getKey(), Witnesses.FRESH_VPC));
            originLabels.add("endpoint " + vpce.getKey() + alike(vpce.getValue()));
        }
        for (VerifyInputs.TrustedEndpoint t : in.serviceEndpoints()) {
            origins.add(space.via(t.endpoint(), Witnesses.FRESH_VPC));
            originLabels.add(t.service() + " " + t.endpoint());
        }
        origins.add(space.via(Witnesses.FRESH_VPCE, Witnesses.FRESH_VPC));
        originLabels.add("another endpoint and VPC");
        List<Caller> callers = new ArrayList<>();
        List<String> callerLabels = new ArrayList<>();
        for (String arn : in.roleArns()) {
            properties.callersOf(arn).stream().limit(1).forEach(c -> add(callers, callerLabels, c, c.principalArn().orElseThrow()));
        }
        in.adminArn().ifPresent(a -> properties.callersOf(a).stream().limit(1)
                .forEach(c -> add(callers, callerLabels, c, c.principalArn().orElseThrow())));
        add(callers, callerLabels, space.principalOf(in.bucketAccount()), "bucket account");
        add(callers, callerLabels, space.outsider(), "other account");
        add(callers, callerLabels, space.anonymous(), "anonymous");
        Optional<Decision>[][][] cells = new Optional[origins.size()][callers.size()][actions.size()];
        for (int o = 0; o < origins.size(); o++) {
            for (int c = 0; c < callers.size(); c++) {
                for (int a = 0; a < actions.size(); a++) {
                    ActionClass action = actions.get(a);
                    String resource = space.resources(action).get(0);
                    cells[o][c][a] = Evaluator.evaluate(policy, space.request(action, resource, origins.get(o), callers.get(c),
                            Map.of())).decision();
                }
            }
        }
        return new AccessMatrix(actions.stream().map(ActionClass::label).toList(), originLabels, callerLabels, cells);
    }

    /** A caller's column, headed role/NAME for a named principal. */
    private static void add(List<Caller> callers, List<String> labels, Caller c, String heading) {
        callers.add(c);
        labels.add(heading.startsWith("arn:") ? heading.split(":", 6)[5] : heading);
    }

    private static Map<String, Integer> classCounts(RequestSpace space, String key, List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String v : values) {
            counts.merge(space.representative(key, v, values), 1, Integer::sum);
        }
        return counts;
    }

    private static String alike(int count) {
        return count == 1 ? "" : " (+" + (count - 1) + " alike)";
    }
}
