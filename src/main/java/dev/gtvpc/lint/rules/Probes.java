package dev.gtvpc.lint.rules;

import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.Witnesses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests the rules that ask the evaluator put to a policy, every one a member of the policy's
 * request space ({@link LintContext#space()}), so that lint and verify agree on who is outside: who (an
 * administrator of the bucket's account, a principal of an account the policy does not name, an
 * anonymous caller), from where (the internet at an address the policy does not name, or through an
 * endpoint and VPC it does not name), over TLS, as every AWS SDK sends them. A policy is then judged by
 * what it decides, not by its shape.
 */
public final class Probes {
    private Probes() {
    }

    /** The internet, and an endpoint and VPC the policy does not name: where people work normally. */
    public static List<Origin> normalOrigins(LintContext c) {
        return List.of(c.space().normalInternet(), normalEndpoint(c));
    }

    public static Origin normalEndpoint(LintContext c) {
        return c.space().normalThrough(Witnesses.FRESH_VPCE, Witnesses.FRESH_VPC);
    }

    /** The user's VPC (--vpc), through an endpoint the policy does not name. */
    public static Origin ownVpc(LintContext c, String vpc) {
        return c.space().normalThrough(Witnesses.FRESH_VPCE, vpc);
    }

    /** The user's endpoint (--vpce), from a VPC the policy does not name. */
    public static Origin ownEndpoint(LintContext c, String vpce) {
        return c.space().normalThrough(vpce, Witnesses.FRESH_VPC);
    }

    /** An administrator of the bucket's account whom the policy does not name. */
    public static Caller administrator(LintContext c) {
        return c.space().principalOf(account(c));
    }

    /** A principal of an account the policy does not name: he only needs to allow himself in his own account. */
    public static Caller stranger(LintContext c) {
        return c.space().outsider();
    }

    public static Caller anonymous(LintContext c) {
        return c.space().anonymous();
    }

    /** {@code who} asking for {@code action} on {@code resource} from {@code origin} over TLS, with {@code keys} besides. */
    public static Request request(LintContext c, Origin origin, Caller who, String action, String resource, Map<String, List<String>> keys) {
        Map<String, List<String>> extra = new LinkedHashMap<>(c.space().overTls());
        extra.putAll(keys);
        return c.space().request(action, resource, origin, who, extra);
    }

    public static String partition(LintContext c) {
        return c.space().perimeter().partition();
    }

    /** The bucket's account, as far as the policy shows it (its principals or ARNs); a stand-in otherwise. */
    public static String account(LintContext c) {
        return c.space().perimeter().bucketAccount();
    }

    public static EvaluationResult evaluate(LintContext c, Request r) {
        return Evaluator.evaluate(c.policy(), r);
    }
}
