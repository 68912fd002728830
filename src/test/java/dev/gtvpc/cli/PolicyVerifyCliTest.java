package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code policy verify}: generated policies prove everything; each classic mistake breaks its property. */
class PolicyVerifyCliTest {
    private static final String[] INPUTS = {"--vpc", "vpc-0abc1234def567890", "--vpce", "vpce-0123456789abcdef0",
        "--role-arn", "arn:aws:iam::210987654321:role/LabelingAdmin"};
    private static final Pattern STATUS = Pattern.compile("^(PROVED|REFUTED|UNDECIDED|VACUOUS|DEPENDS)\\s+(\\S+)", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> generatedPoliciesProveEveryPropertyAndBothStylesAreEquivalent(@TempDir Path dir) {
        List<DynamicTest> tests = new ArrayList<>();
        for (RegionInfo region : RegionTable.bundled().regions()) {
            tests.add(DynamicTest.dynamicTest(region.region(), () -> {
                Path strict = dir.resolve(region.region() + "-strict.json");
                Path awsDoc = dir.resolve(region.region() + "-aws-doc.json");
                for (String[] style : new String[][] {{"strict", strict.toString()}, {"aws-doc", awsDoc.toString()}}) {
                    Cli.Result g = Cli.run(concat(new String[] {"policy", "generate", "--region", region.region(), "--bucket", "labeling-data",
                        "--actions", "data", "--style", style[0], "-o", style[1]}, INPUTS));
                    assertThat(g.exit()).as(g.err()).isZero();
                }
                for (Path p : List.of(strict, awsDoc)) {
                    Cli.Result v = Cli.run(concat(new String[] {"policy", "verify", p.toString(), "--region", region.region(),
                        "--admin-arn", "arn:aws:iam::210987654321:role/LabelingAdmin"}, INPUTS));
                    assertThat(v.exit()).as(v.out()).isZero();
                    assertThat(statuses(v.out())).containsOnlyKeys("gt-can-access", "vpc-can-access", "vpce-can-access",
                            "role-can-access", "outside-denied", "owner-can-manage").allSatisfy((k, s) -> assertThat(s).isEqualTo("PROVED"));
                    assertThat(v.out()).contains("complete: one request per class");
                }
                Path legacy = dir.resolve(region.region() + "-legacy.json");
                assertThat(Cli.run(concat(new String[] {"policy", "generate", "--region", region.region(), "--bucket", "labeling-data",
                    "--actions", "data", "--style", "legacy", "-o", legacy.toString()}, INPUTS)).exit()).isZero();
                Cli.Result eq = Cli.run(concat(new String[] {"policy", "verify", legacy.toString(), "--region", region.region(),
                    "--equivalent-to", awsDoc.toString()}, INPUTS));
                assertThat(eq.exit()).as(eq.out()).isZero();
                assertThat(statuses(eq.out())).containsEntry("equivalent-to", "PROVED");
                // by ARN, a VPC of the same ID in another Region stays out; by ID it gets in: not equivalent, on purpose
                Cli.Result byArn = Cli.run(concat(new String[] {"policy", "verify", strict.toString(), "--region", region.region(),
                    "--equivalent-to", awsDoc.toString()}, INPUTS));
                assertThat(statuses(byArn.out())).containsEntry("equivalent-to", "REFUTED");
            }));
        }
        return tests.stream();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gt-removed|gt-can-access",
        "gt-wrong-region|gt-can-access,outside-denied",
        "split-exemptions|gt-can-access,vpc-can-access,vpce-can-access,role-can-access",
        "role-missing|role-can-access",
        "s3-star-no-admin|owner-can-manage"})
    void eachMistakeBreaksItsProperty(String name, String refuted) {
        Cli.Result r = Cli.run(concat(new String[] {"policy", "verify", "src/test/resources/verify/" + name + ".json",
            "--region", "us-east-1", "--admin-arn", "arn:aws:iam::210987654321:role/BucketAdmin"}, INPUTS));
        assertThat(r.exit()).isEqualTo(1);
        Map<String, String> statuses = statuses(r.out());
        List<String> expected = Arrays.asList(refuted.split(","));
        statuses.forEach((property, status) -> assertThat(status).as(property)
                .isEqualTo(expected.contains(property) ? "REFUTED" : "PROVED"));
        assertThat(r.out()).contains("counterexample: ");
        Golden.assertMatches(Golden.testResource("golden/verify/" + name + ".txt"), r.out());
    }

    @Test
    void theAdministratorExemptedProvesOwnerCanManage() {
        Cli.Result r = Cli.run(concat(new String[] {"policy", "verify", "src/test/resources/verify/s3-star-with-admin.json",
            "--region", "us-east-1", "--admin-arn", "arn:aws:iam::210987654321:role/BucketAdmin"}, INPUTS));
        assertThat(r.exit()).isZero();
        assertThat(statuses(r.out())).containsEntry("owner-can-manage", "PROVED");
    }

    @Test
    void theDuplicateKeyExampleReadAsOrdinaryParsersDoLosesTheVpcAndRoleExemptions() {
        String[] args = {"policy", "verify", "policies/aws-doc/current/example-3.json", "--region", "us-east-1",
            "--gt-endpoint", "vpce-12345678", "--vpce", "vpce-12345678", "--vpc", "vpc-12345678",
            "--role-arn", "arn:aws:iam::111122223333:role/role-name"};
        Cli.Result strict = Cli.run(args);
        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.err()).contains("The Condition has the key \"StringNotEquals\" twice");
        Cli.Result lenient = Cli.run(concat(args, new String[] {"--lenient"}));
        assertThat(lenient.exit()).isEqualTo(1);
        assertThat(statuses(lenient.out())).containsEntry("gt-can-access", "PROVED").containsEntry("vpce-can-access", "PROVED")
                .containsEntry("vpc-can-access", "REFUTED").containsEntry("role-can-access", "REFUTED")
                .containsEntry("outside-denied", "PROVED");
        Golden.assertMatches(Golden.testResource("golden/verify/aws-doc-example-3-lenient.txt"), lenient.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"json, json", "markdown, md"})
    void otherFormatsWithTheMatrix(String format, String extension) {
        Cli.Result r = Cli.run(concat(new String[] {"policy", "verify", "src/test/resources/verify/role-missing.json", "--region",
            "us-east-1", "--format", format, "--matrix"}, INPUTS));
        assertThat(r.exit()).isEqualTo(1);
        Golden.assertMatches(Golden.testResource("golden/verify/role-missing-matrix." + extension), r.out());
    }

    @Test
    void theMatrixAsText() {
        Cli.Result r = Cli.run("policy", "verify", "policies/generated/example-3.data.json", "--region",
            "us-east-1", "--vpc", "vpc-12345678", "--vpce", "vpce-12345678", "--role-arn", "arn:aws:iam::111122223333:role/role-name",
            "--actions", "s3:AbortMultipartUpload,s3:GetObject,s3:PutObject,s3:DeleteObject,s3:ListBucket", "--matrix");
        assertThat(r.exit()).isZero();
        Golden.assertMatches(Golden.testResource("golden/verify/example-3-data-matrix.txt"), r.out());
    }

    @Test
    void wildcardPatternsAreSampledAndTheOutputSaysSo(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("like.json");
        Files.writeString(p, """
                {"Version":"2012-10-17","Statement":[{"Sid":"D","Effect":"Deny","Principal":"*","Action":"s3:GetObject",
                "Resource":"arn:aws:s3:::labeling-data/*","Condition":{"StringNotLike":{"aws:SourceVpce":["vpce-0123*",
                "vpce-08408e335ebf95b40"]},"StringNotEquals":{"aws:SourceVpc":"vpc-0abc1234def567890"},
                "StringLike":{"s3:prefix":"home/*"}}}]}""");
        Cli.Result r = Cli.run("policy", "verify", p.toString(), "--region", "us-east-1", "--vpce", "vpce-0123456789abcdef0");
        assertThat(r.out()).contains("sampled, not exhaustive:").contains("s3:prefix: pattern home/* is covered by one witness value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--format yaml|gtvpc: --format: 'yaml' is not one of text, json, markdown",
        "--vpc vpce-12345678|gtvpc: --vpc: 'vpce-12345678' is a VPC endpoint ID, not a VPC ID (vpc-…); pass it as an endpoint",
        "--role-arn arn:aws:sts::210987654321:assumed-role/A/s|gtvpc: --role-arn: 'arn:aws:sts::210987654321:assumed-role/A/s' is an assumed-role session; aws:PrincipalArn holds the role's ARN for every session, so use arn:aws:iam::210987654321:role/A (with the role's path, if it has one, before the name)",
        "--actions s3:Get*|gtvpc: --actions: name actions without wildcards here; each is checked as a request"})
    void badInput(String args, String message) {
        List<String> all = new ArrayList<>(List.of("policy", "verify", "src/test/resources/verify/gt-removed.json", "--region", "us-east-1"));
        all.addAll(List.of(args.split(" ")));
        Cli.Result r = Cli.run(all.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + "\n");
    }

    static Map<String, String> statuses(String out) {
        Map<String, String> map = new LinkedHashMap<>();
        Matcher m = STATUS.matcher(out);
        while (m.find()) {
            map.merge(m.group(2), m.group(1), (a, b) -> a.equals("PROVED") ? b : a);
        }
        return map;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
