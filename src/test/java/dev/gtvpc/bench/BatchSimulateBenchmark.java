package dev.gtvpc.bench;

import dev.gtvpc.eval.CaseRunner;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.render.EvaluationRenderer;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code policy simulate --cases} does per line, in one process: parse the JSON line (its inline
 * policy included), find the policy in the cache, evaluate, write the JSON answer line.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchSimulateBenchmark {
    private String[] lines;
    private CaseRunner runner;
    private int next;

    @Setup
    public void setUp() {
        String policy = Json.write(parse(EvaluatorBenchmark.GENERATED), false);
        List<String> list = new ArrayList<>();
        String[] principals = {"arn:aws:iam::111122223333:role/app", "arn:aws:iam::111122223333:role/LabelingAdmin", "anonymous"};
        String[] origins = {"{\"aws:SourceIp\":\"203.0.113.9\"}",
            "{\"aws:SourceVpce\":\"vpce-0123456789abcdef0\",\"aws:SourceVpc\":\"vpc-0eeeeeeeeeeeeeee0\"}",
            "{\"aws:SourceVpce\":\"vpce-08408e335ebf95b40\",\"aws:SourceVpc\":\"vpc-0aaaaaaaaaaaaaaaa\"}"};
        int id = 0;
        for (String principal : principals) {
            for (String origin : origins) {
                for (String action : new String[] {"s3:GetObject", "s3:PutObject"}) {
                    list.add("{\"id\":\"" + id++ + "\",\"policy\":" + policy + ",\"action\":\"" + action
                            + "\",\"resource\":\"arn:aws:s3:::labeling-data/images/0001.jpg\",\"principal\":\"" + principal
                            + "\",\"bucketAccount\":\"111122223333\",\"context\":" + origin + "}");
                }
            }
        }
        lines = list.toArray(String[]::new);
        runner = new CaseRunner(Optional.empty(), Path.of("."));
    }

    private static Json.Value parse(String text) {
        try {
            return Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public String lineInLineOut() {
        CaseRunner.Outcome o = runner.run(lines[next++ % lines.length]);
        return Json.write(EvaluationRenderer.json(o.id(), o.result().orElseThrow(), false), false);
    }
}
