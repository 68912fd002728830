package dev.gtvpc.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Unknowns;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The three-valued verdict over unknowns agrees with every concrete value put in their place: a
 * property PROVED for every value is proved with it, one REFUTED for every value is refuted with it,
 * and one that DEPENDS is proved exactly when the value is in a class the verdict says it holds for.
 * Policies are perimeter-shaped, with unknown endpoints, roles and bucket names where templates put
 * them; concrete values are the inputs, the policy's own literals and values nobody names.
 */
class OverUnknownsProperties {
    private static final String VPCE = Unknowns.token("Ref LabelingVpce");
    private static final String ROLE = Unknowns.token("Fn::ImportValue LabelersRoleArn");
    private static final String BUCKET = Unknowns.token("Ref LabelsBucket");
    private static final String MY_VPCE = "vpce-1a2b3c4d";
    private static final String GT = "vpce-08408e335ebf95b40";
    private static final String ADMIN = "arn:aws:iam::111122223333:role/Admin";

    @Property(tries = 60)
    void aConcreteValueGetsTheVerdictOfItsClass(@ForAll("policies") String json, @ForAll("vpces") String vpce,
            @ForAll("roles") String role, @ForAll("buckets") String bucket) {
        // a value must be well formed wherever it is written: an account ID is a Principal but no ARN, and
        // under an Arn operator it is malformed (lint reports it), a value the classes do not claim to cover
        Assume.that(role.startsWith("arn:") || !json.contains("\"aws:PrincipalArn\":[\"" + ROLE) && !json.contains(",\"" + ROLE + "\"]"));
        Policy policy = PolicyReader.read(json, "generated.json").policy();
        VerifyInputs in = inputs();
        VerificationReport three = OverUnknowns.verify(policy, in, Optional.empty(), false);
        Map<String, String> concrete = new LinkedHashMap<>();
        concrete.put("Ref LabelingVpce", vpce);
        concrete.put("Fn::ImportValue LabelersRoleArn", role);
        concrete.put("Ref LabelsBucket", bucket);
        VerificationReport one = Verifier.verify(Unknowns.substitute(policy, concrete), in, Optional.empty());
        assertThat(one.results()).hasSameSizeAs(three.results());
        for (int i = 0; i < three.results().size(); i++) {
            PropertyResult r = three.results().get(i);
            PropertyResult c = one.results().get(i);
            Statistics.collect(r.status());
            if (r.overUnknowns().isEmpty()) {
                assertThat(c.status()).as("%s with no unknown", r.property()).isEqualTo(r.status());
                continue;
            }
            OverUnknowns.Outcomes o = r.overUnknowns().get();
            Assume.that(o.allCombinations()); // beyond MAX_CASES a concrete combination may not have been tried: nothing is claimed of it
            OverUnknowns.Case mine = o.cases().stream().filter(k -> k.choices().stream().allMatch(ch -> inClass(ch, o, concrete)))
                    .findFirst().orElseThrow();
            String what = r.property() + " " + r.subject() + " with " + concrete + " in " + mine.choices() + ": " + r.reason().orElse("");
            assertThat(c.status()).as(what).isEqualTo(mine.status());
            switch (r.status()) {
                case PROVED -> assertThat(c.status()).as(what).isEqualTo(PropertyResult.Status.PROVED);
                case REFUTED -> assertThat(c.status()).as(what).isEqualTo(PropertyResult.Status.REFUTED);
                case DEPENDS -> assertThat(o.condition()).as(what).isPresent();
                default -> {
                }
            }
        }
    }

    /**
     * Whether the concrete value of {@code ch}'s unknown is in its class: equal to its value; for "a
     * principal nobody names of account A", a role of A no other class names; for "any other value",
     * in no other class.
     */
    private static boolean inClass(OverUnknowns.Choice ch, OverUnknowns.Outcomes o, Map<String, String> concrete) {
        String value = concrete.get(ch.unknown());
        List<OverUnknowns.Choice> all = o.cases().stream().flatMap(k -> k.choices().stream()).filter(k -> k.unknown().equals(ch.unknown()))
                .distinct().toList();
        boolean named = all.stream().anyMatch(k -> k.value().filter(value::equals).isPresent() && !unnamedRole(k));
        if (ch.value().isPresent() && !unnamedRole(ch)) {
            return ch.value().get().equals(value);
        }
        if (named) {
            return false;
        }
        Optional<OverUnknowns.Choice> byAccount = all.stream().filter(OverUnknownsProperties::unnamedRole)
                .filter(k -> value.startsWith(k.value().get().substring(0, k.value().get().indexOf(":role/") + 6))).findFirst();
        return unnamedRole(ch) ? byAccount.filter(ch::equals).isPresent() : byAccount.isEmpty();
    }

    private static boolean unnamedRole(OverUnknowns.Choice ch) {
        return ch.value().filter(v -> v.endsWith(":role/gtvpc-unknown")).isPresent();
    }

    private static VerifyInputs inputs() {
        return VerifyInputs.of("us-east-1", "aws", "amzn-s3-demo-bucket", "111122223333")
                .withServiceEndpoints(List.of(new VerifyInputs.TrustedEndpoint("gt-can-access", "Ground Truth", GT, GT,
                        List.of("s3:GetObject", "s3:PutObject"))))
                .withNetwork(List.of("vpc-1a2b3c4d"), List.of(MY_VPCE), List.of())
                .withPrincipals(List.of(ADMIN), Optional.empty())
                .withActions(List.of("s3:GetObject", "s3:ListBucket"));
    }

    @Provide
    Arbitrary<String> vpces() {
        return Arbitraries.oneOf(Arbitraries.of(MY_VPCE, GT, "vpce-99999999"),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(8).map(h -> "vpce-" + h));
    }

    @Provide
    Arbitrary<String> roles() {
        return Arbitraries.oneOf(Arbitraries.of(ADMIN, "111122223333", "arn:aws:iam::444455556666:role/Partner"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(n -> "arn:aws:iam::111122223333:role/" + n));
    }

    @Provide
    Arbitrary<String> buckets() {
        return Arbitraries.oneOf(Arbitraries.of("amzn-s3-demo-bucket", "other-bucket"),
                Arbitraries.strings().withChars("abcdefghij").ofMinLength(3).ofMaxLength(10));
    }

    @Provide
    Arbitrary<String> policies() {
        Arbitrary<String> vpceValues = Arbitraries.of(MY_VPCE, GT, "vpce-99999999", VPCE).list().ofMinSize(1).ofMaxSize(3).uniqueElements()
                .map(OverUnknownsProperties::array);
        Arbitrary<String> roleValues = Arbitraries.of(ADMIN, ROLE).list().ofMinSize(1).ofMaxSize(2).uniqueElements()
                .map(OverUnknownsProperties::array);
        Arbitrary<String> condition = Combinators.combine(Arbitraries.of("StringNotEquals", "StringEquals", "StringNotEqualsIfExists"),
                vpceValues, Arbitraries.of(true, false), roleValues).as((op, vs, withRole, rs) -> "{\"" + op
                        + "\":{\"aws:SourceVpce\":" + vs + "}" + (withRole ? ",\"ArnNotEqualsIfExists\":{\"aws:PrincipalArn\":" + rs + "}" : "")
                        + "}");
        Arbitrary<String> principal = Arbitraries.of("\"*\"", "{\"AWS\":\"" + ROLE + "\"}", "{\"AWS\":\"111122223333\"}");
        Arbitrary<String> resource = Arbitraries.of("[\"arn:aws:s3:::amzn-s3-demo-bucket\",\"arn:aws:s3:::amzn-s3-demo-bucket/*\"]",
                "[\"arn:aws:s3:::" + BUCKET + "\",\"arn:aws:s3:::" + BUCKET + "/*\"]");
        Arbitrary<String> statement = Combinators.combine(Arbitraries.of("Deny", "Deny", "Allow"), principal,
                Arbitraries.of("s3:*", "s3:GetObject"), resource, condition).as((e, p, a, r, c) -> "{\"Effect\":\"" + e + "\",\"Principal\":"
                        + p + ",\"Action\":\"" + a + "\",\"Resource\":" + r + ",\"Condition\":" + c + "}");
        return statement.list().ofMinSize(1).ofMaxSize(2).map(ss -> "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", ss) + "]}");
    }

    private static String array(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add("\"" + v + "\""));
        return "[" + String.join(",", quoted) + "]";
    }
}
