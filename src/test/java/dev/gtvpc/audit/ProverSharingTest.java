package dev.gtvpc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Buckets of different accounts stamped from one template share a proof: what each bucket is told must
 * be what its own proof would have said. The rows are audit/config-rows.jsonl (published templates, see
 * audit/SOURCES.md), copied into three accounts whose insides differ only by the account.
 */
class ProverSharingTest {
    private static final List<String> ACCOUNTS = List.of("210000000000", "310000000000", "410000000000");

    private static AuditSettings settings() {
        Map<String, AuditSettings.Inside> insides = new java.util.HashMap<>();
        for (String a : ACCOUNTS) {
            insides.put(a, new AuditSettings.Inside(List.of(), List.of(), List.of("arn:aws:iam::" + a + ":role/LabelingAdmin"),
                    Optional.of("arn:aws:iam::" + a + ":role/Admin"), Optional.empty()));
        }
        return new AuditSettings(true, AuditSettings.Inside.none(), insides, GroundTruthAccess.service(RegionTable.bundled()));
    }

    private static List<BucketRecord> records() throws IOException, Json.SyntaxException {
        List<BucketRecord> out = new ArrayList<>();
        for (String account : ACCOUNTS) {
            for (String row : Files.readAllLines(Golden.testResource("audit/config-rows.jsonl"))) {
                out.add(ConfigRecords.read(Json.parse(row.replace("210000000000", account)), "", "", "test", new String[1]).orElseThrow());
            }
        }
        return out;
    }

    @Test
    void aSharedProofTellsEachBucketWhatItsOwnProofWould() throws IOException, Json.SyntaxException {
        AuditSettings settings = settings();
        Prover shared = new Prover(settings);
        Prover own = new Prover(settings, false);
        for (BucketRecord r : records()) {
            BucketVerdict a = shared.judge(r);
            BucketVerdict b = own.judge(r);
            assertThat(a.verdict()).as(r.bucket() + " in " + r.account()).isEqualTo(b.verdict());
            assertThat(a.detail()).isEqualTo(b.detail());
            assertThat(a.properties()).isEqualTo(b.properties());
            assertThat(a.findings()).isEqualTo(b.findings());
            assertThat(a.counterexample()).isEqualTo(b.counterexample());
            assertThat(a.notes()).isEqualTo(b.notes());
        }
        assertThat(shared.distinctProofs()).isLessThan(own.distinctProofs());
    }

    @Test
    void aPolicyThatMatchesAccountsByPatternIsNotShared() {
        AuditSettings settings = settings();
        Prover shared = new Prover(settings);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringNotLike\":{\"aws:PrincipalAccount\":\"21*\"}}}]}";
        for (String account : ACCOUNTS) {
            shared.judge(BucketRecord.withPolicy("b", account, "us-east-1", policy, Map.of(), "test"));
        }
        assertThat(shared.distinctProofs()).isEqualTo(ACCOUNTS.size());
    }
}
