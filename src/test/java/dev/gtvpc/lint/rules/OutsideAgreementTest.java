package dev.gtvpc.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.input.PolicySource;
import dev.gtvpc.input.PolicyTarget;
import dev.gtvpc.lint.LintContext;
import dev.gtvpc.lint.LintContexts;
import dev.gtvpc.lint.LintOptions;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.ParsedPolicy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.space.Caller;
import dev.gtvpc.space.Origin;
import dev.gtvpc.space.Perimeter;
import dev.gtvpc.space.RequestSpace;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.verify.PropertyResult;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lint and verify give the same answer on "is this request outside", for every policy of the corpus
 * (src/test/resources/corpus, plans and templates included). For each policy, lint's context is made
 * as the linter makes it, with a VPC and an endpoint of the user's; verify's space is made as
 * {@code policy verify} makes it, over the same perimeter (the bucket, account and network lint sees).
 * Then:
 * <ul>
 * <li>every request lint's rules treat as outside — from where people work normally (the internet at an
 *     address the policy does not name, an endpoint and VPC it does not name) by an administrator of the
 *     bucket's account, a stranger or anonymous — has an origin and a caller that verify's
 *     {@code outside-denied} enumerates, is the very request verify builds for them, and so gets the same
 *     decision; and when lint finds one of them not explicitly denied, {@code outside-denied} is not PROVED;</li>
 * <li>no request lint treats as the user's own network (own-network-denied's: the VPC through an endpoint
 *     the policy does not name, the endpoint from a VPC it does not name) is one {@code outside-denied} checks.</li>
 * </ul>
 * Origins and callers are compared as records (every key and value), so lint given witnesses of its own
 * — another fresh endpoint ID, another stranger's account — fails here, as
 * {@link #aRequestWithWitnessesOfItsOwnIsNotOneVerifyChecks()} shows.
 */
class OutsideAgreementTest {
    private static final String VPC = "vpc-0a1b2c3d4e5f60718";
    private static final String VPCE = "vpce-0a1b2c3d4e5f60718";
    private static final List<String> ACTIONS = List.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy",
            "s3:GetObject", "s3:PutObject", "s3:ListBucket");
    private static final LintOptions OPTIONS = new LintOptions(Optional.of("us-east-1"), Optional.empty(), List.of(VPC), List.of(VPCE),
            Set.of());

    @TestFactory
    Stream<DynamicTest> lintAndVerifyAgreeOnWhoIsOutside() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, ParsedPolicy> p : corpus()) {
            tests.add(DynamicTest.dynamicTest(p.getKey(), () -> agree(p.getValue())));
        }
        assertThat(tests).as("corpus policies").hasSizeGreaterThan(150);
        return tests.stream();
    }

    private static void agree(ParsedPolicy parsed) {
        Policy policy = parsed.policy();
        LintContext c = LintContexts.of(parsed, OPTIONS);
        VerifyInputs in = verifyInputs(c.space().perimeter());
        RequestSpace verify = RequestSpace.of(List.of(policy), in, S3ActionCatalog.bundled());
        List<Origin> outsideOrigins = verify.outsideOrigins();
        List<Caller> outsideCallers = verify.outsideCallers();
        Map<String, List<String>> overTls = verify.otherContexts().stream().filter(x -> x.equals(c.space().overTls())).findFirst()
                .orElseThrow(() -> new AssertionError("verify tries no request whose only other key is aws:SecureTransport true"));
        boolean someoneOutsideGetsIn = false;
        for (Origin origin : Probes.normalOrigins(c)) {
            assertThat(outsideOrigins).as("verify's outside origins hold lint's %s", origin).contains(origin);
            for (Caller who : List.of(Probes.administrator(c), Probes.stranger(c), Probes.anonymous(c))) {
                assertThat(outsideCallers).as("verify's outside callers hold lint's %s", who.label()).contains(who);
                for (String action : ACTIONS) {
                    String resource = c.space().resourceOf(action);
                    assertThat(verify.resources(verify.actionClass(action))).contains(resource);
                    Request asked = Probes.request(c, origin, who, action, resource, Map.of());
                    Request checked = verify.request(action, resource, outsideOrigins.get(outsideOrigins.indexOf(origin)),
                            outsideCallers.get(outsideCallers.indexOf(who)), overTls);
                    assertThat(asked).isEqualTo(checked);
                    Optional<Decision> decided = Evaluator.evaluate(policy, asked).decision();
                    assertThat(decided).isEqualTo(Evaluator.evaluate(policy, checked).decision());
                    someoneOutsideGetsIn |= !decided.equals(Optional.of(Decision.EXPLICIT_DENY));
                }
            }
        }
        if (someoneOutsideGetsIn) {
            PropertyResult outsideDenied = Verifier.verify(policy, in, Optional.empty()).results().stream()
                    .filter(r -> r.property().equals("outside-denied")).findFirst().orElseThrow();
            assertThat(outsideDenied.status()).as("outside-denied, when lint finds an outsider not denied")
                    .isNotEqualTo(PropertyResult.Status.PROVED);
        }
        for (Origin own : List.of(Probes.ownVpc(c, VPC), Probes.ownEndpoint(c, VPCE))) {
            assertThat(outsideOrigins).as("verify's outside origins leave out lint's %s", own).doesNotContain(own);
        }
        assertThat(Probes.ownVpc(c, VPC).vpc()).contains(VPC);
        assertThat(Probes.ownEndpoint(c, VPCE).vpce()).contains(VPCE);
    }

    /** What {@code policy verify} is given for the perimeter lint sees: its bucket, account and network; the actions lint asks about. */
    private static VerifyInputs verifyInputs(Perimeter shown) {
        return VerifyInputs.of(shown.region(), shown.partition(), shown.bucket(), shown.bucketAccount())
                .withNetwork(shown.vpcs(), shown.vpces(), List.of())
                .withActions(ACTIONS);
    }

    @Test
    void aRequestWithWitnessesOfItsOwnIsNotOneVerifyChecks() {
        ParsedPolicy parsed = PolicyReader.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"" + VPCE
                + "\"}}}]}").parsed().orElseThrow();
        LintContext c = LintContexts.of(parsed, OPTIONS);
        RequestSpace verify = RequestSpace.of(List.of(parsed.policy()), verifyInputs(c.space().perimeter()), S3ActionCatalog.bundled());
        String endpoint = "vpce-0000000000000000a";
        String vpc = "vpc-0000000000000000a";
        Origin ownWitnesses = new Origin(Origin.Kind.ENDPOINT, Optional.of(endpoint), Optional.of(vpc), "endpoint " + endpoint + " in " + vpc,
                Map.of("aws:SourceVpce", List.of(endpoint), "aws:SourceVpc", List.of(vpc)));
        assertThat(verify.outsideOrigins()).contains(Probes.normalEndpoint(c)).doesNotContain(ownWitnesses);
        assertThat(verify.outsideCallers()).contains(Probes.stranger(c))
                .doesNotContain(Caller.of("a stranger", "arn:aws:iam::000000000001:role/gtvpc-lint-stranger"));
    }

    /** Every policy of the corpus: each JSON policy file, and each policy a plan or template it reads holds in full. */
    private static List<Map.Entry<String, ParsedPolicy>> corpus() throws IOException {
        Path root = Golden.testResource("corpus");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getParent().equals(root))
                    .filter(f -> f.toString().matches(".*\\.(json|ya?ml)$")).sorted().toList();
        }
        List<Map.Entry<String, ParsedPolicy>> out = new ArrayList<>();
        for (Path f : files) {
            String name = root.relativize(f).toString();
            String text = Files.readString(f);
            PolicySource.Input input;
            try {
                input = PolicySource.read(text, name, Optional.empty(), Map.of());
            } catch (GtvpcException e) {
                continue; // a template gtvpc refuses (the corpus holds some on purpose) holds no policy to compare
            }
            if (input.targets().isEmpty()) {
                PolicyReader.parse(text).parsed().ifPresent(p -> out.add(Map.entry(name, p)));
            }
            for (PolicyTarget t : input.targets()) {
                Optional<ParsedPolicy> p = t.text().isPresent() ? PolicyReader.parse(t.text().get()).parsed()
                        : t.tree().flatMap(tree -> PolicyReader.parse(tree).parsed());
                p.ifPresent(parsed -> out.add(Map.entry(name + "#" + t.address(), parsed)));
            }
        }
        return out;
    }
}
