package dev.gtvpc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of Principal, NotPrincipal and the Action grammar over random principals and policies
 * (account-principals.json, notprincipal-allow.json, action-grammar.json hold the documented cases).
 */
class PrincipalProperties {
    private static final List<String> ACCOUNTS = List.of("111122223333", "444455556666");

    /** An Allow that names only accounts never grants a principal of the bucket's own account (it delegates). */
    @Property(tries = 300)
    void anAccountPrincipalNeverGrantsWithinTheBucketsAccount(@ForAll("principals") String principal,
            @ForAll("accountSpellings") List<String> named) {
        Policy p = policy("Allow", "Principal", named, "s3:GetObject");
        Request r = request(principal, "111122223333");
        Optional<Decision> d = Evaluator.evaluate(p, r).decision();
        boolean rootOfNamedAccount = principal.endsWith(":root") && named.stream().anyMatch(principal::contains);
        if (r.principal().account().filter("111122223333"::equals).isPresent() && !rootOfNamedAccount) {
            assertThat(d).contains(Decision.NOT_DENIED);
        }
    }

    /** NotPrincipal with Allow never grants a principal one of whose identities (session, role, account) it names. */
    @Property(tries = 300)
    void allowWithNotPrincipalNeverGrantsWhomItNames(@ForAll("principals") String principal, @ForAll("names") List<String> named) {
        Policy p = policy("Allow", "NotPrincipal", named, "s3:GetObject");
        Request r = request(principal, "111122223333");
        RequestPrincipal who = r.principal();
        boolean namesAnIdentity = who.identities().stream().anyMatch(id -> named.contains(id.id())
                || id.kind() == RequestPrincipal.Kind.ROOT && id.account().map(named::contains).orElse(false));
        Decision d = Evaluator.evaluate(p, r).decision().orElseThrow();
        assertThat(d).isEqualTo(namesAnIdentity ? Decision.NOT_DENIED : Decision.ALLOW);
    }

    /** An action with a wildcard in its service namespace makes a policy S3 refuses: never a decision. */
    @Property(tries = 200)
    void aWildcardInTheServiceNamespaceGivesNoDecision(@ForAll("badNamespaces") String namespace, @ForAll("principals") String principal,
            @ForAll boolean deny) {
        Policy p = policy(deny ? "Deny" : "Allow", "Principal", List.of("*"), namespace + ":GetObject");
        EvaluationResult result = Evaluator.evaluate(p, request(principal, "111122223333"));
        assertThat(result.decision()).isEmpty();
        assertThat(result.errors()).anySatisfy(e -> assertThat(e).contains("wildcard in its service namespace"));
    }

    @Provide
    Arbitrary<String> principals() {
        Arbitrary<String> account = Arbitraries.of(ACCOUNTS);
        return Arbitraries.oneOf(
                account.map(a -> "arn:aws:iam::" + a + ":role/r" ),
                account.map(a -> "arn:aws:sts::" + a + ":assumed-role/r/s"),
                account.map(a -> "arn:aws:iam::" + a + ":user/u"),
                account.map(a -> "arn:aws:iam::" + a + ":root"),
                account.map(a -> "arn:aws:sts::" + a + ":federated-user/f"),
                Arbitraries.of("anonymous", "cloudtrail.amazonaws.com"));
    }

    @Provide
    Arbitrary<List<String>> accountSpellings() {
        return Arbitraries.of(ACCOUNTS).flatMap(a -> Arbitraries.of(a, "arn:aws:iam::" + a + ":root")).list().ofMinSize(1).ofMaxSize(2);
    }

    @Provide
    Arbitrary<List<String>> names() {
        Arbitrary<String> account = Arbitraries.of(ACCOUNTS);
        return Arbitraries.oneOf(account, account.map(a -> "arn:aws:iam::" + a + ":role/r"),
                account.map(a -> "arn:aws:sts::" + a + ":assumed-role/r/s"), account.map(a -> "arn:aws:iam::" + a + ":user/u"))
                .list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    }

    /** The grammar checked by hand (start-up) says what the regular expression of the grammar says, on any text. */
    @Property(tries = 1000)
    void theActionGrammarIsTheRegularExpression(@ForAll("actionTexts") String action) {
        assertThat(ActionGrammar.valid(action)).isEqualTo(action.equals("*") || action.matches("[A-Za-z0-9-]+:[^:]+"));
    }

    @Provide
    Arbitrary<String> actionTexts() {
        return Arbitraries.strings().withChars("sS3z09-:*?_/ \n\u00e9").ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> badNamespaces() {
        return Combinators.combine(Arbitraries.strings().withChars("s3x-").ofMaxLength(3), Arbitraries.of("*", "?"),
                Arbitraries.strings().withChars("s3x-").ofMaxLength(3)).as((a, w, b) -> a + w + b);
    }

    private static Request request(String principal, String bucketAccount) {
        return new Request("s3:GetObject", "arn:aws:s3:::b/k", RequestPrincipal.parse(principal), Optional.of(bucketAccount),
                ContextKeys.of(Map.of())).withPrincipalKeys();
    }

    private static Policy policy(String effect, String element, List<String> aws, String action) {
        String principal = aws.equals(List.of("*")) ? "\"*\"" : "{\"AWS\":[" + String.join(",", aws.stream().map(a -> "\"" + a + "\"").toList()) + "]}";
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"" + effect + "\",\"" + element + "\":"
                + principal + ",\"Action\":\"" + action + "\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
        return PolicyReader.parse(json).parsed().orElseThrow().policy();
    }
}
