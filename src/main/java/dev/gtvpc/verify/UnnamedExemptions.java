package dev.gtvpc.verify;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Unknowns;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why outside-denied is refuted when the refutation is someone the policy itself lets in: a policy
 * {@code generate} wrote with {@code --role-arn}, verified without it, exempts that role, and the role is
 * "outside" only because the user did not name it. When the counterexample carries a role, endpoint or
 * VPC the policy names literally and the user did not, the result says so and which options name them;
 * whether they are the user's is his to say.
 */
final class UnnamedExemptions {
    private UnnamedExemptions() {
    }

    static PropertyResult explain(PropertyResult outside, PolicyScan scan, VerifyInputs in) {
        if (outside.status() != PropertyResult.Status.REFUTED || outside.counterexample().isEmpty() || outside.reason().isPresent()) {
            return outside;
        }
        ContextKeys context = outside.counterexample().get().request().context();
        List<String> named = new ArrayList<>();
        List<String> options = new ArrayList<>();
        exempted(scan, context, "aws:PrincipalArn", in.roleArns()).ifPresent(v -> add(named, options, "role " + v, "--role-arn " + v));
        exempted(scan, context, "aws:SourceVpce", in.vpces()).ifPresent(v -> add(named, options, "endpoint " + v, "--vpce " + v));
        exempted(scan, context, "aws:SourceVpc", in.vpcs()).or(() -> exemptedByArn(scan, context, in.vpcs()))
                .ifPresent(v -> add(named, options, "VPC " + v, "--vpc " + v));
        if (named.isEmpty()) {
            return outside;
        }
        return new PropertyResult(outside.property(), outside.subject(), outside.status(), outside.requests(), outside.counterexample(),
                Optional.of("the policy lets in " + String.join(" and ", named) + ", which you did not name, so it counts as outside;"
                        + " if " + (named.size() == 1 ? "it is" : "they are") + " yours, name " + (named.size() == 1 ? "it" : "them") + ": "
                        + String.join(" ", options)));
    }

    private static void add(List<String> named, List<String> options, String what, String option) {
        named.add(what);
        options.add(option);
    }

    /**
     * The ID of the counterexample's VPC when the policy names it by ARN (aws:SourceVpcArn, its account often
     * {@code *}) and the user named it neither by ID nor by ARN.
     */
    private static Optional<String> exemptedByArn(PolicyScan scan, ContextKeys context, List<String> given) {
        return context.get("aws:SourceVpcArn").flatMap(e -> e.values().stream().findFirst())
                .filter(arn -> !Unknowns.in(arn) && arn.contains(":vpc/")
                        && scan.values("aws:SourceVpcArn").stream().filter(l -> !l.contains("${")).anyMatch(l -> Wildcards.matches(l, arn)))
                .filter(arn -> given.stream().noneMatch(arn::equalsIgnoreCase))
                .map(arn -> arn.substring(arn.indexOf(":vpc/") + ":vpc/".length()))
                .filter(id -> given.stream().noneMatch(id::equalsIgnoreCase));
    }

    /**
     * The counterexample's value of {@code key}, when the policy names it literally and the user's options do not.
     * A value a template does not determine is not named: no option could name it, and the verdict's assumptions
     * already ask for the parameter it comes from.
     */
    private static Optional<String> exempted(PolicyScan scan, ContextKeys context, String key, List<String> given) {
        return context.get(key).flatMap(e -> e.values().stream().findFirst())
                .filter(v -> !Unknowns.in(v) && scan.literals(key).contains(v) && given.stream().noneMatch(v::equalsIgnoreCase));
    }
}
