package dev.gtvpc.verify;

import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.space.ActionClass;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.RequestSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks one property over a product of the space's classes: every context, origin, caller, action and
 * resource, in that order (simplest first, so the first counterexample is a minimal one), skipping the
 * pairs S3 never sees. With layers, a proof also says which layer's statements decided its requests.
 */
final class Checker {
    private final Decider decider;
    private final RequestSpace space;
    private final boolean layered;

    Checker(Decider decider, RequestSpace space, boolean layered) {
        this.decider = decider;
        this.space = space;
        this.layered = layered;
    }

    /**
     * @param vacuity whether a property none of whose requests a statement reaches is VACUOUS rather than
     *                PROVED (true for the access properties: the policy then says nothing about them)
     */
    PropertyResult check(String property, String subject, List<Origin> origins, List<Caller> callers, List<ActionClass> actions,
            Predicate<Verdict> ok, List<Map<String, List<String>>> contexts, boolean vacuity) {
        return check(property, subject, origins, callers, actions, ok, contexts, vacuity, 0);
    }

    /**
     * As above, but the first {@code decided} requests of the product are counted and not evaluated: the caller
     * has decided them already, by the class of an equivalent subject ({@link Properties#shared}).
     */
    PropertyResult check(String property, String subject, List<Origin> origins, List<Caller> callers, List<ActionClass> actions,
            Predicate<Verdict> ok, List<Map<String, List<String>>> contexts, boolean vacuity, long decided) {
        long count = 0;
        boolean reached = false;
        Map<String, Long> decidedBy = new LinkedHashMap<>();
        for (Map<String, List<String>> extra : contexts) {
            for (Origin origin : origins) {
                for (Caller caller : callers) {
                    if (!space.possible(caller, origin, extra)) {
                        continue;
                    }
                    for (ActionClass action : actions) {
                        for (String resource : space.resources(action)) {
                            count++;
                            if (count <= decided) {
                                continue;
                            }
                            Request r = space.request(action, resource, origin, caller, extra);
                            Verdict result = decider.decide(r, origin, caller);
                            if (result.decision().isEmpty() || !ok.test(result)) {
                                PropertyResult.Status status = result.decision().isEmpty()
                                        ? PropertyResult.Status.UNDECIDED : PropertyResult.Status.REFUTED;
                                return new PropertyResult(property, subject, status, count, Optional.of(new Counterexample(
                                        r, origin, caller, result.decision(), result.statements(), result.errors(), result.deciding())));
                            }
                            reached |= result.reached();
                            if (result.denied()) {
                                result.deciding().forEach(d -> decidedBy.merge(d.label(), 1L, Long::sum));
                            }
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
        return new PropertyResult(property, subject, PropertyResult.Status.PROVED, count, Optional.empty(),
                layered && !decidedBy.isEmpty() ? Optional.of(decidedBy(decidedBy)) : Optional.empty());
    }

    /** Which layers' statements decided the requests of a proof, and how many each. */
    private static String decidedBy(Map<String, Long> counts) {
        StringBuilder b = new StringBuilder("decided by ");
        counts.forEach((label, n) -> b.append(b.length() > "decided by ".length() ? "; " : "").append(label).append(" (").append(n)
                .append(n == 1 ? " request)" : " requests)"));
        return b.toString();
    }

    static List<String> labels(EvaluationResult result) {
        return result.deciding().stream().map(StatementTrace::label).toList();
    }
}
