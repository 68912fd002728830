package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.eval.CaseRunner;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestCase;
import dev.gtvpc.eval.RequestNotes;
import dev.gtvpc.layers.LayeredResult;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.render.EvaluationRenderer;
import dev.gtvpc.render.LayeredRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "simulate",
        header = "Decide a request against a policy as IAM does, and show why (or many, as JSON Lines).",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Decide one request against a bucket policy, as AWS would, and show why: which statements apply and"
                    + " which condition decided. Offline; nothing is sent to AWS.",
            "",
            "Decisions: EXPLICIT_DENY (a Deny applies; nothing can allow the request), ALLOW (an Allow applies and"
                    + " no Deny), NOT_DENIED (the bucket policy is silent: for a principal of the bucket's own account"
                    + " its identity policies decide; for another account, or anonymous, the request is denied).",
            "",
            "Keys derived from the principal (aws:PrincipalArn — the role's ARN for an assumed-role session —"
                    + " aws:PrincipalAccount, aws:username) are set unless --context sets them.",
            "",
            "Layers: with --rcp, --scp, --endpoint-policy or --identity-policy the request is decided by every layer AWS"
                    + " applies, each within its scope, and the output names the layer, file and statement that decided;"
                    + " IMPLICIT_DENY is a guardrail's or a grant's want of an Allow. An --scp reaches principals of the bucket's"
                    + " account, or of the organization when --context aws:PrincipalOrgID equals --org-id.",
            ""},
        footerHeading = "%nBatch mode (--cases): one JSON object a line, in, and one a line, out, in input order:%n",
        footer = {
            "  in:  {\"id\":\"1\", \"policy\":{...} or \"policyFile\":\"p.json\", \"action\":\"s3:GetObject\",",
            "       \"resource\":\"arn:aws:s3:::b/k\", \"principal\":\"ARN or anonymous\", \"bucketAccount\":\"111122223333\",",
            "       \"context\":{\"aws:SourceVpce\":\"vpce-…\", \"aws:TagKeys\":[\"a\",\"b\"]}}",
            "  out: {\"id\":\"1\", \"decision\":\"EXPLICIT_DENY\", \"statements\":[\"Sid or #index\"]}",
            "       or {\"id\":\"1\", \"error\":\"…\"} for a bad line; the other lines go on (exit 2 at the end).",
            "  A line without a policy uses POLICY. policyFile paths are relative to the cases file.",
            "  Each distinct policy is read once. Blank lines and lines starting with # are skipped; a file with no",
            "  case is an error. An unknown field is an error for its line (\"comment\" holds a note). A case is checked",
            "  as the options are: an S3 action of the catalogue, an S3 ARN, a principal, IDs and IPs of their form.",
            "",
            "Examples:",
            "  gtvpc policy simulate policy.json --action s3:GetObject --resource arn:aws:s3:::my-data/a.jpg \\",
            "      --principal-arn arn:aws:iam::111122223333:role/app --source-vpce vpce-0abc1234def567890 \\",
            "      --source-vpc vpc-0abc1234def567890 --expect not-denied",
            "  gtvpc policy simulate policy.json --action s3:GetObject --resource arn:aws:s3:::my-data/a.jpg \\",
            "      --principal-arn arn:aws:iam::111122223333:role/app --bucket-account 111122223333 --org-id o-a1b2c3d4e5 \\",
            "      --source-vpce vpce-0abc1234def567890 --rcp network-perimeter-rcp.json --scp network-perimeter-scp.json",
            "  gtvpc policy simulate policy.json --cases requests.jsonl > decisions.jsonl"})
public final class PolicySimulateCommand implements Callable<Integer>, OptionWording.Worded {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    IacOptions.ForRequests iac;

    @Parameters(index = "0", arity = "0..1", paramLabel = "POLICY",
            description = "The bucket policy: a file, or - for standard input.")
    Path policyFile;

    @Mixin
    RequestOptions request;

    @Mixin
    LayerOptions layerOptions;

    @Mixin
    UnknownActionOption unknownAction;

    @Option(names = "--expect", completionCandidates = Converters.Expectations.class, paramLabel = "DECISION",
            description = "allow, deny, not-denied or (with layers) implicit-deny: exit 1 when the decision differs (for scripts"
                    + " and CI).")
    String expect;

    @Mixin
    Formats.TextOrJson.Option format;

    @Option(names = "--trace", description = "With --format json or --cases: include every statement's trace.")
    boolean trace;

    @Option(names = "--cases", paramLabel = "FILE",
            description = "Batch mode: evaluate every request of a JSON Lines file (- for standard input). See below.")
    Path cases;

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--format", "text (default) or json. Batch mode always writes JSON Lines.");
    }

    @Override
    public Integer call() {
        Formats.TextOrJson chosen = format.value();
        if (cases != null) {
            return batch();
        }
        if (trace && chosen == Formats.TextOrJson.TEXT) {
            // the text output shows the deciding statements only; --trace would be silently ignored
            throw GtvpcException.badInput("--trace: the trace is part of the JSON output; add --format json (or use --cases)");
        }
        if (policyFile == null) {
            throw GtvpcException.badInput("name the POLICY file (or - for standard input), or give --cases FILE");
        }
        if (!request.complete()) {
            throw GtvpcException.badInput("give the request's --action and --resource (or --cases FILE for many requests)");
        }
        Optional<RequestCase.Expectation> expected = expectation();
        iac.deployedIn(null, request.bucketAccount.id);
        Policy policy = PolicyInput.read(Inputs.of(spec), Inputs.name(policyFile), iac).parsed().policy();
        Request asked = request.request(unknownAction.allowed);
        PrintWriter out = spec.commandLine().getOut();
        Optional<Decision> decided;
        List<String> errors;
        if (layerOptions.any()) {
            LayeredResult result = new LayeredRequests(layerOptions.layers(Inputs.of(spec), iac, true))
                    .decide(policy, Inputs.name(policyFile).equals("-") ? "<stdin>" : Inputs.name(policyFile), asked,
                            request.principalArnGuessed(asked));
            out.print(chosen == Formats.TextOrJson.JSON ? Json.write(LayeredRenderer.json(Optional.empty(), result, trace), true) + "\n"
                    : LayeredRenderer.text(asked, result));
            decided = result.decision();
            errors = result.errors();
        } else {
            EvaluationResult result = Evaluator.evaluate(policy, asked).withNotes(RequestNotes.of(policy, asked,
                    request.principalArnGuessed(asked)));
            out.print(chosen == Formats.TextOrJson.JSON ? Json.write(EvaluationRenderer.json(Optional.empty(), result, trace), true) + "\n"
                    : EvaluationRenderer.text(asked, result));
            decided = result.decision();
            errors = result.errors();
        }
        out.flush();
        if (decided.isEmpty()) {
            throw GtvpcException.badInput("no decision: " + String.join("; ", errors));
        }
        Decision decision = decided.get();
        if (expected.isPresent() && expected.get().decision() != decision) {
            spec.commandLine().getErr().println("gtvpc: expected " + expected.get().word() + ", got " + decision);
            return ExitCode.CHECK_FAILED.code();
        }
        return ExitCode.OK.code();
    }

    private Optional<RequestCase.Expectation> expectation() {
        if (expect == null) {
            return Optional.empty();
        }
        return Optional.of(RequestCase.Expectation.parse(expect).orElseThrow(() ->
                GtvpcException.badInput("--expect: '" + expect + "' is not one of allow, deny, not-denied, implicit-deny")));
    }

    private int batch() {
        if (request.anyGiven() || expect != null) {
            throw GtvpcException.badInput("--cases takes each request from its file; drop the request options"
                    + " (--action, --resource, --context, --expect…)");
        }
        CasesInput.refuseBothFromStdin(Inputs.name(policyFile), Inputs.name(cases));
        CaseRunner runner = CasesInput.runner(Inputs.of(spec), Inputs.name(policyFile), iac, Inputs.name(cases), unknownAction.allowed);
        Optional<LayeredRequests> layered = layerOptions.any() ? Optional.of(new LayeredRequests(layerOptions.layers(Inputs.of(spec), iac, true)))
                : Optional.empty();
        PrintWriter out = spec.commandLine().getOut();
        int[] errors = {0};
        int[] seen = {0};
        StringBuilder line = new StringBuilder(256);
        CasesInput.forEach(Inputs.name(cases), Inputs.of(spec), (number, text) -> {
            seen[0]++;
            CaseRunner.Outcome o = runner.run(text);
            Optional<LayeredResult> all = layered.flatMap(l -> l.decide(o));
            Json.Obj json;
            if (all.isPresent()) {
                errors[0] += all.get().decision().isEmpty() ? 1 : 0;
                json = LayeredRenderer.json(o.id(), all.get(), trace);
            } else if (o.error().isPresent()) {
                errors[0]++;
                json = EvaluationRenderer.error(o.id(), o.error().get());
                if (o.id().isEmpty()) {
                    json = Json.obj(prepend(Json.member("line", new Json.Num(Integer.toString(number), dev.gtvpc.policy.io.SourceLocation.START)), json.members()));
                }
            } else {
                json = EvaluationRenderer.json(o.id(), o.result().orElseThrow(), trace);
            }
            line.setLength(0);
            line.append(Json.write(json, false)).append('\n');
            out.write(line.toString());
        });
        out.flush();
        if (seen[0] == 0) {
            throw CasesInput.noCases(Inputs.name(cases), "decided");
        }
        if (errors[0] > 0) {
            spec.commandLine().getErr().println("gtvpc: " + errors[0] + " case" + (errors[0] == 1 ? "" : "s")
                    + " could not be evaluated (see their \"error\" fields)");
            return ExitCode.BAD_INPUT.code();
        }
        return ExitCode.OK.code();
    }

    private static List<Json.Member> prepend(Json.Member first, List<Json.Member> rest) {
        List<Json.Member> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
