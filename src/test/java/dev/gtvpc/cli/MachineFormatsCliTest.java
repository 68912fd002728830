package dev.gtvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.testing.Cli;
import dev.gtvpc.testing.Golden;
import dev.gtvpc.testing.JsonData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** --format json (and junit) where a script or a CI job reads the result. */
class MachineFormatsCliTest {
    static final String POLICY = "src/test/resources/policytest/bucket-policy.json";
    static final String CASES = "src/test/resources/policytest/cases.jsonl";

    @Test
    void policyTestAsJson() {
        Cli.Result r = Cli.run("policy", "test", POLICY, "--cases", CASES, "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(2);
        Golden.assertMatches(Golden.testResource("golden/policytest/cases.json"), r.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) ((Map<String, Object>) JsonData.parse(r.out())).get("summary");
        assertThat(summary).containsEntry("passed", 2L).containsEntry("failed", 1L).containsEntry("errors", 1L);
    }

    @Test
    void policyTestAsJunitXmlThatAnXmlParserReads() throws Exception {
        Cli.Result r = Cli.run("policy", "test", POLICY, "--cases", CASES, "--format", "junit");
        assertThat(r.exit()).isEqualTo(2);
        Golden.assertMatches(Golden.testResource("golden/policytest/cases.junit.xml"), r.out());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        assertThat(cases.item(0).getAttributes().getNamedItem("name").getNodeValue())
                .isEqualTo("the internet is denied <and & \"quoted\">");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(1);
    }

    @Test
    void policyTestTextIsUnchangedAndAnUnknownFormatIsRefused() {
        Cli.Result text = Cli.run("policy", "test", POLICY, "--cases", CASES);
        assertThat(text.out()).startsWith("PASS  the internet is denied").endsWith("2 passed, 1 failed, 1 could not be run\n");
        Cli.Result bad = Cli.run("policy", "test", POLICY, "--cases", CASES, "--format", "xml");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("gtvpc: --format: 'xml' is not one of text, json, junit\n");
    }

    @Test
    void verifyJsonNamesTheFilesAndSaysWhetherTheProofWasComplete() {
        Cli.Result r = Cli.run("policy", "verify", "policies/generated/example-1.strict.json", "--region", "us-east-1",
                "--vpce", "vpce-1a2b3c4d", "--format", "json", "--equivalent-to", "policies/generated/example-1.aws-doc.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) JsonData.parse(r.out());
        assertThat(List.copyOf(json.keySet()).subList(0, 4)).containsExactly("file", "equivalentTo", "complete", "proved");
        assertThat(json).containsEntry("file", "policies/generated/example-1.strict.json")
                .containsEntry("equivalentTo", "policies/generated/example-1.aws-doc.json")
                .containsEntry("complete", true);
        Cli.Result stdin = Cli.runWithStdin(Golden.read(Golden.root().resolve("policies/generated/example-1.strict.json")),
                "policy", "verify", "-", "--region", "us-east-1", "--vpce", "vpce-1a2b3c4d", "--format", "json");
        @SuppressWarnings("unchecked")
        Map<String, Object> fromStdin = (Map<String, Object>) JsonData.parse(stdin.out());
        assertThat(fromStdin).containsEntry("file", "<stdin>").doesNotContainKey("equivalentTo");
    }
}
