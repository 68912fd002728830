package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code policy simulate} and {@code policy test} in-process, against golden files. */
class PolicySimulateCliTest {
    private static final String POLICY = Golden.root().resolve("policies/generated/example-3.strict.json").toString();
    private static final String OBJECT = "arn:aws:s3:::bucket-name/a.jpg";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "internet-text|0|--action s3:GetObject --resource " + OBJECT + " --principal-arn arn:aws:iam::111122223333:role/app --bucket-account 111122223333",
        "internet-json|0|--action s3:GetObject --resource " + OBJECT + " --principal-arn arn:aws:iam::111122223333:role/app --format json",
        "internet-json-trace|0|--action s3:GetObject --resource " + OBJECT + " --format json --trace",
        "gt-endpoint-text|0|--action s3:PutObject --resource " + OBJECT + " --principal-arn arn:aws:iam::111122223333:role/x --source-vpce vpce-08408e335ebf95b40 --source-vpc vpc-0aaaaaaaaaaaaaaaa --bucket-account 111122223333 --expect not-denied",
        "other-account-text|0|--action s3:GetObject --resource " + OBJECT + " --principal-arn arn:aws:iam::999988887777:role/x --source-vpc vpc-12345678 --bucket-account 111122223333",
        "anonymous-vpc-text|0|--action s3:GetObject --resource " + OBJECT + " --source-vpc vpc-12345678",
        "context-text|0|--action s3:GetObject --resource " + OBJECT + " --context aws:SourceVpce=vpce-11111111 --context AWS:SOURCEVPCE=vpce-22222222 --context aws:PrincipalArn=arn:aws:iam::111122223333:role/role-name",
        "expect-mismatch-text|1|--action s3:GetObject --resource " + OBJECT + " --expect allow"})
    void simulate(String golden, int exit, String args) {
        Cli.Result r = Cli.run(concat(new String[] {"policy", "simulate", POLICY}, args.split(" ")));
        assertThat(r.exit()).isEqualTo(exit);
        assertThat(r.err()).isEqualTo(exit == 1 ? "gtvpc: expected allow, got EXPLICIT_DENY\n" : "");
        Golden.assertMatches(Golden.testResource("golden/simulate/" + golden + (golden.endsWith("text") ? ".txt" : ".json")), r.out());
    }

    @Test
    void readsThePolicyFromStandardInput() {
        Cli.Result r = Cli.runWithStdin(Golden.read(Path.of(POLICY)), "policy", "simulate", "-", "--action", "s3:GetObject",
                "--resource", OBJECT, "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"decision\": \"EXPLICIT_DENY\"");
    }

    @Test
    void aPolicyItCannotDecideIsBadInputWithTheTrace() {
        Cli.Result r = Cli.run("policy", "simulate", Golden.root().resolve("policies/aws-doc/current/example-1.json").toString(),
                "--action", "s3:GetObject", "--resource", OBJECT);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).startsWith("NO DECISION\n");
        assertThat(r.err()).isEqualTo("gtvpc: no decision: statement AccessToSpecificVPCEOnly has no Principal; S3 refuses"
                + " such a policy (MalformedPolicy: Missing required field Principal)\n");
    }

    @Test
    void theDuplicateKeyExampleIsRefusedBeforeAnyEvaluation() {
        Cli.Result r = Cli.run("policy", "simulate", "policies/aws-doc/current/example-3.json", "--action", "s3:GetObject",
                "--resource", OBJECT);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("gtvpc: policies/aws-doc/current/example-3.json:1:390: The Condition has the key"
                + " \"StringNotEquals\" twice");
    }

    @Test
    void batchWritesOneLineACaseInOrderAndGoesOnPastBadLines() {
        Cli.Result r = Cli.run("policy", "simulate", POLICY, "--cases",
                Golden.testResource("cli/simulate/cases.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: 5 cases could not be evaluated (see their \"error\" fields)\n");
        Golden.assertMatches(Golden.testResource("golden/simulate/batch.jsonl"), r.out());
    }

    @Test
    void batchFromStandardInputWithoutADefaultPolicy() {
        String line = "{\"id\":\"a\",\"policy\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"D\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]},\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}\n";
        Cli.Result r = Cli.runWithStdin(line + line.replace("\"a\"", "\"b\""), "policy", "simulate", "--cases", "-");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("{\"id\":\"a\",\"decision\":\"EXPLICIT_DENY\",\"statements\":[\"D\"]}\n"
                + "{\"id\":\"b\",\"decision\":\"EXPLICIT_DENY\",\"statements\":[\"D\"]}\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--cases x.jsonl --action s3:GetObject|gtvpc: --cases takes each request from its file; drop the request options (--action, --resource, --context, --expect…)",
        "--resource arn:aws:s3:::b|gtvpc: give the request's --action and --resource (or --cases FILE for many requests)",
        "--action s3:GetObject --resource arn:aws:s3:::b --expect denied|gtvpc: --expect: 'denied' is not one of allow, deny, not-denied, implicit-deny",
        "--action s3:GetObject --resource arn:aws:s3:::b --context aws:SourceVpce|gtvpc: --context: 'aws:SourceVpce' is not KEY=VALUE",
        "--action s3:GetObject --resource arn:aws:s3:::b --bucket-account 1234|gtvpc: --bucket-account: '1234' is not a 12-digit account ID",
        "--action s3:GetObject --resource arn:aws:s3:::b --format yaml|gtvpc: --format: 'yaml' is not one of text, json",
        "--cases /nonexistent.jsonl|gtvpc: --cases: no such file: /nonexistent.jsonl"})
    void badInput(String args, String message) {
        Cli.Result r = Cli.run(concat(new String[] {"policy", "simulate", POLICY}, args.split(" ")));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + "\n");
    }

    @Test
    void aMissingPolicyFileIsOneLine() {
        Cli.Result r = Cli.run("policy", "simulate", "/nonexistent/p.json", "--action", "s3:GetObject", "--resource", OBJECT);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: POLICY: no such file: /nonexistent/p.json\n");
    }

    @Test
    void policyTestReportsEachCaseAndExitsOneOnAFailure() {
        Cli.Result r = Cli.run("policy", "test", POLICY, "--cases", Golden.testResource("cli/simulate/test-cases.jsonl").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        Golden.assertMatches(Golden.testResource("golden/simulate/test.txt"), r.out());
    }

    @Test
    void policyTestPassesAndExitsZero() {
        String line = "{\"id\":\"internet\",\"action\":\"s3:GetObject\",\"resource\":\"" + OBJECT + "\",\"expect\":\"deny\"}\n";
        Cli.Result r = Cli.runWithStdin(line, "policy", "test", POLICY, "--cases", "-");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("PASS  internet: EXPLICIT_DENY\n1 passed, 0 failed\n");
    }

    @Test
    void policyTestWithUnreadableCasesExitsTwo() {
        Cli.Result r = Cli.run("policy", "test", POLICY, "--cases", Golden.testResource("cli/simulate/test-bad.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("""
                PASS  fine: EXPLICIT_DENY
                ERROR no expectation: the case has no "expect" (allow, deny, not-denied or implicit-deny)
                ERROR a word it does not know: "expect" must be allow, deny, not-denied or implicit-deny, not "denied"
                1 passed, 0 failed, 2 could not be run
                """);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
