package dev.gtvpc.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17.8: a GetBucketLocation answer that is not S3's XML — a proxy's HTML page served with
 * 200 — is a network error naming what came, never a region. The SDK alone reads such a page as
 * "no constraint", that is us-east-1, and another XML document as the text of its first element. A
 * GetBucketPolicy answer that is such a page is no policy either (issue 17.3).
 */
class BucketLocationAnswerCliTest {
    private static final String BUCKET = "portal-bucket";
    private static final String PAGE = "<!DOCTYPE html><html><head><title>Sign in to the network</title></head>"
            + "<body><form action=\"/login\"></form></body></html>";
    @RegisterExtension
    static final AwsServers AWS = AwsServers.stubsOnly().caller("arn:aws:iam::" + AwsStubs.ACCOUNT + ":user/tester", AwsStubs.ACCOUNT);

    private final WireMockServer server = AWS.stubs();
    @TempDir
    Path dir;

    private void s3Answers(String contentType, String body) {
        server.stubFor(get(urlPathEqualTo("/" + BUCKET)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType)
                .withBody(body)));
    }

    private Cli.Result dryRunApply(String region) throws IOException {
        String policy = Cli.run("policy", "generate", "--region", region, "--bucket", BUCKET, "--vpc", "vpc-0abc1234def567890").out();
        Path file = Files.writeString(dir.resolve("p.json"), policy);
        return Cli.runIn(AWS.context(), null, "policy", "apply", file.toString(),
                "--bucket", BUCKET, "--region", region, "--dry-run");
    }

    @Test
    void anHtmlPageIsNotUsEast1() throws IOException {
        s3Answers("text/html; charset=utf-8", PAGE);
        Cli.Result r = dryRunApply("us-east-1");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("gtvpc: GetBucketLocation on bucket " + BUCKET + " failed: the answer is not S3's"
                + " LocationConstraint XML (HTTP 200, Content-Type text/html; charset=utf-8, a body that begins '<!DOCTYPE html><html><head>"
                + "<title>Sign i…') — a proxy or portal may be answering instead of S3; check --endpoint-url and the network (nothing was"
                + " taken for the bucket's region)\n");
        // the plan stopped at the region: the policy was never read as if the page were S3
        server.verify(0, getRequestedFor(urlMatching("/" + BUCKET + "\\?policy.*")));
    }

    @Test
    void anotherXmlDocumentDoesNotGiveItsTextAsTheRegion() throws IOException {
        s3Answers("application/xml", "<?xml version=\"1.0\"?><Status>eu-west-1</Status>");
        Cli.Result r = dryRunApply("eu-west-1");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).startsWith("gtvpc: GetBucketLocation on bucket " + BUCKET + " failed: the answer is not S3's"
                + " LocationConstraint XML (HTTP 200, Content-Type application/xml, a body that begins '<?xml version=\"1.0\"?>"
                + "<Status>eu-west-1</…')");
    }

    @Test
    void anHtmlPageIsNotTheBucketsPolicy() {
        // whole (its Content-Length matches), so it is no cut body; it is no policy either — it was written to -o with exit 0
        server.stubFor(get(urlPathEqualTo("/" + BUCKET)).withQueryParam("policy", matching(".*"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withHeader("Content-Length", String.valueOf(PAGE.length())).withBody(PAGE)));
        s3Answers("application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">eu-west-2</LocationConstraint>");
        Path saved = dir.resolve("saved.json");
        Cli.Result r = Cli.runIn(AWS.context(), null, "policy", "get", "--bucket", BUCKET,
                "--region", "eu-west-2", "-o", saved.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("gtvpc: GetBucketPolicy on bucket " + BUCKET + " failed: the answer is not a bucket policy (HTTP 200,"
                + " Content-Type text/html, a body that begins '<!DOCTYPE html><html><head><title>Sign i…') — a proxy or portal may be"
                + " answering instead of S3; check --endpoint-url and the network (nothing was taken for the bucket's policy)\n");
        assertThat(saved).doesNotExist();
        // a page is no cut body: asking again would give the same page
        server.verify(1, getRequestedFor(urlMatching("/" + BUCKET + "\\?policy.*")));
    }

    @Test
    void s3sOwnAnswerStillGivesTheRegion() throws IOException {
        // the example answer of https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html, with a real region
        s3Answers("application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">eu-west-2</LocationConstraint>");
        Cli.Result r = dryRunApply("us-east-1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("gtvpc: bucket " + BUCKET + " is in eu-west-2, not us-east-1");
    }
}
