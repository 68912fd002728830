package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import org.junit.jupiter.api.Test;

/**
 * S3 adds actions faster than any catalogue (issue 27, "Requests and CLI"): {@code --allow-unknown-action}, and a
 * case's {@code "allowUnknownAction": true}, decide an s3: action the catalogue does not hold by its name, with a
 * note; without them it is refused, a near miss with its did-you-mean, any other naming the way to allow it.
 */
class UnknownActionCliTest {
    private static final String POLICY = "src/test/resources/verify/perimeter/deny-insecure-transport.json";
    private static final String CASES = "src/test/resources/simulate/unknown-actions.cases.jsonl";

    private static void golden(String name, Cli.Result r) {
        Golden.assertMatches(Golden.testResource("golden/simulate/unknown-action/" + name + ".out"), r.out());
        Golden.assertMatches(Golden.testResource("golden/simulate/unknown-action/" + name + ".err"), r.err());
    }

    private static Cli.Result simulate(String action, String... more) {
        String[] args = new String[7 + more.length];
        System.arraycopy(new String[] {"policy", "simulate", POLICY, "--action", action, "--resource", "arn:aws:s3:::amzn-s3-demo-bucket/k"},
                0, args, 0, 7);
        System.arraycopy(more, 0, args, 7, more.length);
        return Cli.run(args);
    }

    @Test
    void anActionTheCatalogueDoesNotHoldIsRefusedNamingTheOption() {
        Cli.Result r = simulate("s3:PutBucketShinyNewThing");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--allow-unknown-action");
        golden("refused", r);
    }

    @Test
    void withTheOptionItIsDecidedByItsNameWithANote() {
        Cli.Result r = simulate("s3:PutBucketShinyNewThing", "--context", "aws:SecureTransport=false", "--allow-unknown-action");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("EXPLICIT_DENY").contains("note: s3:PutBucketShinyNewThing is not in gtvpc's catalogue");
        golden("decided", r);
        Cli.Result json = simulate("s3:PutBucketShinyNewThing", "--allow-unknown-action", "--format", "json");
        assertThat(json.exit()).isZero();
        golden("decided-json", json);
    }

    @Test
    void aTypoKeepsItsDidYouMeanEitherWay() {
        Cli.Result refused = simulate("s3:GetObjekt");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("did you mean s3:GetObject?").doesNotContain("--allow-unknown-action");
        Cli.Result decided = simulate("s3:GetObjekt", "--allow-unknown-action");
        assertThat(decided.exit()).isZero();
        assertThat(decided.out()).contains("(did you mean s3:GetObject?)");
        golden("typo-decided", decided);
    }

    @Test
    void aValueThatIsNoActionNameIsRefusedEvenWithTheOption() {
        Cli.Result r = simulate("s3:Get-Thing", "--allow-unknown-action");
        assertThat(r.exit()).isEqualTo(2);
        golden("not-a-name", r);
    }

    @Test
    void aCaseDecidesByItsOwnFieldAndTheOptionDecidesForEveryCase() {
        Cli.Result byField = Cli.run("policy", "test", POLICY, "--cases", CASES);
        assertThat(byField.exit()).as("lines that cannot be run").isEqualTo(2);
        golden("test-by-field", byField);
        Cli.Result byOption = Cli.run("policy", "test", POLICY, "--cases", CASES, "--allow-unknown-action");
        golden("test-by-option", byOption);
        Cli.Result batch = Cli.run("policy", "simulate", POLICY, "--cases", CASES);
        golden("simulate-cases", batch);
    }

    @Test
    void noGroundTruthIsAnOptionOfVerifyEvenWhenARequiredOneIsMissing() {
        Cli.Result missing = Cli.run("policy", "verify", "policies/generated/example-3.strict.json", "--no-ground-truth");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).doesNotContain("unknown option").contains("--region: required");
        Golden.assertMatches(Golden.testResource("golden/verify/no-ground-truth-without-region.err"), missing.err());
        Cli.Result typo = Cli.run("policy", "verify", "policies/generated/example-3.strict.json", "--no-ground-truh");
        assertThat(typo.err()).contains("did you mean --no-ground-truth?");
    }
}
