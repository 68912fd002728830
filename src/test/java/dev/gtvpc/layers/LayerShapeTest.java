package dev.gtvpc.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape check of a layer file on the public corpus (src/test/resources/corpus, see its SOURCES.md):
 * every published RCP, SCP and endpoint policy is taken as what it is, and every bucket policy is refused
 * as an RCP, an SCP and an identity policy.
 */
class LayerShapeTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    /**
     * As published, two statements of AWS's aws:SourceVpc network RCP have no Principal, which the RCP syntax page requires
     * (orgs_manage_policies_rcps_syntax.html; fixed in the repository's later version, rcp/data-perimeter-network-perimeter-sourcevpc-rcp.json).
     */
    private static final String RCP_WITHOUT_PRINCIPAL = "data-perimeter-network-perimeter-sourcevpc-rcp-47045a0.json";
    /** Deny-only with Principal "*" whose Resource is no bucket ARN (a Terraform reference): nothing tells them from an RCP. */
    private static final List<String> NO_ARNS = List.of("kics-s3-bucket-policy-accepts-http-requests-positive1.json");
    /** Published without a Principal (S3 refuses them as bucket policies): they have an SCP's shape. */
    private static final List<String> NO_PRINCIPAL = List.of("sagemaker-gt-current-example-1.json", "terraform-compliance-issue-255.json");

    @Test
    void publishedPoliciesAreTakenForWhatTheyAre() throws IOException {
        assertThat(refused("rcp", Layer.RCP)).singleElement().asString().contains(RCP_WITHOUT_PRINCIPAL)
                .contains("statement SourceVPCRegion has no Principal");
        assertThat(refused("scp", Layer.SCP)).isEmpty();
        assertThat(refused("endpoint", Layer.ENDPOINT)).isEmpty();
    }

    /** Bucket policies are refused as an RCP, an SCP and an identity policy, but for the corpus's policies without a Principal or an ARN. */
    @Test
    void bucketPoliciesAreNoOtherLayer() throws IOException {
        List<String> takenAsRcp = new ArrayList<>();
        List<String> takenAsScp = new ArrayList<>();
        for (Path p : files("bucket")) {
            PolicyReader.Result r = PolicyReader.parse(Files.readString(p));
            if (!r.ok()) {
                continue; // the corpus keeps broken policies for lint; there is nothing to classify
            }
            Policy policy = r.parsed().get().policy();
            if (LayerShape.mismatch(Layer.RCP, policy).isEmpty()) {
                takenAsRcp.add(p.getFileName().toString());
            }
            if (LayerShape.mismatch(Layer.SCP, policy).isEmpty() || LayerShape.mismatch(Layer.IDENTITY, policy).isEmpty()) {
                takenAsScp.add(p.getFileName().toString());
            }
        }
        assertThat(takenAsRcp).as("bucket policies with an RCP's shape").containsExactlyInAnyOrder(NO_ARNS.toArray(String[]::new));
        assertThat(takenAsScp).as("bucket policies without a Principal").containsExactlyInAnyOrder(NO_PRINCIPAL.toArray(String[]::new));
    }

    private static List<String> refused(String dir, Layer layer) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path p : files(dir)) {
            LayerShape.mismatch(layer, read(p)).ifPresent(why -> out.add(p + ": " + why));
        }
        return out;
    }

    private static List<Path> files(String dir) throws IOException {
        try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Policy read(Path p) throws IOException {
        return PolicyReader.read(Files.readString(p), p.toString()).policy();
    }
}
