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
        return evaluate(policy, request, PolicyGrammar.RESOURCE);
    }

    /** As a policy of {@code grammar}'s kind decides: who a statement is about depends on what it is attached to. */
    public static EvaluationResult evaluate(Policy policy, Request request, PolicyGrammar grammar) {
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
            Optional<String> refused = refused(s, grammar);
            if (refused.isPresent()) {
                invalidPolicy = true;
                errors.add("statement " + s.label(i) + " " + refused.get());
                traces.add(new StatementTrace(i, s.sid(), s.effect().orElse(Effect.DENY), StatementTrace.Outcome.ERROR,
                        refused.get(), List.of()));
                continue;
            }
            StatementTrace trace = evaluate(i, s, request, variables, grammar);
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
                case DOES_NOT_APPLY, DELEGATES -> {
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

    /** Why AWS would refuse a policy holding this statement: a required element missing or refused, or an action that is not one. */
    private static Optional<String> refused(Statement s, PolicyGrammar grammar) {
        if (grammar == PolicyGrammar.PRINCIPAL_ATTACHED && s.principal().isPresent()) {
            return Optional.of("has a " + s.principal().get().elementName() + "; IAM refuses one in identity and service control"
                    + " policies (MalformedPolicyDocument: Has prohibited field Principal)");
        }
        String service = grammar == PolicyGrammar.RESOURCE ? "S3" : "AWS";
        return missingElement(s, grammar).map(m -> "has no " + m + "; " + service + " refuses such a policy (MalformedPolicy: Missing required field "
                + m + ")").or(() -> ActionGrammar.invalid(s));
    }

    private static Optional<String> missingElement(Statement s, PolicyGrammar grammar) {
        if (s.effect().isEmpty()) {
            return Optional.of("Effect");
        }
        if (s.principal().isEmpty() && grammar != PolicyGrammar.PRINCIPAL_ATTACHED) {
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

    private static StatementTrace evaluate(int index, Statement s, Request request, boolean variables, PolicyGrammar grammar) {
        Effect effect = s.effect().orElseThrow();
        PrincipalMatcher.Match principal = grammar == PolicyGrammar.PRINCIPAL_ATTACHED ? PrincipalMatcher.Match.DIRECT
                : PrincipalMatcher.match(s.principal().orElseThrow(), request.principal(), effect == Effect.DENY);
        if (principal == PrincipalMatcher.Match.ACCOUNT && grammar == PolicyGrammar.ENDPOINT) {
            return notApplying(index, s, effect, s.principal().get().elementName() + " names account "
                    + request.principal().account().orElse("") + ", which in an endpoint policy covers its root user only, not "
                    + request.principal().id());
        }
        if (principal == PrincipalMatcher.Match.NONE) {
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
        String matched = held.isEmpty() ? "principal, action and resource match; no condition" : "every condition holds";
        if (principal == PrincipalMatcher.Match.ACCOUNT && effect == Effect.ALLOW) {
            return accountGrant(index, s, request, held, matched);
        }
        return new StatementTrace(index, s.sid(), effect, StatementTrace.Outcome.APPLIES, matched, held);
    }

    /**
     * An Allow that covers the caller only by naming its account. Within the bucket's account this
     * delegates: "When you specify an AWS account … you delegate permissions to the account", whose
     * identity policies then decide; only a policy naming the user, role or session grants directly.
     * For a caller of another account it is that account's half of cross-account access
     * (reference_policies_elements_principal.html, "AWS account principals";
     * reference_policies_evaluation-logic-cross-account.html). Without the bucket's account the two
     * cannot be told apart, and gtvpc says so instead of guessing.
     */
    private static StatementTrace accountGrant(int index, Statement s, Request request, List<ConditionTrace> held, String matched) {
        String account = request.principal().account().orElseThrow();
        if (request.bucketAccount().isEmpty()) {
            return new StatementTrace(index, s.sid(), Effect.ALLOW, StatementTrace.Outcome.ERROR,
                    "Principal names account " + account + ", which delegates to that account: within the bucket's own account"
                            + " this grants nothing by itself, from another account it is that account's half of cross-account"
                            + " access; give the bucket's account to decide", held);
        }
        if (request.bucketAccount().get().equals(account)) {
            return new StatementTrace(index, s.sid(), Effect.ALLOW, StatementTrace.Outcome.DELEGATES, matched
                    + ", but Principal names only account " + account + ", the bucket's own: that delegates to the account,"
                    + " whose identity policies decide (only a policy naming the user, role or session grants directly)", held);
        }
        return new StatementTrace(index, s.sid(), Effect.ALLOW, StatementTrace.Outcome.APPLIES, matched
                + "; Principal names account " + account + ": this is the bucket's half of cross-account access, and "
                + account + "'s identity policies must also allow the request", held);
    }

    private static StatementTrace notApplying(int index, Statement s, Effect effect, String reason) {
        return new StatementTrace(index, s.sid(), effect, StatementTrace.Outcome.DOES_NOT_APPLY, reason, List.of());
    }
}
