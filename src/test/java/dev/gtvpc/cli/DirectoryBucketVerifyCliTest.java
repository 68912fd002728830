package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code policy verify} on directory buckets (S3 Express One Zone): object access is authorised once, at
 * {@code s3express:CreateSession} (s3-express-security-iam.html), so the perimeter is proved over the s3express
 * actions on the bucket's s3express ARN, CreateSession in both session modes. The S3 User Guide's examples
 * (corpus/bucket/s3express-example-bucket-policies-0*.json) and two policies written here (verify/directory/SOURCES.md).
 */
class DirectoryBucketVerifyCliTest {
    private static final String CORPUS = "src/test/resources/corpus/bucket/";
    private static final String DIR = "src/test/resources/verify/directory/";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // the guide's first example: CreateSession for the account, no perimeter; the role gets in, outside-denied fails on CreateSession
        "aws-doc-create-session|txt|1|" + CORPUS + "s3express-example-bucket-policies-01.json|--role-arn arn:aws:iam::111122223333:role/Writer",
        "aws-doc-create-session|json|1|" + CORPUS + "s3express-example-bucket-policies-01.json|--role-arn arn:aws:iam::111122223333:role/Writer --format json",
        // the guide's second: ReadOnly sessions only ("Resource": "*", so --bucket); the matrix shows each session mode
        "aws-doc-read-only-session|txt|1|" + CORPUS + "s3express-example-bucket-policies-02.json|--bucket amzn-s3-demo-bucket--usw2-az1--x-s3"
                + " --bucket-account 111122223333 --role-arn arn:aws:iam::111122223333:role/Writer --matrix",
        // a Deny on s3:* object actions guards nothing in a directory bucket
        "guard-on-objects-only|txt|1|" + DIR + "guard-on-objects-only.json|--vpce vpce-0a1b2c3d4e5f60718",
        "session-perimeter|txt|0|" + DIR + "session-perimeter.json|--vpce vpce-0a1b2c3d4e5f60718",
        "session-perimeter|json|0|" + DIR + "session-perimeter.json|--vpce vpce-0a1b2c3d4e5f60718 --format json"})
    void verify(String golden, String ext, int exit, String policy, String args) {
        List<String> argv = new ArrayList<>(List.of("policy", "verify", policy, "--region", "us-west-2", "--no-ground-truth"));
        argv.addAll(List.of(args.split(" ")));
        Cli.Result r = Cli.run(argv.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(exit);
        Golden.assertMatches(Golden.testResource("golden/verify/directory/" + golden + "." + ext), r.out());
    }

    @Test
    void guardOnObjectsIsRefutedOnCreateSession() {
        Cli.Result r = Cli.run("policy", "verify", DIR + "guard-on-objects-only.json", "--region", "us-west-2", "--no-ground-truth",
                "--vpce", "vpce-0a1b2c3d4e5f60718", "--format", "json");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\"property\": \"outside-denied\"", "\"status\": \"REFUTED\"", "\"action\": \"s3express:CreateSession\"",
                "\"resource\": \"arn:aws:s3express:us-west-2:111122223333:bucket/labels--usw2-az1--x-s3\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "labels--x-s3|gtvpc: --bucket: directory bucket name 'labels--x-s3' is not BASE--ZONE-ID--x-s3, as amzn-s3-demo-bucket--usw2-az1--x-s3"
                + " (directory bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/directory-bucket-naming-rules.html)",
        "Labels--usw2-az1--x-s3|gtvpc: --bucket: the base of directory bucket name 'Labels--usw2-az1--x-s3': bucket name 'Labels' may hold only"
                + " lowercase letters, digits, dots and hyphens (S3 bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html)"})
    void badDirectoryBucketName(String bucket, String message) {
        Cli.Result r = Cli.run("policy", "verify", DIR + "session-perimeter.json", "--region", "us-west-2", "--no-ground-truth", "--bucket", bucket,
                "--bucket-account", "111122223333");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(message + "\n");
    }
}
