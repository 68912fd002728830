package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 16, "Input checks where they are missing": simulate's request, empty case files, empty list items. */
class InputChecksCliTest {
    private static final String POLICY = Golden.root().resolve("policies/generated/example-3.strict.json").toString();
    private static final String OBJECT = "arn:aws:s3:::bucket-name/a.jpg";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--action s3:GetObjekt --resource " + OBJECT + "|--action: 's3:GetObjekt' is not an S3 action in gtvpc's catalogue"
                + " of CATALOGUE_DATE (did you mean s3:GetObject?)",
        "--action GetObject --resource " + OBJECT + "|--action: 'GetObject' needs its service prefix: s3:GetObject",
        "--action s3:Get* --resource " + OBJECT + "|--action: 's3:Get*' is a pattern; a request has one action, e.g. s3:GetObject",
        "--action sqs:SendMessage --resource " + OBJECT + "|--action: 'sqs:SendMessage' is not an S3 action; a bucket policy decides s3: actions",
        "--action s3:GetObject --resource bucket-name/a.jpg|--resource: 'bucket-name/a.jpg' is not an ARN; expected arn:aws:s3:::BUCKET"
                + " (bucket actions) or arn:aws:s3:::BUCKET/KEY (object actions)",
        "--action s3:GetObject --resource arn:aws:sqs:us-east-1:111122223333:q|--resource: 'arn:aws:sqs:us-east-1:111122223333:q' is"
                + " not an S3 resource; expected arn:aws:s3:::BUCKET (bucket actions) or arn:aws:s3:::BUCKET/KEY (object actions)",
        "--action s3:GetObject --resource " + OBJECT + " --source-ip 10.0.0.256|--source-ip: '10.0.0.256' is not an IP address (IPv4"
                + " or IPv6, without a /prefix)",
        "--action s3:GetObject --resource " + OBJECT + " --source-ip 10.0.0.0/8|--source-ip: '10.0.0.0/8' is not an IP address (IPv4"
                + " or IPv6, without a /prefix)",
        "--action s3:GetObject --resource " + OBJECT + " --source-vpce vpc-12345678|--source-vpce: 'vpc-12345678' is a VPC ID, not a"
                + " VPC endpoint ID; give it as --source-vpc",
        "--action s3:GetObject --resource " + OBJECT + " --source-vpc vpce-12345678|--source-vpc: 'vpce-12345678' is a VPC endpoint"
                + " ID, not a VPC ID; give it as --source-vpce",
        "--action s3:GetObject --resource " + OBJECT + " --source-vpce vpce-1|--source-vpce: 'vpce-1' is not a VPC endpoint ID:"
                + " expected vpce- and 8 or 17 lowercase hex digits, e.g. vpce-0abc1234def567890",
        "--action s3:GetObject --resource " + OBJECT + " --context aws:sourcevpc=vpce-12345678|--context aws:SourceVpc: 'vpce-12345678'"
                + " is a VPC endpoint ID, not a VPC ID; give it as --source-vpce",
        "--action s3:GetObject --resource " + OBJECT + " --principal-arn alice|--principal-arn: 'alice' is not a principal: give an IAM"
                + " role, user or root ARN, an assumed-role session ARN, a 12-digit account ID, a service principal"
                + " (sagemaker.amazonaws.com) or anonymous",
        "--action s3:GetObject --resource " + OBJECT + " --principal-arn arn:aws:iam::111122223333:group/admins|--principal-arn:"
                + " 'arn:aws:iam::111122223333:group/admins' is not a principal: give an IAM role, user or root ARN, an assumed-role"
                + " session ARN, a 12-digit account ID, a service principal (sagemaker.amazonaws.com) or anonymous",
        "--action s3:GetObject --resource " + OBJECT + " --principal-arn arn:aws:iam::1111:role/app|--principal-arn:"
                + " 'arn:aws:iam::1111:role/app' has account '1111'; an account ID is 12 digits",
        "--action s3:GetObject --resource " + OBJECT + " --trace|--trace: the trace is part of the JSON output; add --format json"
                + " (or use --cases)",
        "--action s3:GetObject --resource " + OBJECT + " --org-id o-abcdefghij --bucket-account 111122223333 --org-path"
                + " o-abcdefghij/r-ab12/,|--org-path: 'o-abcdefghij/r-ab12/,' has an empty item; separate the values with single"
                + " commas; see 'gtvpc policy simulate --help'"})
    void simulateRefusesARequestAwsCouldNotReceive(String args, String message) {
        Cli.Result r = Cli.run(concat(new String[] {"policy", "simulate", POLICY}, args.split(" ")));
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gtvpc: " + message.replace("CATALOGUE_DATE",
                dev.gtvpc.catalogue.S3ActionCatalog.bundled().dataDate().substring(0, 10)) + "\n");
        assertThat(r.exit()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "s3:getobject|arn:aws:s3:::bucket-name/a.jpg|sagemaker.amazonaws.com",
        "s3:ListBucket|arn:aws:s3:::bucket-name|111122223333",
        "s3:GetObject|arn:aws-cn:s3:::bucket-name/a.jpg|arn:aws-cn:sts::111122223333:assumed-role/r/s",
        "s3:GetObject|arn:aws:s3:::bucket-name/a.jpg|*"})
    void wellFormedRequestsStillRun(String action, String resource, String principal) {
        Cli.Result r = Cli.run("policy", "simulate", POLICY, "--action", action, "--resource", resource, "--principal-arn", principal,
                "--source-ip", "2001:db8::1", "--format", "json", "--trace");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
    }

    @Test
    void caseLinesGetTheSameChecksAndUnknownFieldsAreErrors() {
        Path cases = Golden.testResource("cli/simulate/unchecked-cases.jsonl");
        Cli.Result r = Cli.run("policy", "simulate", POLICY, "--cases", cases.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: 8 cases could not be evaluated (see their \"error\" fields)\n");
        Golden.assertMatches(Golden.testResource("golden/simulate/unchecked-cases.jsonl"), r.out());
    }

    @Test
    void policyTestReportsTheSameProblemsPerCase() {
        Path cases = Golden.testResource("cli/simulate/unchecked-cases.jsonl");
        Cli.Result r = Cli.run("policy", "test", POLICY, "--cases", cases.toString());
        assertThat(r.exit()).isEqualTo(2);
        Golden.assertMatches(Golden.testResource("golden/simulate/unchecked-cases-test.txt"), r.out());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "simulate|''|nothing was decided",
        "simulate|'# only a comment\n\n   \n'|nothing was decided",
        "test|''|nothing was tested",
        "test|'# only a comment\n\n'|nothing was tested"})
    void noCasesIsBadInputNotSuccess(String command, String content, String what, @TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("empty.jsonl"), content.replace("\\n", "\n"));
        Cli.Result r = Cli.run("policy", command, POLICY, "--cases", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gtvpc: --cases: no cases in " + file + " (only blank or # lines); " + what + "\n");
    }

    @Test
    void noCasesOnStandardInputIsBadInputToo() {
        Cli.Result r = Cli.runWithStdin("", "policy", "test", POLICY, "--cases", "-");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: --cases: no cases in standard input (only blank or # lines); nothing was tested\n");
    }

    @Test
    void aCasesFileThatIsNotUtf8AndABomAreRefusedInWords(@TempDir Path dir) throws IOException {
        String good = "{\"id\":\"a\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::bucket-name/a.jpg\"}\n";
        Path latin1 = Files.write(dir.resolve("c.jsonl"), (good + "{\"id\":\"caf\u00e9\"}\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Cli.Result r = Cli.run("policy", "test", POLICY, "--cases", latin1.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gtvpc: --cases: " + latin1 + " is not UTF-8 text; save it as UTF-8\n")
                .doesNotContain("Input length");
        Path bom = Files.writeString(dir.resolve("bom.jsonl"), "\uFEFF" + good);
        Cli.Result b = Cli.run("policy", "simulate", POLICY, "--cases", bom.toString());
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.out()).isEqualTo("{\"line\":1,\"error\":\"the line starts with a UTF-8 byte-order mark (BOM); remove the BOM"
                + " (save as UTF-8 without BOM)\"}\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "policy generate --region us-east-1 --bucket my-data --vpce vpce-0123456789abcdef0,|--vpce: 'vpce-0123456789abcdef0,' has"
                + " an empty item; separate the values with single commas; see 'gtvpc policy generate --help'",
        "policy generate --region us-east-1 --bucket my-data --vpc vpc-12345678,,vpc-87654321 --vpce vpce-0123456789abcdef0|--vpc:"
                + " 'vpc-12345678,,vpc-87654321' has an empty item; separate the values with single commas; see 'gtvpc policy"
                + " generate --help'",
        "endpoint-policy generate --region us-east-1 --bucket my-data,|--bucket: 'my-data,' has an empty item; separate the values"
                + " with single commas; see 'gtvpc endpoint-policy generate --help'",
        "iam-policy generate --bucket ,my-data --for execution-role|--bucket: ',my-data' has an empty item; separate the values"
                + " with single commas; see 'gtvpc iam-policy generate --help'",
        "policy lint --disable duplicate-sid, x.json|--disable: 'duplicate-sid,' has an empty item; separate the values with single"
                + " commas; see 'gtvpc policy lint --help'"})
    void anEmptyListItemIsRefusedOnEveryOptionThatSplits(String args, String message) {
        Cli.Result r = Cli.run(args.split(" "));
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gtvpc: " + message + "\n");
        assertThat(r.exit()).isEqualTo(2);
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
