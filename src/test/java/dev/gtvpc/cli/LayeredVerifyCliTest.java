package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code policy verify} with layers (src/test/resources/verify/layers, see its SOURCES.md): AWS's VPCE-org-ID
 * network RCP as published and filled in over a Ground Truth bucket policy (Ground Truth's endpoint is an AWS
 * account's, not the organization's: refuted, naming the RCP statement), the RCP {@code rcp generate --ground-truth}
 * writes with the same values (proved), a bucket with no bucket policy proved inside by the RCP alone, and layer files of the
 * wrong type or with placeholders (bad input).
 */
class LayeredVerifyCliTest {
    private static final String DIR = "src/test/resources/verify/layers/";
    private static final String GT = DIR + "gt-bucket.json --region us-east-1 --bucket-account 210987654321 --org-id o-gtvpc00001"
            + " --vpce vpce-0123456789abcdef0";
    /** The command that wrote rcp-generated-gt-us-east-1.json: the filled-in RCP's values and Ground Truth's exception. */
    private static final String RCP_GENERATE = "rcp generate --org-id o-gtvpc00001 --cidr 203.0.113.0/24 --service-account"
            + " 127311923021,222233334444 --vpce-account 444455556666,777788889999 --exclude-tags --only-tagged --ground-truth us-east-1";
    private static final String NO_POLICY = "--no-bucket-policy --bucket labeling-data --region us-east-1 --bucket-account 210987654321"
            + " --no-ground-truth --org-id o-gtvpc00001 --principal-tag dp:include:network=true --bucket-tag none --org-endpoints"
            + " --endpoint-account 444455556666,777788889999 --cidr 203.0.113.0/24 --aws-service-access"
            + " --role-arn arn:aws:iam::210987654321:role/aws:ec2-infrastructure";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gt-rcp-refuted.txt|1|" + GT + " --rcp " + DIR + "rcp-vpceorgid-filled.json",
        "gt-rcp-refuted.json|1|" + GT + " --rcp " + DIR + "rcp-vpceorgid-filled.json --format json",
        "gt-rcp-exception.txt|0|" + GT + " --rcp " + DIR + "rcp-generated-gt-us-east-1.json",
        "no-bucket-policy-rcp.txt|0|" + NO_POLICY + " --rcp " + DIR + "rcp-vpceorgid-filled.json",
        "no-bucket-policy-untagged-unknown.txt|1|--no-bucket-policy --bucket labeling-data --region us-east-1 --bucket-account 210987654321"
                + " --no-ground-truth --org-id o-gtvpc00001 --cidr 203.0.113.0/24 --rcp " + DIR + "rcp-vpceorgid-filled.json"})
    void verify(String golden, int exit, String args) {
        Cli.Result r = Cli.run(argv(args));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(exit);
        Golden.assertMatches(Golden.testResource("golden/verify/layers/" + golden), r.out());
    }

    /** The RCP gt-rcp-exception.txt proves Ground Truth's access under is exactly what {@code rcp generate --ground-truth} writes. */
    @Test
    void theProvedRcpIsWhatRcpGenerateWrites() throws IOException {
        Cli.Result r = Cli.run(RCP_GENERATE.split(" "));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(Golden.testResource("verify/layers/rcp-generated-gt-us-east-1.json")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "placeholders|--rcp " + DIR + "rcp-vpceorgid-as-published.json|still holds the placeholder <my-corporate-cidr>",
        "rcp-as-scp|--scp " + DIR + "rcp-vpceorgid-filled.json|is not a service control policy: it is a resource-based policy",
        "bucket-as-rcp|--rcp " + DIR + "gt-bucket.json|is not a resource control policy: it is a bucket policy",
        "bucket-as-endpoint|--endpoint-policy " + DIR + "gt-bucket.json|is not a VPC endpoint policy: it is a bucket policy's network perimeter",
        "bucket-as-identity|--identity-policy " + DIR + "gt-bucket.json|is not an identity policy: it is a resource-based policy"})
    void wrongLayerFilesAreBadInput(String name, String option, String says) {
        Cli.Result r = Cli.run(argv(GT + " " + option));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).singleElement().asString().contains(says).contains(option.split(" ")[1]);
    }

    private static String[] argv(String args) {
        List<String> argv = new ArrayList<>(List.of("policy", "verify"));
        argv.addAll(List.of(args.split(" ")));
        return argv.toArray(String[]::new);
    }
}
