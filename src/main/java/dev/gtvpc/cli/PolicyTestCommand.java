package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.eval.CaseRunner;
import dev.gtvpc.eval.ConditionTrace;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.RequestCase;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.policy.Policy;
import java.io.PrintWriter;
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
            ""},
        footerHeading = "%nCase lines (the format of 'policy simulate --cases', plus \"expect\"):%n",
        footer = {
            "  {\"id\":\"internet is denied\", \"action\":\"s3:GetObject\", \"resource\":\"arn:aws:s3:::b/k\",",
            "   \"principal\":\"arn:aws:iam::111122223333:role/app\", \"expect\":\"deny\"}",
            "  {\"id\":\"ground truth gets in\", \"action\":\"s3:PutObject\", \"resource\":\"arn:aws:s3:::b/k\",",
            "   \"context\":{\"aws:SourceVpce\":\"vpce-08408e335ebf95b40\"}, \"expect\":\"not-denied\"}",
            "  Blank lines and lines starting with # are skipped; a file with no case is an error (exit 2).",
            "",
            "Example:",
            "  gtvpc policy test bucket-policy.json --cases bucket-policy.cases.jsonl"})
public final class PolicyTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    IacOptions.ForRequests iac;

    @Parameters(index = "0", arity = "0..1", paramLabel = "POLICY",
            description = "The policy the cases test (a file, or -); a case may name its own instead.")
    String policyFile;

    @Option(names = "--cases", required = true, paramLabel = "FILE", description = "The cases, JSON Lines (- for standard input).")
    String cases;

    @Override
    public Integer call() {
        if ("-".equals(policyFile) && "-".equals(cases)) {
            throw dev.gtvpc.GtvpcException.badInput("POLICY and --cases cannot both be standard input");
        }
        Optional<Policy> policy = Optional.ofNullable(policyFile).map(f -> PolicyInput.read(f, iac).parsed().policy());
        CaseRunner runner = new CaseRunner(policy, CasesInput.baseDir(cases),
                request -> RequestChecks.check(request, RequestChecks.Names.CASE_FIELDS));
        PrintWriter out = spec.commandLine().getOut();
        int[] counts = new int[3]; // passed, failed, errors
        CasesInput.forEach(cases, (number, text) -> {
            CaseRunner.Outcome o = runner.run(text);
            String name = o.id().orElse("line " + number);
            Optional<RequestCase.Expectation> expect = o.requestCase().flatMap(RequestCase::expect);
            if (o.error().isPresent()) {
                counts[2]++;
                out.println("ERROR " + name + ": " + o.error().get());
            } else if (expect.isEmpty()) {
                counts[2]++;
                out.println("ERROR " + name + ": the case has no \"expect\" (allow, deny or not-denied)");
            } else {
                EvaluationResult result = o.result().orElseThrow();
                Decision decision = result.decision().orElseThrow();
                if (decision == expect.get().decision()) {
                    counts[0]++;
                    out.println("PASS  " + name + ": " + decision);
                } else {
                    counts[1]++;
                    out.println("FAIL  " + name + ": expected " + expect.get().word() + ", got " + decision + " — " + why(result));
                }
            }
        });
        if (counts[0] + counts[1] + counts[2] == 0) {
            // zero of zero passing is not a passing suite: an empty or all-comment file tests nothing
            throw dev.gtvpc.GtvpcException.badInput("--cases: no cases in " + (cases.equals("-") ? "standard input" : cases)
                    + " (only blank or # lines); nothing was tested");
        }
        out.println(counts[0] + " passed, " + counts[1] + " failed" + (counts[2] > 0 ? ", " + counts[2] + " could not be run" : ""));
        out.flush();
        if (counts[2] > 0) {
            return ExitCode.BAD_INPUT.code();
        }
        return counts[1] > 0 ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
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
