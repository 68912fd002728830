package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code policy verify} on perimeters nobody here designed (src/test/resources/verify/perimeter, see its
 * SOURCES.md): AWS's data-perimeter bucket policy with an organization, a VPC, a corporate range, partner
 * accounts and AWS-service exceptions; the same with one exception removed; without the organization; and
 * policies with nothing to prove, which must never come out PROVED.
 */
class VerifyPerimeterCliTest {
    private static final String DIR = "src/test/resources/verify/perimeter/";
    private static final String PERIMETER = "--region us-east-1 --no-ground-truth --bucket-account 111122223333 --vpc vpc-1a2b3c4d"
            + " --cidr 203.0.113.0/24 --trusted-account 127311923021,444455556666,555566667777 --aws-service-access";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "data-perimeter|0|data-perimeter|" + PERIMETER + " --org-id o-a1b2c3d4e5",
        "data-perimeter-no-via-service|1|data-perimeter-no-via-service|" + PERIMETER + " --org-id o-a1b2c3d4e5",
        "data-perimeter-org-unknown|1|data-perimeter|" + PERIMETER,
        "data-perimeter-tagged|1|data-perimeter-tagged|" + PERIMETER + " --org-id o-a1b2c3d4e5",
        "allow-only-vpce|1|allow-only-vpce|--region us-east-1 --no-ground-truth --bucket-account 111122223333 --vpce vpce-1a2b3c4d",
        "legacy-bucket-name|1|legacy-bucket-name|--region us-east-1 --bucket-account 111122223333 --vpce vpce-1a2b3c4d",
        "other-bucket|1|other-bucket|--region us-east-1 --no-ground-truth --bucket amzn-s3-demo-bucket --bucket-account 111122223333 --vpce vpce-1a2b3c4d",
        // the corpus (src/test/resources/corpus, JUDGEMENT.md runs v01, v02, v06): S3 User Guide examples as published
        "corpus-s3ug-vpce-restrict-to-endpoint|1|../../corpus/bucket/s3ug-vpce-restrict-to-endpoint|--region us-east-1 --vpce vpce-1a2b3c4d --admin-arn arn:aws:iam::111122223333:role/Admin",
        "corpus-s3ug-vpce-restrict-to-vpc|1|../../corpus/bucket/s3ug-vpce-restrict-to-vpc|--region us-east-1 --vpc vpc-111bbb22",
        "corpus-vpcug-2021-my-secure-bucket-endpoint|1|../../corpus/bucket/vpcug-2021-my-secure-bucket-endpoint|--region us-east-1 --vpce vpce-1a2b3c4d"})
    void verify(String golden, int exit, String policy, String args) {
        List<String> argv = new ArrayList<>(List.of("policy", "verify", DIR + policy + ".json"));
        argv.addAll(List.of(args.split(" ")));
        Cli.Result r = Cli.run(argv.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(exit);
        Golden.assertMatches(Golden.testResource("golden/verify/perimeter/" + golden + ".txt"), r.out());
    }

    /** Allow-only, Deny-only, no statement, no S3 action, another bucket: whatever else, never PROVED over nothing. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"allow-only-vpce", "deny-insecure-transport", "empty-statement", "unrelated-actions", "other-bucket"})
    void nothingIsProvedOverNoRequest(String policy) {
        Cli.Result r = Cli.run("policy", "verify", DIR + policy + ".json", "--region", "us-east-1", "--bucket", "amzn-s3-demo-bucket",
                "--bucket-account", "111122223333", "--vpce", "vpce-1a2b3c4d", "--vpc", "vpc-1a2b3c4d", "--cidr", "203.0.113.0/24",
                "--role-arn", "arn:aws:iam::111122223333:role/Admin", "--admin-arn", "arn:aws:iam::111122223333:role/Admin",
                "--trusted-account", "444455556666", "--aws-service-access", "--format", "json");
        assertThat(r.exit()).isEqualTo(1);
        for (String property : r.out().split("\\{\\s*\"property\"")) {
            if (property.contains("\"status\": \"PROVED\"")) {
                assertThat(property).doesNotContain("\"requests\": 0");
            }
        }
        assertThat(r.out()).doesNotContain("\"proved\": true");
        Cli.Result allowed = Cli.run("policy", "verify", DIR + policy + ".json", "--region", "us-east-1", "--bucket", "amzn-s3-demo-bucket",
                "--bucket-account", "111122223333", "--vpce", "vpce-1a2b3c4d", "--no-ground-truth", "--allow-vacuous");
        assertThat(allowed.out()).doesNotContain("PROVED    vpce-can-access  vpce-1a2b3c4d\n");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "legacy-bucket-name|--region eu-west-1 --vpce vpce-1a2b3c4d|gtvpc: the bucket the policy's Resource names: bucket name 'my_secure_bucket' may hold only lowercase letters, digits, dots and hyphens (S3 bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html); names like this are legacy ones, possible only for buckets made in us-east-1 before March 2018, and the region is eu-west-1; give --bucket",
        "data-perimeter|--region us-east-1 --no-ground-truth --org-id o-1|gtvpc: --org-id: 'o-1' is not an organization ID: expected o- and 10 to 32 lowercase letters or digits",
        "data-perimeter|--region us-east-1 --no-ground-truth --org-path o-a1b2c3d4e5/r-ab12/|gtvpc: --org-path: give --org-id too (the organization the path starts with)",
        "data-perimeter|--region us-east-1 --no-ground-truth --org-id o-a1b2c3d4e5 --org-path o-bbbbbbbbbb/r-ab12/|gtvpc: --org-path: 'o-bbbbbbbbbb/r-ab12/' is not a path of o-a1b2c3d4e5",
        "data-perimeter|--region us-east-1 --no-ground-truth --cidr 203.0.113.0/33|gtvpc: --cidr: '203.0.113.0/33' is not an IP address or CIDR range such as 203.0.113.0/24",
        "data-perimeter|--region us-east-1 --no-ground-truth --trusted-account 4444|gtvpc: --trusted-account: '4444' is not a 12-digit account ID",
        "data-perimeter|--region us-east-1 --no-ground-truth --gt-endpoint vpce-08408e335ebf95b40|gtvpc: --gt-endpoint: there is no Ground Truth check with --no-ground-truth; drop one of them"})
    void badInputNamesWhereItCameFrom(String policy, String args, String message) {
        List<String> argv = new ArrayList<>(List.of("policy", "verify", DIR + policy + ".json"));
        argv.addAll(List.of(args.split(" ")));
        Cli.Result r = Cli.run(argv.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + "\n");
    }
}
