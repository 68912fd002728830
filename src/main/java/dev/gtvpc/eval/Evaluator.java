package dev.gtvpc.eval;

import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Condition;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.ResourceBlock;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a bucket policy says about a request, as AWS does for resource-based policies: an
 * applying Deny wins; otherwise an applying Allow allows; otherwise the policy is silent. A
 * statement applies when its principal, action and resource match and every condition key under
 * every operator holds (reference_policies_evaluation-logic.html).
 */
public final class Evaluator {
    private Evaluator() {
    }

    public static EvaluationResult evaluate(Policy policy, Request request) {
        boolean variables = policy.supportsPolicyVariables();
        List<StatementTrace> traces = new ArrayList<>(policy.statements().size());
        List<String> errors = new ArrayList<>();
        boolean invalidPolicy = false;
        boolean deny = false;
        boolean allow = false;
        boolean unknownDeny = false;
        boolean unknownAllow = false;
        for (int i = 0; i < policy.statements().size(); i++) {
            Statement s = policy.statements().get(i);
            Optional<String> missing = missingElement(s);
            if (missing.isPresent()) {
                invalidPolicy = true;
                String label = s.label(i);
                errors.add("statement " + label + " has no " + missing.get() + "; S3 refuses such a policy"
                        + " (MalformedPolicy: Missing required field " + missing.get() + ")");
                traces.add(new StatementTrace(i, s.sid(), s.effect().orElse(Effect.DENY), StatementTrace.Outcome.ERROR,
                        "no " + missing.get(), List.of()));
                continue;
            }
            StatementTrace trace = evaluate(i, s, request, variables);
            traces.add(trace);
            boolean isDeny = s.effect().get() == Effect.DENY;
            switch (trace.outcome()) {
                case APPLIES -> {
                    deny |= isDeny;
                    allow |= !isDeny;
                }
                case ERROR -> {
                    errors.add("statement " + trace.label() + ": " + trace.reason());
                    unknownDeny |= isDeny;
                    unknownAllow |= !isDeny;
                }
                case DOES_NOT_APPLY -> {
                }
            }
        }
        Optional<Decision> decision;
        if (invalidPolicy) {
            decision = Optional.empty();
        } else if (deny) {
            decision = Optional.of(Decision.EXPLICIT_DENY);
        } else if (unknownDeny) {
            decision = Optional.empty();
        } else if (allow) {
            decision = Optional.of(Decision.ALLOW);
        } else if (unknownAllow) {
            decision = Optional.empty();
        } else {
            decision = Optional.of(Decision.NOT_DENIED);
        }
        return new EvaluationResult(decision, traces, errors);
    }

    private static Optional<String> missingElement(Statement s) {
        if (s.effect().isEmpty()) {
            return Optional.of("Effect");
        }
        if (s.principal().isEmpty()) {
            return Optional.of("Principal");
        }
        if (s.action().isEmpty()) {
            return Optional.of("Action");
        }
        if (s.resource().isEmpty()) {
            return Optional.of("Resource");
        }
        return Optional.empty();
    }

    private static StatementTrace evaluate(int index, Statement s, Request request, boolean variables) {
        Effect effect = s.effect().orElseThrow();
        if (!PrincipalMatcher.applies(s.principal().orElseThrow(), request.principal())) {
            return notApplying(index, s, effect, s.principal().get().elementName() + " does not cover " + request.principal().id());
        }
        ActionBlock action = s.action().orElseThrow();
        boolean actionNamed = action.actions().items().stream().anyMatch(a -> Wildcards.matchesIgnoreCase(a, request.action()));
        if (actionNamed == action.negated()) {
            return notApplying(index, s, effect, action.elementName() + " " + action.actions().items()
                    + (action.negated() ? " names " : " does not name ") + request.action());
        }
        ResourceBlock resource = s.resource().orElseThrow();
        boolean resourceNamed = resource.resources().items().stream()
                .anyMatch(r -> Resources.matches(r, request.resource(), request.context(), variables));
        if (resourceNamed == resource.negated()) {
            return notApplying(index, s, effect, resource.elementName() + " " + resource.resources().items()
                    + (resource.negated() ? " names " : " does not name ") + request.resource());
        }
        List<ConditionTrace> held = new ArrayList<>();
        if (s.condition().isPresent()) {
            Condition condition = s.condition().get();
            for (ConditionBlock block : condition.blocks()) {
                if (!block.operator().known()) {
                    return new StatementTrace(index, s.sid(), effect, StatementTrace.Outcome.ERROR,
                            "unknown condition operator \"" + block.operator().text() + "\"; gtvpc does not guess what it means",
                            held);
                }
                for (ConditionEntry entry : block.entries()) {
                    ConditionTrace t = ConditionEvaluator.evaluate(block.operator(), entry, request.context(), variables);
                    if (!t.result()) {
                        return new StatementTrace(index, s.sid(), effect, StatementTrace.Outcome.DOES_NOT_APPLY,
                                "condition " + t.operator() + " " + t.key() + " is false", List.of(t));
                    }
                    held.add(t);
                }
            }
        }
        return new StatementTrace(index, s.sid(), effect, StatementTrace.Outcome.APPLIES,
                held.isEmpty() ? "principal, action and resource match; no condition" : "every condition holds", held);
    }

    private static StatementTrace notApplying(int index, Statement s, Effect effect, String reason) {
        return new StatementTrace(index, s.sid(), effect, StatementTrace.Outcome.DOES_NOT_APPLY, reason, List.of());
    }
}
