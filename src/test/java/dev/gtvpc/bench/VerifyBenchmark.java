package dev.gtvpc.bench;

import dev.gtvpc.policy.Condition;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.ConditionValues;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.verify.VerificationReport;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.verify.VerifyInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to verify every property of a policy with N endpoints and 20 statements, all N endpoints named
 * as inputs (so vpce-can-access is asked N times), every property proved. The endpoints sit in the
 * main Deny; 19 smaller statements (per-prefix Denies on ACLs, a Deny on insecure transport) surround it. Above about 800 endpoints such a
 * policy passes S3's 20 KB, so the model is built without the reader's size check: the benchmark
 * measures how verification grows, not what S3 accepts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerifyBenchmark {
    @Param({"1", "10", "100", "200", "500", "1000"})
    public int endpoints;

    private Policy policy;
    private VerifyInputs inputs;

    @Setup
    public void setUp() {
        List<String> vpces = new ArrayList<>();
        for (int i = 0; i < endpoints; i++) {
            vpces.add(String.format("vpce-%017x", 0x1000L + i));
        }
        StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        json.append("{\"Sid\":\"DenyOutsideVpc\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\","
                + "\"s3:DeleteObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::labeling-data\",\"arn:aws:s3:::labeling-data/*\"],"
                + "\"Condition\":{\"StringNotEquals\":{");
        json.append("\"aws:SourceVpc\":\"vpc-0abc1234def567890\",\"aws:PrincipalArn\":\"arn:aws:iam::210987654321:role/Admin\"}}}");
        for (int s = 1; s < 19; s++) {
            json.append(",{\"Sid\":\"DenyPrefix").append(s).append("\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:PutObjectAcl\","
                    + "\"Resource\":\"arn:aws:s3:::labeling-data/locked-").append(s).append("/*\",\"Condition\":{\"StringNotEquals\":"
                    + "{\"aws:PrincipalArn\":\"arn:aws:iam::210987654321:role/Admin\"}}}");
        }
        json.append(",{\"Sid\":\"DenyInsecure\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":"
                + "\"arn:aws:s3:::labeling-data/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}");
        json.append("]}");
        policy = readWithoutSizeLimit(json.toString(), vpces);
        inputs = VerifyInputs.of("us-east-1", "aws", "labeling-data", "210987654321")
                .withServiceEndpoints(List.of(GroundTruthAccess.endpoint("vpce-08408e335ebf95b40", "us-east-1")))
                .withNetwork(List.of("vpc-0abc1234def567890"), vpces, List.of())
                .withPrincipals(List.of("arn:aws:iam::210987654321:role/Admin"), Optional.empty())
                .withActions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"));
    }

    /**
     * The statements are read one at a time (each under S3's size limit but the main one, which is
     * built directly: with 1,000 endpoints it alone passes 20 KB).
     */
    static Policy readWithoutSizeLimit(String json, List<String> vpces) {
        try {
            Json.Obj root = (Json.Obj) Json.parse(json);
            List<Statement> statements = new ArrayList<>();
            for (Json.Value s : ((Json.Arr) root.get("Statement").orElseThrow()).items()) {
                String one = "{\"Version\":\"2012-10-17\",\"Statement\":[" + Json.write(s, false) + "]}";
                statements.add(PolicyReader.read(one, "bench").policy().statements().get(0));
            }
            List<String> exempt = new ArrayList<>(List.of("vpce-08408e335ebf95b40"));
            exempt.addAll(vpces);
            Statement main = statements.get(0);
            ConditionBlock block = main.condition().orElseThrow().blocks().get(0);
            List<ConditionEntry> entries = new ArrayList<>(block.entries());
            entries.add(0, new ConditionEntry("aws:SourceVpce", ConditionValues.strings(exempt)));
            statements.set(0, main.toBuilder().condition(new Condition(List.of(new ConditionBlock(block.operator(), entries)))).build());
            return Policy.builder().statements(statements).build();
        } catch (Json.SyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public VerificationReport verify() {
        return Verifier.verify(policy, inputs, Optional.empty());
    }
}
