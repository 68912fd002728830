package dev.gtvpc.verify;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.layers.Deciding;
import dev.gtvpc.layers.Layer;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.space.ActionClass;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.RequestSpace;
import dev.gtvpc.space.Witnesses;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/** The properties of one policy, each as the classes of the space it is about and what it asks of their decisions. */
final class Properties {
    private final Policy policy;
    private final VerifyInputs in;
    private final RequestSpace space;
    private final Checker checker;
    private final Layers layers;

    Properties(Policy policy, VerifyInputs in, RequestSpace space) {
        this(policy, "the bucket policy", Layers.NONE, in, space);
    }

    /** The properties over every layer of {@code layers}, the bucket policy read from {@code source}. */
    Properties(Policy policy, String source, Layers layers, VerifyInputs in, RequestSpace space) {
        this.policy = policy;
        this.in = in;
        this.space = space;
        this.checker = new Checker(Decider.of(policy, source, layers, space), space, layers.layered());
        this.layers = layers;
    }

    RequestSpace space() {
        return space;
    }

    /** Ground Truth's (or another service's) endpoint, from a VPC that is not the user's, as any principal of the bucket's account. */
    PropertyResult trustedEndpointCanAccess(VerifyInputs.TrustedEndpoint t) {
        List<ActionClass> actions = t.actions().stream().map(space::actionClass).toList();
        PropertyResult r = checker.check(t.property(), t.label(), space.endpointOrigins(t.endpoint(), Witnesses.FRESH_VPC),
                memberPrincipals(), actions, v -> !v.blocked(), overTls(), true);
        Optional<Deciding> guardrail = r.counterexample().stream().flatMap(c -> c.deciding().stream())
                .filter(d -> d.layer() == Layer.RCP).findFirst();
        if (r.status() != PropertyResult.Status.REFUTED || guardrail.isEmpty()) {
            return r;
        }
        // an AWS account owns the service's endpoint, and AWS does not publish which: its aws:VpceAccount and
        // aws:VpceOrgID cannot be named, its endpoint ID can (layers/OPEN-QUESTIONS.md Q1)
        return new PropertyResult(r.property(), r.subject(), r.status(), r.requests(), r.counterexample(), Optional.of("the exception"
                + " that can let it in: " + t.endpoint() + " as aws:SourceVpce in the StringNotEqualsIfExists block of "
                + guardrail.get().label() + " (an AWS account owns the endpoint and AWS does not publish which, so an aws:VpceAccount or"
                + " aws:VpceOrgID exception cannot be written for it); verify again with it to prove it"));
    }

    PropertyResult canAccess(String property, String subject, List<Origin> origins, List<Caller> callers, List<ActionClass> actions) {
        return canAccess(property, subject, origins, callers, actions, 0);
    }

    /** As above, the first {@code decided} requests taken as decided already (by their class: {@link #shared}). */
    PropertyResult canAccess(String property, String subject, List<Origin> origins, List<Caller> callers, List<ActionClass> actions,
            long decided) {
        return checker.check(property, subject, origins, callers, actions, v -> !v.blocked(), overTls(), true, decided);
    }

    /** Every origin and caller outside the perimeter is explicitly denied each protected action, whatever else the request says. */
    PropertyResult outsideDenied(List<ActionClass> actions) {
        return checker.check("outside-denied", "every other origin and principal", space.outsideOrigins(), space.outsideCallers(),
                actions, Verdict::denied, space.otherContexts(), false);
    }

    /** {@code arn} keeps the policy actions from anywhere; a policy silent on them keeps it in: that is the point, not vacuous. */
    PropertyResult keepsPolicyActions(String property, String subject, List<Origin> origins, List<Caller> callers) {
        return checker.check(property, subject, origins, callers, Verifier.POLICY_ACTIONS.stream().map(space::actionClass).toList(),
                v -> !v.blocked(), overTls(), false);
    }

    /**
     * The other contexts a legitimate caller's request can have: over TLS. A Deny on insecure transport
     * is good practice, not a lock-out, so the access properties assume aws:SecureTransport true, as
     * every AWS SDK and Ground Truth itself send it.
     */
    private List<Map<String, List<String>>> overTls() {
        return space.otherContexts().stream().filter(c -> c.entrySet().stream().noneMatch(e ->
                e.getKey().equalsIgnoreCase("aws:SecureTransport") && !e.getValue().equals(List.of("true")))).toList();
    }

    /**
     * The result for {@code subject}: proved when its class's representative was (the class's first
     * member, checked once); otherwise checked on its own, so a counterexample names the subject.
     *
     * <p>A refuted (or undecided) representative's class is refuted too, and the subject's own check is started at
     * the representative's counterexample instead of at the first request. Why that decides every request it
     * skips: the subject and the representative have one signature (every policy of every layer compares them
     * alike, and the class key holds what else tells endpoints apart: the endpoint policy given for one), the
     * space gives both the same origins in the same order, and every other dimension of the product is the
     * same list; so the subject's i-th request is the representative's with the one value exchanged, and every
     * layer decides the two alike. The representative's requests before its counterexample passed, so the
     * subject's do. The subject's own counterexample is then evaluated, not assumed: should it not fail alike
     * (it cannot, by the argument above), the subject is checked in full from its first request.
     */
    PropertyResult shared(Map<String, PropertyResult> decidedByClass, String classKey, String subject,
            BiFunction<String, Long, PropertyResult> check) {
        PropertyResult first = space.usesPolicyVariables() ? null : decidedByClass.get(classKey);
        if (first == null) {
            PropertyResult own = check.apply(subject, 0L);
            if (!space.usesPolicyVariables()) {
                decidedByClass.put(classKey, own);
            }
            return own;
        }
        if (first.status() != PropertyResult.Status.PROVED) {
            PropertyResult own = first.counterexample().isPresent() ? check.apply(subject, first.requests() - 1) : null;
            return own != null && own.status() == first.status() && own.counterexample().isPresent() ? own : check.apply(subject, 0L);
        }
        return new PropertyResult(first.property(), subject + " (as " + first.subject() + ", same class)", first.status(), 0,
                Optional.empty());
    }

    /**
     * --actions, or every action class the bucket policy's Deny statements cover; with no Deny, what the
     * other layers' Deny statements cover (a bucket without a policy, protected by its RCP); else what the
     * bucket policy's Allow statements cover.
     */
    List<ActionClass> protectedActions() {
        if (!in.actions().isEmpty()) {
            return in.actions().stream().map(space::actionClass).toList();
        }
        List<Policy> bucket = layers.bucketPolicy() ? List.of(policy) : List.of();
        List<ActionClass> denied = covered(bucket, Effect.DENY);
        if (denied.isEmpty()) {
            denied = covered(layers.policies(), Effect.DENY);
        }
        return denied.isEmpty() ? covered(bucket, Effect.ALLOW) : denied;
    }

    private List<ActionClass> covered(List<Policy> policies, Effect effect) {
        Set<ActionClass> covered = new LinkedHashSet<>();
        for (Statement s : policies.stream().flatMap(p -> p.statements().stream()).toList()) {
            if (s.effect().filter(effect::equals).isEmpty() || s.action().isEmpty()) {
                continue;
            }
            ActionBlock a = s.action().get();
            for (ActionClass c : space.actions()) {
                boolean named = a.actions().items().stream().anyMatch(p -> Wildcards.matchesIgnoreCase(p, c.action()));
                if (named != a.negated() && !Witnesses.unlisted(c.action())) {
                    covered.add(c);
                }
            }
        }
        return List.copyOf(covered);
    }

    /** Every signed IAM principal of the bucket's account the space holds, calling S3 itself (Ground Truth's execution role is one). */
    List<Caller> memberPrincipals() {
        return space.callers().stream().filter(c -> !c.anonymous() && c.kind() == Caller.Kind.PRINCIPAL
                && c.principal().account().filter(in.bucketAccount()::equals).isPresent()
                && (in.orgId().isEmpty() || c.member())).toList();
    }

    /** The IAM principals of {@code account} the space holds, calling S3 themselves. */
    List<Caller> principalsOf(String account) {
        return space.callers().stream().filter(c -> c.kind() == Caller.Kind.PRINCIPAL && !c.anonymous()
                && c.principal().account().filter(account::equals).isPresent()).toList();
    }

    List<Caller> callersOf(String arn) {
        return space.callers().stream().filter(c -> c.kind() == Caller.Kind.PRINCIPAL && c.principalArn().filter(arn::equals).isPresent())
                .toList();
    }
}
