package dev.gtvpc.verify;

import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.space.ActionClass;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.RequestSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Whether two policies decide every request of one space alike, resources outside the bucket included. */
final class Equivalence {
    private Equivalence() {
    }

    /** {@code space} must be the space of both policies: each one's own tells apart only the values it names. */
    static PropertyResult check(Policy policy, Policy other, RequestSpace space) {
        long count = 0;
        for (Map<String, List<String>> extra : space.otherContexts()) {
            for (Origin origin : space.origins()) {
                for (Caller caller : space.callers()) {
                    if (!space.possible(caller, origin, extra)) {
                        continue;
                    }
                    for (ActionClass action : space.actions()) {
                        List<String> resources = new ArrayList<>(space.resources(action));
                        resources.add(space.otherBucketResource(action));
                        for (String resource : resources) {
                            Request r = space.request(action, resource, origin, caller, extra);
                            count++;
                            EvaluationResult a = Evaluator.evaluate(policy, r);
                            EvaluationResult b = Evaluator.evaluate(other, r);
                            if (!a.decision().equals(b.decision())) {
                                Counterexample ce = new Counterexample(r, origin, caller, a.decision(),
                                        Checker.labels(a), List.of("the other policy decides " + b.decision().map(Enum::name).orElse("nothing")
                                                + Checker.labels(b).stream().map(l -> " by " + l).reduce("", String::concat)));
                                return new PropertyResult("equivalent-to", "the other policy", PropertyResult.Status.REFUTED, count,
                                        Optional.of(ce));
                            }
                        }
                    }
                }
            }
        }
        return new PropertyResult("equivalent-to", "the other policy", PropertyResult.Status.PROVED, count, Optional.empty());
    }
}
