package dev.gtvpc.bench;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluations per second of Ground-Truth-style bucket policies: the policy gtvpc generates (one Deny,
 * three exemption keys) and a three-statement policy with an Allow, NotAction and IfExists, against
 * a rotating mix of requests from the internet, endpoints, Ground Truth, roles and other accounts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluatorBenchmark {
    static final String GENERATED = """
            {"Version":"2012-10-17","Statement":[{"Sid":"DenyAccessFromNonGTandCustomerVPC","Effect":"Deny","Principal":"*",
            "Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::labeling-data","arn:aws:s3:::labeling-data/*"],
            "Condition":{"StringNotEquals":{"aws:SourceVpce":["vpce-0123456789abcdef0","vpce-08408e335ebf95b40"],
            "aws:SourceVpc":"vpc-0abc1234def567890","aws:PrincipalArn":"arn:aws:iam::111122223333:role/LabelingAdmin"}}}]}""";
    static final String THREE_STATEMENTS = """
            {"Version":"2012-10-17","Statement":[
            {"Sid":"DenyOutside","Effect":"Deny","Principal":"*","NotAction":["s3:GetBucketLocation","s3:ListAllMyBuckets"],
             "Resource":["arn:aws:s3:::labeling-data","arn:aws:s3:::labeling-data/*"],
             "Condition":{"StringNotEqualsIfExists":{"aws:SourceVpce":["vpce-0123456789abcdef0","vpce-08408e335ebf95b40"]},
                          "ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/Labeling*"}}},
            {"Sid":"DenyInsecure","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::labeling-data/*",
             "Condition":{"Bool":{"aws:SecureTransport":"false"}}},
            {"Sid":"AllowPartner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"s3:GetObject",
             "Resource":"arn:aws:s3:::labeling-data/shared/*","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}}]}""";

    private Policy generated;
    private Policy threeStatements;
    private Request[] requests;
    private int next;

    @Setup
    public void setUp() {
        generated = PolicyReader.read(GENERATED, "generated").policy();
        threeStatements = PolicyReader.read(THREE_STATEMENTS, "three").policy();
        requests = requests().toArray(Request[]::new);
    }

    static List<Request> requests() {
        String object = "arn:aws:s3:::labeling-data/images/0001.jpg";
        List<Request> list = new ArrayList<>();
        String[] principals = {"arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/LabelingAdmin",
            "arn:aws:sts::111122223333:assumed-role/LabelingAdmin/jane", "arn:aws:iam::444455556666:role/partner", "anonymous"};
        List<Map<String, List<String>>> origins = List.of(
                Map.of("aws:SourceIp", List.of("203.0.113.9"), "aws:SecureTransport", List.of("true")),
                Map.of("aws:SourceVpce", List.of("vpce-0123456789abcdef0"), "aws:SourceVpc", List.of("vpc-0eeeeeeeeeeeeeee0")),
                Map.of("aws:SourceVpce", List.of("vpce-08408e335ebf95b40"), "aws:SourceVpc", List.of("vpc-0aaaaaaaaaaaaaaaa")),
                Map.of("aws:SourceVpce", List.of("vpce-0ddddddddddddddd0"), "aws:SourceVpc", List.of("vpc-0abc1234def567890")));
        for (String principal : principals) {
            for (Map<String, List<String>> origin : origins) {
                for (String action : new String[] {"s3:GetObject", "s3:PutObject", "s3:DeleteObject"}) {
                    list.add(new Request(action, object, RequestPrincipal.parse(principal), Optional.of("111122223333"),
                            ContextKeys.of(new LinkedHashMap<>(origin))).withPrincipalKeys());
                }
            }
        }
        return list;
    }

    @Benchmark
    public EvaluationResult generatedPolicy() {
        Request r = requests[next++ % requests.length];
        return Evaluator.evaluate(generated, r);
    }

    @Benchmark
    public EvaluationResult threeStatementPolicy() {
        Request r = requests[next++ % requests.length];
        return Evaluator.evaluate(threeStatements, r);
    }
}
