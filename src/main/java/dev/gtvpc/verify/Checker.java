package dev.gtvpc.verify;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.space.ActionClass;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.RequestSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks one property over a product of the space's classes: every context, origin, caller, action and
 * resource, in that order (simplest first, so the first counterexample is a minimal one), skipping the
 * pairs S3 never sees.
 */
final class Checker {
    private final Policy policy;
    private final RequestSpace space;

    Checker(Policy policy, RequestSpace space) {
        this.policy = policy;
        this.space = space;
    }

    /**
     * @param vacuity whether a property none of whose requests a statement reaches is VACUOUS rather than
     *                PROVED (true for the access properties: the policy then says nothing about them)
     */
    PropertyResult check(String property, String subject, List<Origin> origins, List<Caller> callers, List<ActionClass> actions,
            Predicate<Decision> ok, List<Map<String, List<String>>> contexts, boolean vacuity) {
        long count = 0;
        boolean reached = false;
        for (Map<String, List<String>> extra : contexts) {
            for (Origin origin : origins) {
                for (Caller caller : callers) {
                    if (!space.possible(caller, origin, extra)) {
                        continue;
                    }
                    for (ActionClass action : actions) {
                        for (String resource : space.resources(action)) {
                            Request r = space.request(action.action(), resource, origin, caller, extra);
                            count++;
                            EvaluationResult result = Evaluator.evaluate(policy, r);
                            if (result.decision().isEmpty() || !ok.test(result.decision().get())) {
                                PropertyResult.Status status = result.decision().isEmpty()
                                        ? PropertyResult.Status.UNDECIDED : PropertyResult.Status.REFUTED;
                                return new PropertyResult(property, subject, status, count, Optional.of(new Counterexample(
                                        r, origin, caller, result.decision(), labels(result), result.errors())));
                            }
                            reached |= result.statements().stream().anyMatch(StatementTrace::reached);
                        }
                    }
                }
            }
        }
        if (count == 0) {
            return PropertyResult.vacuous(property, subject, actions.isEmpty()
                    ? "no protected action: the policy names no S3 action a bucket policy decides (give --actions)"
                    : "no request of this kind exists");
        }
        if (vacuity && !reached) {
            return PropertyResult.vacuous(property, subject, count, "no statement reaches these requests (none names these"
                    + " principals, actions and this bucket): nothing to prove");
        }
        return new PropertyResult(property, subject, PropertyResult.Status.PROVED, count, Optional.empty());
    }

    static List<String> labels(EvaluationResult result) {
        return result.deciding().stream().map(StatementTrace::label).toList();
    }
}
