package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.eval.CaseRunner;
import dev.gtvpc.eval.ConditionTrace;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.RequestCase;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.layers.Deciding;
import dev.gtvpc.layers.Layer;
import dev.gtvpc.layers.LayeredResult;
import dev.gtvpc.render.LayeredRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test",
        header = "Run policy unit tests: requests with the decision each must get.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Unit tests for a bucket policy: every case of a JSON Lines file names a request and the decision it"
                    + " expects (\"expect\": \"allow\", \"deny\" or \"not-denied\"). Prints PASS or FAIL with the reason for"
                    + " each, then a summary. Exit 0 when all pass, 1 when one fails, 2 when a case cannot be read.",
            "",
            "Layers: with --rcp, --scp, --endpoint-policy or --identity-policy every case is decided by every layer AWS"
                    + " applies, as 'policy simulate' decides it; \"expect\" may then be \"implicit-deny\" (a guardrail's or a"
                    + " grant's want of an Allow), and \"expectLayer\" (rcp, scp, endpoint, bucket, identity) names the layer"
                    + " that must decide.",
            ""},
        footerHeading = "%nCase lines (the format of 'policy simulate --cases', plus \"expect\"):%n",
        footer = {
            "  {\"id\":\"internet is denied\", \"action\":\"s3:GetObject\", \"resource\":\"arn:aws:s3:::b/k\",",
            "   \"principal\":\"arn:aws:iam::111122223333:role/app\", \"expect\":\"deny\"}",
            "  {\"id\":\"ground truth gets in\", \"action\":\"s3:PutObject\", \"resource\":\"arn:aws:s3:::b/k\",",
            "   \"context\":{\"aws:SourceVpce\":\"vpce-08408e335ebf95b40\"}, \"expect\":\"not-denied\"}",
            "  {\"id\":\"the RCP keeps the internet out\", \"action\":\"s3:GetObject\", \"resource\":\"arn:aws:s3:::b/k\",",
            "   \"principal\":\"arn:aws:iam::111122223333:role/app\", \"expect\":\"deny\", \"expectLayer\":\"rcp\"}",
            "  Blank lines and lines starting with # are skipped; a file with no case is an error (exit 2).",
            "",
            "Examples:",
            "  gtvpc policy test bucket-policy.json --cases bucket-policy.cases.jsonl",
            "  gtvpc policy test bucket-policy.json --cases bucket-policy.cases.jsonl --format junit > TEST-policy.xml",
            "  gtvpc policy test bucket-policy.json --cases perimeter.cases.jsonl --rcp network-perimeter-rcp.json"})
public final class PolicyTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    IacOptions.ForRequests iac;

    @Parameters(index = "0", arity = "0..1", paramLabel = "POLICY",
            description = "The policy the cases test (a file, or -); a case may name its own instead.")
    Path policyFile;

    @Option(names = "--cases", required = true, paramLabel = "FILE", description = "The cases, JSON Lines (- for standard input).")
    Path cases;

    @picocli.CommandLine.Mixin
    Formats.Test.Option format;

    @picocli.CommandLine.Mixin
    UnknownActionOption unknownAction;

    @picocli.CommandLine.Mixin
    LayerOptions layerOptions;

    /**
     * One case's outcome: pass, fail or error, with what a reader needs to act on it; with layer options, the
     * statements (or wants of an Allow) that decided, in their layers.
     */
    record Result(int line, String name, String status, Optional<String> expected, Optional<String> decision, String detail,
            List<Deciding> deciding) {
        Result(int line, String name, String status, Optional<String> expected, Optional<String> decision, String detail) {
            this(line, name, status, expected, decision, detail, List.of());
        }
    }

    @Override
    public Integer call() {
        CasesInput.refuseBothFromStdin(Inputs.name(policyFile), Inputs.name(cases));
        Formats.Test chosen = format.value();
        CaseRunner runner = CasesInput.runner(Inputs.of(spec), Inputs.name(policyFile), iac, Inputs.name(cases), unknownAction.allowed);
        Optional<LayeredRequests> layered = layerOptions.any() ? Optional.of(new LayeredRequests(layerOptions.layers(Inputs.of(spec), iac, true)))
                : Optional.empty();
        PrintWriter out = spec.commandLine().getOut();
        int[] counts = new int[3]; // passed, failed, errors
        List<Result> results = new java.util.ArrayList<>();
        CasesInput.forEach(Inputs.name(cases), Inputs.of(spec), (number, text) -> {
            CaseRunner.Outcome o = runner.run(text);
            String name = o.id().orElse("line " + number);
            Optional<RequestCase.Expectation> expect = o.requestCase().flatMap(RequestCase::expect);
            Optional<String> expectLayer = o.requestCase().flatMap(RequestCase::expectLayer);
            Optional<LayeredResult> all = layered.flatMap(l -> l.decide(o));
            Optional<String> error = all.isPresent() ? all.get().decision().isEmpty() ? Optional.of(String.join("; ", all.get().errors()))
                    : Optional.empty() : o.error();
            Result r;
            if (error.isPresent()) {
                counts[2]++;
                r = new Result(number, name, "error", expect.map(RequestCase.Expectation::word), Optional.empty(), error.get());
            } else if (expect.isEmpty()) {
                counts[2]++;
                r = new Result(number, name, "error", Optional.empty(), Optional.empty(),
                        "the case has no \"expect\" (allow, deny, not-denied or implicit-deny)");
            } else if (expectLayer.isPresent() && LAYER_WORDS.stream().noneMatch(expectLayer.get()::equals)) {
                counts[2]++;
                r = new Result(number, name, "error", Optional.of(expect.get().word()), Optional.empty(),
                        "\"expectLayer\" must be one of " + String.join(", ", LAYER_WORDS) + ", not \"" + expectLayer.get() + "\"");
            } else {
                List<Deciding> deciding = all.map(LayeredResult::deciding).orElseGet(() -> bucketOnly(o.result().orElseThrow()));
                Decision decision = all.isPresent() ? all.get().decision().orElseThrow() : o.result().orElseThrow().decision().orElseThrow();
                boolean layerRight = expectLayer.isEmpty() || deciding.stream().anyMatch(d -> d.layer().word().equals(expectLayer.get()));
                if (decision == expect.get().decision() && layerRight) {
                    counts[0]++;
                    r = new Result(number, name, "pass", Optional.of(expect.get().word()), Optional.of(decision.name()), "", deciding);
                } else {
                    counts[1]++;
                    String why = all.map(PolicyTestCommand::why).orElseGet(() -> why(o.result().orElseThrow()));
                    r = new Result(number, name, "fail", Optional.of(expect.get().word()), Optional.of(decision.name()),
                            decision == expect.get().decision() ? "decided by " + (deciding.isEmpty() ? "no statement"
                                    : String.join("; ", deciding.stream().map(Deciding::label).toList())) + ", not by the "
                                    + expectLayer.orElseThrow() + " layer" : why, deciding);
                }
            }
            if (chosen == Formats.Test.TEXT) {
                // streamed: a long case file shows progress
                out.println(text(r, layered.isPresent()));
            } else {
                results.add(r);
            }
        });
        if (counts[0] + counts[1] + counts[2] == 0) {
            // zero of zero passing is not a passing suite: an empty or all-comment file tests nothing
            throw CasesInput.noCases(Inputs.name(cases), "tested");
        }
        switch (chosen) {
            case JSON -> out.print(json(results, counts));
            case JUNIT -> out.print(junit(results, counts));
            case TEXT -> out.println(counts[0] + " passed, " + counts[1] + " failed"
                    + (counts[2] > 0 ? ", " + counts[2] + " could not be run" : ""));
        }
        out.flush();
        if (counts[2] > 0) {
            return ExitCode.BAD_INPUT.code();
        }
        return counts[1] > 0 ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }

    private static String text(Result r, boolean layered) {
        return switch (r.status()) {
            case "pass" -> "PASS  " + r.name() + ": " + r.decision().orElseThrow() + (r.deciding().isEmpty() || !layered ? ""
                    : " (" + String.join(", ", r.deciding().stream().map(d -> d.layer().word()).distinct().toList()) + ")");
            case "fail" -> "FAIL  " + r.name() + ": expected " + r.expected().orElseThrow() + ", got " + r.decision().orElseThrow()
                    + " — " + r.detail();
            default -> "ERROR " + r.name() + ": " + r.detail();
        };
    }

    private String json(List<Result> results, int[] counts) {
        List<dev.gtvpc.policy.io.Json.Value> items = new java.util.ArrayList<>();
        for (Result r : results) {
            List<dev.gtvpc.policy.io.Json.Member> m = new java.util.ArrayList<>();
            m.add(dev.gtvpc.policy.io.Json.member("id", dev.gtvpc.policy.io.Json.str(r.name())));
            m.add(dev.gtvpc.policy.io.Json.member("line", number(r.line())));
            m.add(dev.gtvpc.policy.io.Json.member("status", dev.gtvpc.policy.io.Json.str(r.status())));
            r.expected().ifPresent(e -> m.add(dev.gtvpc.policy.io.Json.member("expected", dev.gtvpc.policy.io.Json.str(e))));
            r.decision().ifPresent(d -> m.add(dev.gtvpc.policy.io.Json.member("decision", dev.gtvpc.policy.io.Json.str(d))));
            if (!r.detail().isEmpty()) {
                m.add(dev.gtvpc.policy.io.Json.member(r.status().equals("error") ? "error" : "reason", dev.gtvpc.policy.io.Json.str(r.detail())));
            }
            if (layerOptions.any() && !r.status().equals("error")) {
                m.add(dev.gtvpc.policy.io.Json.member("layers", LayeredRenderer.deciding(r.deciding())));
            }
            items.add(dev.gtvpc.policy.io.Json.obj(m));
        }
        List<dev.gtvpc.policy.io.Json.Member> top = new java.util.ArrayList<>();
        top.add(dev.gtvpc.policy.io.Json.member("cases", dev.gtvpc.policy.io.Json.str(Inputs.name(cases).equals("-") ? "<stdin>" : Inputs.name(cases))));
        if (policyFile != null) {
            top.add(dev.gtvpc.policy.io.Json.member("policy", dev.gtvpc.policy.io.Json.str(Inputs.name(policyFile).equals("-") ? "<stdin>" : Inputs.name(policyFile))));
        }
        top.add(dev.gtvpc.policy.io.Json.member("results", dev.gtvpc.policy.io.Json.arr(items)));
        top.add(dev.gtvpc.policy.io.Json.member("summary", dev.gtvpc.policy.io.Json.obj(List.of(
                dev.gtvpc.policy.io.Json.member("passed", number(counts[0])),
                dev.gtvpc.policy.io.Json.member("failed", number(counts[1])),
                dev.gtvpc.policy.io.Json.member("errors", number(counts[2]))))));
        return dev.gtvpc.policy.io.Json.write(dev.gtvpc.policy.io.Json.obj(top), true) + "\n";
    }

    private static dev.gtvpc.policy.io.Json.Num number(int n) {
        return new dev.gtvpc.policy.io.Json.Num(Integer.toString(n), dev.gtvpc.policy.io.SourceLocation.START);
    }

    /**
     * The JUnit XML that CI report viewers read (the Ant/Surefire schema's common subset): one
     * testsuite, a testcase per case; a failed case has a failure, a case that could not run an error.
     */
    private String junit(List<Result> results, int[] counts) {
        String suite = "gtvpc policy test " + (Inputs.name(cases).equals("-") ? "<stdin>" : Inputs.name(cases));
        String classname = policyFile == null ? "cases" : Inputs.name(policyFile).equals("-") ? "<stdin>" : Inputs.name(policyFile);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites tests=\"").append(results.size()).append("\" failures=\"").append(counts[1])
                .append("\" errors=\"").append(counts[2]).append("\">\n");
        x.append("  <testsuite name=\"").append(xml(suite)).append("\" tests=\"").append(results.size())
                .append("\" failures=\"").append(counts[1]).append("\" errors=\"").append(counts[2]).append("\" skipped=\"0\">\n");
        for (Result r : results) {
            x.append("    <testcase classname=\"").append(xml(classname)).append("\" name=\"").append(xml(r.name())).append('"');
            switch (r.status()) {
                case "pass" -> x.append("/>\n");
                case "fail" -> x.append(">\n      <failure type=\"decision\" message=\"")
                        .append(xml("expected " + r.expected().orElseThrow() + ", got " + r.decision().orElseThrow()))
                        .append("\">").append(xml(r.detail())).append("</failure>\n    </testcase>\n");
                default -> x.append(">\n      <error type=\"bad-case\" message=\"").append(xml(r.detail()))
                        .append("\">line ").append(r.line()).append("</error>\n    </testcase>\n");
            }
        }
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString();
    }

    private static String xml(String s) {
        return dev.gtvpc.render.Xml.escape(s);
    }

    private static final List<String> LAYER_WORDS = java.util.Arrays.stream(Layer.values()).map(Layer::word).toList();

    /** The bucket policy's deciding statements, as a layered decision names them (the policy's file is the run's). */
    private static List<Deciding> bucketOnly(EvaluationResult result) {
        return result.deciding().stream().map(s -> new Deciding(Layer.BUCKET, Optional.empty(), Optional.empty(), Optional.of(s.label())))
                .toList();
    }

    /** The layers' statements that decided; or, when none did, what the decision means. */
    private static String why(LayeredResult result) {
        return result.deciding().isEmpty() ? LayeredRenderer.meaning(result.decision().orElseThrow(), result)
                : "decided by " + String.join("; ", result.labels());
    }

    /** The statement that decided and its conditions; or, when none applied, why each did not. */
    private static String why(EvaluationResult result) {
        List<StatementTrace> deciding = result.deciding();
        if (!deciding.isEmpty()) {
            StatementTrace s = deciding.get(0);
            StringBuilder b = new StringBuilder("statement " + s.label() + " applies");
            for (ConditionTrace c : s.conditions()) {
                b.append("; ").append(c.operator()).append(' ').append(c.key()).append(": ").append(c.explanation());
            }
            return b.toString();
        }
        StringBuilder b = new StringBuilder("no statement applies");
        for (StatementTrace s : result.statements()) {
            b.append("; ").append(s.label()).append(": ").append(s.reason());
            for (ConditionTrace c : s.conditions()) {
                b.append(" (").append(c.explanation()).append(')');
            }
        }
        return b.toString();
    }
}
