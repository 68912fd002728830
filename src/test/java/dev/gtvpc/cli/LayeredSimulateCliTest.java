package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code policy simulate} and {@code policy test} with layers, on public material (src/test/resources/verify/layers and
 * simulate/layers, see their SOURCES.md): AWS's VPCE-org-ID network RCP and SCP (aws-samples/data-perimeter-policy-examples,
 * filled in), the S3 User Guide's endpoint policy and the IAM User Guide's identity policy over a Ground Truth bucket
 * policy; the IAM User Guide's aws:SourceVpcArn bucket policy telling a cross-Region endpoint of the VPC it names from a
 * VPC of the same ID in another Region and account. Layer files of the wrong type or with placeholders are bad input.
 */
class LayeredSimulateCliTest {
    private static final String LAYERS = "src/test/resources/verify/layers/";
    private static final String DIR = "src/test/resources/simulate/layers/";
    private static final String GT = LAYERS + "gt-bucket.json";
    private static final String RCP = LAYERS + "rcp-vpceorgid-filled.json";
    private static final String RCP_GT = LAYERS + "rcp-generated-gt-us-east-1.json";
    private static final String SCP = "src/test/resources/corpus/scp/data-perimeter-network-perimeter-vpceorgid-scp-filled.json";
    private static final String ROLE = "--principal-arn arn:aws:iam::210987654321:role/labeler --bucket-account 210987654321"
            + " --org-id o-gtvpc00001 --context aws:PrincipalTag/dp:include:network=true";
    private static final String OBJECT = "--resource arn:aws:s3:::labeling-data/a.jpg";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gt-rcp-denied.txt|0|" + GT + " --action s3:PutObject " + OBJECT + " " + ROLE + " --source-vpce vpce-08408e335ebf95b40"
                + " --rcp " + RCP + " --expect deny",
        "gt-rcp-exception-identity.json|0|" + GT + " --action s3:PutObject " + OBJECT + " " + ROLE + " --source-vpce vpce-08408e335ebf95b40"
                + " --rcp " + RCP_GT + " --identity-policy " + DIR + "identity-rw-bucket-filled.json --format json --trace",
        "scp-internet.txt|0|" + GT + " --action s3:GetObject " + OBJECT + " " + ROLE + " --source-ip 198.51.100.7 --scp " + SCP
                + " --rcp " + RCP,
        "endpoint-no-allow.txt|0|" + GT + " --action s3:ListBucket --resource arn:aws:s3:::labeling-data " + ROLE
                + " --source-vpce vpce-0123456789abcdef0 --context aws:VpceOrgID=o-gtvpc00001 --endpoint-policy vpce-0123456789abcdef0="
                + DIR + "endpoint-restrict-to-bucket-filled.json --expect implicit-deny",
        "endpoint-no-allow.json|0|" + GT + " --action s3:ListBucket --resource arn:aws:s3:::labeling-data " + ROLE
                + " --source-vpce vpce-0123456789abcdef0 --context aws:VpceOrgID=o-gtvpc00001 --endpoint-policy "
                + DIR + "endpoint-restrict-to-bucket-filled.json --format json",
        "sourcevpcarn-cross-region.txt|0|" + DIR + "sourcevpcarn-account-filled.json --action s3:GetObject " + OBJECT
                + " --principal-arn arn:aws:iam::210987654321:role/labeler --bucket-account 210987654321 --source-vpce vpce-0123456789abcdef0"
                + " --source-vpc-arn arn:aws:ec2:us-east-1:210987654321:vpc/vpc-1a2b3c4d --expect not-denied",
        "sourcevpcarn-other-account.txt|0|" + DIR + "sourcevpcarn-account-filled.json --action s3:GetObject " + OBJECT
                + " --principal-arn arn:aws:iam::210987654321:role/labeler --bucket-account 210987654321 --source-vpce vpce-0fedcba9876543210"
                + " --source-vpc-arn arn:aws:ec2:eu-west-1:999988887777:vpc/vpc-1a2b3c4d --expect deny"})
    void simulate(String golden, int exit, String args) {
        Cli.Result r = Cli.run(argv("simulate", args));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(exit);
        Golden.assertMatches(Golden.testResource("golden/simulate/layers/" + golden), r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "batch.jsonl|simulate|0|" + GT + " --cases " + DIR + "gt.cases.jsonl --rcp " + RCP + " --scp " + SCP,
        "test.txt|test|1|" + GT + " --cases " + DIR + "gt.cases.jsonl --rcp " + RCP + " --scp " + SCP,
        "test.json|test|1|" + GT + " --cases " + DIR + "gt.cases.jsonl --rcp " + RCP + " --scp " + SCP + " --format json",
        "test-exception.txt|test|0|" + GT + " --cases " + DIR + "gt.cases.jsonl --rcp " + RCP_GT,
        "sourcevpcarn-test.txt|test|0|--cases " + DIR + "sourcevpcarn.cases.jsonl"})
    void cases(String golden, String command, int exit, String args) {
        Cli.Result r = Cli.run(argv(command, args));
        assertThat(r.exit()).isEqualTo(exit);
        Golden.assertMatches(Golden.testResource("golden/simulate/layers/" + golden), r.out());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "simulate|placeholders|--rcp " + LAYERS + "rcp-vpceorgid-as-published.json|still holds the placeholder <my-corporate-cidr>",
        "simulate|rcp-as-scp|--scp " + RCP + "|is not a service control policy: it is a resource-based policy",
        "simulate|bucket-as-endpoint|--endpoint-policy " + GT + "|is not a VPC endpoint policy: it is a bucket policy's network perimeter",
        "simulate|bucket-as-identity|--identity-policy " + GT + "|is not an identity policy: it is a resource-based policy",
        "test|placeholders|--rcp " + LAYERS + "rcp-vpceorgid-as-published.json|still holds the placeholder <my-corporate-cidr>",
        "test|bucket-as-rcp|--rcp " + GT + "|is not a resource control policy: it is a bucket policy",
        "test|scp-as-rcp|--rcp " + SCP + "|is not a resource control policy"})
    void wrongLayerFilesAreBadInput(String command, String name, String option, String says) {
        String request = command.equals("simulate") ? " --action s3:GetObject " + OBJECT : " --cases " + DIR + "gt.cases.jsonl";
        Cli.Result r = Cli.run(argv(command, GT + request + " " + option));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).singleElement().asString().contains(says).contains(option.split(" ")[1]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not an ARN|--source-vpc-arn vpc-1a2b3c4d|gtvpc: --source-vpc-arn: 'vpc-1a2b3c4d' is a VPC ID, not its ARN; give it as --source-vpc,"
                + " or its ARN arn:aws:ec2:REGION:ACCOUNT:vpc/vpc-1a2b3c4d",
        "two VPCs|--source-vpc vpc-11111111 --source-vpc-arn arn:aws:ec2:us-east-1:210987654321:vpc/vpc-1a2b3c4d|gtvpc: --source-vpc-arn:"
                + " arn:aws:ec2:us-east-1:210987654321:vpc/vpc-1a2b3c4d is the ARN of vpc-1a2b3c4d, and --source-vpc says vpc-11111111:"
                + " a request comes from one VPC; drop --source-vpc",
        "in context|--context aws:SourceVpcArn=arn:aws:ec2:us-east-1:210987654321:vpc-1a2b3c4d|gtvpc: --context aws:SourceVpcArn:"
                + " 'arn:aws:ec2:us-east-1:210987654321:vpc-1a2b3c4d' is not a VPC ARN: expected arn:aws:ec2:REGION:ACCOUNT:vpc/VPC_ID,"
                + " e.g. arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0abc1234def567890"})
    void aVpcArnMustBeOne(String name, String options, String says) {
        Cli.Result r = Cli.run(argv("simulate", DIR + "sourcevpcarn-account-filled.json --action s3:GetObject " + OBJECT + " " + options));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(says + "\n");
    }

    @org.junit.jupiter.api.Test
    void aCaseDecidedByAnotherLayerThanItNamesFailsAndAnUnknownLayerIsAnError() {
        String object = "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::labeling-data/a.jpg\",\"bucketAccount\":\"210987654321\"";
        String cases = "{\"id\":\"wrong layer\"," + object + ",\"context\":{\"aws:SourceIp\":\"198.51.100.7\"},\"expect\":\"deny\","
                + "\"expectLayer\":\"rcp\"}\n"
                + "{\"id\":\"no such layer\"," + object + ",\"expect\":\"deny\",\"expectLayer\":\"firewall\"}\n";
        Cli.Result r = Cli.runWithStdin(cases, "policy", "test", GT, "--cases", "-", "--rcp", RCP);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("FAIL  wrong layer: expected deny, got EXPLICIT_DENY — decided by bucket statement"
                + " DenyAccessFromNonGTandCustomerVPC of " + GT + ", not by the rcp layer\n"
                + "ERROR no such layer: \"expectLayer\" must be one of rcp, scp, endpoint, bucket, identity, not \"firewall\"\n"
                + "0 passed, 1 failed, 1 could not be run\n");
    }

    private static String[] argv(String command, String args) {
        List<String> argv = new ArrayList<>(List.of("policy", command));
        argv.addAll(List.of(args.split(" ")));
        return argv.toArray(String[]::new);
    }
}
