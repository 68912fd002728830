package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionsCliTest {
    @ParameterizedTest
    @CsvSource({
        "regions list, regions/list.txt",
        "regions list --format json, regions/list.json",
        "regions show eu-west-2, regions/show-eu-west-2.txt",
        "regions show ap-northeast-1 --format json, regions/show-ap-northeast-1.json"})
    void printsTheTable(String command, String golden) {
        Cli.Result r = Cli.run(command.split(" "));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        Golden.assertMatches(Golden.testResource("golden/" + golden), r.out());
    }

    @Test
    void aRegionsFileReplacesTheBundledTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("regions.json");
        Files.writeString(file, """
                {"regions": [{"region": "us-west-1",
                  "partition": {"value": "aws", "source": "https://example.com/p", "checked": "2027-01-02"},
                  "groundTruthEndpoint": {"value": "vpce-0123456789abcdef0", "source": "https://example.com/e", "checked": "2027-01-02"},
                  "lambdaAccount": {"value": "123456789012", "source": "https://example.com/l", "checked": "2027-01-02"}}]}
                """);
        Cli.Result list = Cli.run("regions", "list", "--regions-file", file.toString());
        assertThat(list.out()).isEqualTo("""
                REGION     PARTITION  GROUND TRUTH ENDPOINT   LAMBDA ACCOUNT
                us-west-1  aws        vpce-0123456789abcdef0  123456789012
                """);
        Cli.Result generated = Cli.run("policy", "generate", "--region", "us-west-1", "--bucket", "b-data",
                "--vpc", "vpc-12345678", "--regions-file", file.toString(), "--compact");
        assertThat(generated.exit()).isZero();
        assertThat(generated.out()).contains("\"aws:SourceVpce\":\"vpce-0123456789abcdef0\"");
        Cli.Result gone = Cli.run("policy", "generate", "--region", "us-east-1", "--bucket", "b-data",
                "--vpc", "vpc-12345678", "--regions-file", file.toString());
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).contains("(known regions: us-west-1); for a region added since this release, give a region table that has it with --regions-file FILE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"regions\": 1}|:1:13: \"regions\" must be an array",
        "{\"regions\": [{\"region\": \"us-east-1\"}]}|:1:14: /regions/0 has no \"partition\"",
        "not json|:1:1: invalid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
        "{\"regions\": [{\"region\": \"us-east-1\", \"partition\": {\"value\": \"aws\", \"source\": \"s\", \"checked\": \"2026-11-25\"}, \"groundTruthEndpoint\": {\"value\": \"vpc-12345678\", \"source\": \"s\", \"checked\": \"2026-11-25\"}, \"lambdaAccount\": {\"value\": \"123456789012\", \"source\": \"s\", \"checked\": \"2026-11-25\"}}]}|:1:14: us-east-1: 'vpc-12345678' is a VPC ID, not a VPC endpoint ID (vpce-…); pass it as a VPC",
        "{\"regions\": [{\"region\": \"cn-north-1\", \"partition\": {\"value\": \"aws\", \"source\": \"s\", \"checked\": \"2026-11-25\"}, \"groundTruthEndpoint\": {\"value\": \"vpce-12345678\", \"source\": \"s\", \"checked\": \"2026-11-25\"}, \"lambdaAccount\": {\"value\": \"123456789012\", \"source\": \"s\", \"checked\": \"2026-11-25\"}}]}|:1:14: cn-north-1 is in partition aws-cn, not aws",
        "{\"regions\": [{\"region\": \"us-east-1\", \"partition\": {\"value\": \"aws\", \"source\": \"s\", \"checked\": \"yesterday\"}}]}|:1:51: /regions/0/partition: \"checked\" must be a date such as 2026-11-25"})
    void aRegionsFileThatDoesNotCheckOutIsRefusedWhole(String content, String expected, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("regions.json");
        Files.writeString(file, content);
        Cli.Result r = Cli.run("regions", "list", "--regions-file", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("gtvpc: region table " + file + expected + "\n");
    }
}
