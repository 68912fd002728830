package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.eval.CaseRunner;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.DerivedKeys;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Evaluator;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestCase;
import dev.gtvpc.eval.RequestNotes;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.render.EvaluationRenderer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
            "  gtvpc policy simulate policy.json --cases requests.jsonl > decisions.jsonl"})
public final class PolicySimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    IacOptions.ForRequests iac;

    @Parameters(index = "0", arity = "0..1", paramLabel = "POLICY",
            description = "The bucket policy: a file, or - for standard input.")
    String policyFile;

    @Option(names = "--action", paramLabel = "ACTION", description = "The request's action, e.g. s3:GetObject.")
    String action;

    @Option(names = "--resource", paramLabel = "ARN",
            description = "The resource: arn:aws:s3:::BUCKET for bucket actions, arn:aws:s3:::BUCKET/KEY for objects.")
    String resource;

    @Option(names = "--principal-arn", paramLabel = "ARN", defaultValue = "anonymous",
            description = "Who asks: an IAM role, user or root ARN, an assumed-role session ARN, a service principal"
                    + " (sagemaker.amazonaws.com) or anonymous (the default).")
    String principal;

    @Option(names = "--session", paramLabel = "NAME",
            description = "The request comes from session NAME of the --principal-arn role: aws:PrincipalArn is then the"
                    + " role's ARN as given, path included (a session ARN does not show the path).")
    String session;

    @Option(names = "--org-id", paramLabel = "ORG_ID",
            description = "The bucket account's organization (o-…): principals of the bucket's account carry"
                    + " aws:PrincipalOrgID, the bucket aws:ResourceOrgID.")
    String orgId;

    @Option(names = "--org-path", paramLabel = "PATH", split = ",",
            description = "The bucket account's organization path (o-…/r-…/ou-…/), for aws:PrincipalOrgPaths and"
                    + " aws:ResourceOrgPaths (repeatable).")
    List<String> orgPaths = new ArrayList<>();

    @Option(names = "--bucket-account", paramLabel = "ACCOUNT",
            description = "The bucket owner's account: tells whether NOT_DENIED means \"identity policies decide\" or \"denied\".")
    String bucketAccount;

    @Option(names = "--source-vpce", paramLabel = "VPCE_ID", description = "Sets aws:SourceVpce: the request comes through this endpoint.")
    String sourceVpce;

    @Option(names = "--source-vpc", paramLabel = "VPC_ID", description = "Sets aws:SourceVpc: the endpoint's VPC.")
    String sourceVpc;

    @Option(names = "--source-ip", paramLabel = "IP", description = "Sets aws:SourceIp (requests over the internet).")
    String sourceIp;

    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "Any condition key; repeat a key for a multivalued one (--context aws:TagKeys=a --context aws:TagKeys=b).")
    List<String> context = new ArrayList<>();

    @Option(names = "--expect", completionCandidates = Converters.Expectations.class, paramLabel = "DECISION",
            description = "allow, deny or not-denied: exit 1 when the decision differs (for scripts and CI).")
    String expect;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            completionCandidates = Converters.TextOrJson.class,
            description = "text (default) or json. Batch mode always writes JSON Lines.")
    String format;

    @Option(names = "--trace", description = "With --format json or --cases: include every statement's trace.")
    boolean trace;

    @Option(names = "--cases", paramLabel = "FILE",
            description = "Batch mode: evaluate every request of a JSON Lines file (- for standard input). See below.")
    String cases;

    @Override
    public Integer call() {
        if (!Converters.TextOrJson.CHOICES.contains(format)) {
            throw GtvpcException.badInput("--format: '" + format + "' is not one of text, json");
        }
        if (cases != null) {
            return batch();
        }
        if (trace && format.equals("text")) {
            // the text output shows the deciding statements only; --trace would be silently ignored
            throw GtvpcException.badInput("--trace: the trace is part of the JSON output; add --format json (or use --cases)");
        }
        if (policyFile == null) {
            throw GtvpcException.badInput("name the POLICY file (or - for standard input), or give --cases FILE");
        }
        if (action == null || resource == null) {
            throw GtvpcException.badInput("give the request's --action and --resource (or --cases FILE for many requests)");
        }
        Optional<RequestCase.Expectation> expected = expectation();
        Policy policy = PolicyInput.read(Inputs.of(spec), policyFile, iac).parsed().policy();
        Request request = request();
        RequestChecks.check(request, CONTEXT_NAMES).ifPresent(problem -> {
            throw GtvpcException.badInput(problem);
        });
        EvaluationResult result = Evaluator.evaluate(policy, request).withNotes(RequestNotes.of(policy, request,
                session == null && request.principal().kind() == RequestPrincipal.Kind.ASSUMED_ROLE
                        && context.stream().noneMatch(kv -> kv.toLowerCase(java.util.Locale.ROOT).startsWith("aws:principalarn="))));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.print(Json.write(EvaluationRenderer.json(Optional.empty(), result, trace), true) + "\n");
        } else {
            out.print(EvaluationRenderer.text(request, result));
        }
        out.flush();
        if (result.decision().isEmpty()) {
            throw GtvpcException.badInput("no decision: " + String.join("; ", result.errors()));
        }
        Decision decision = result.decision().get();
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
                GtvpcException.badInput("--expect: '" + expect + "' is not one of allow, deny, not-denied")));
    }

    /** After the request options themselves are checked, what is left wrong came from --context. */
    private static final RequestChecks.Names CONTEXT_NAMES = new RequestChecks.Names("--action", "--resource", "--principal-arn",
            "--bucket-account", "--context aws:SourceVpce", "--context aws:SourceVpc", "--context aws:SourceIp", true);

    private Request request() {
        if (action != null) {
            RequestChecks.action(action).ifPresent(p -> {
                throw GtvpcException.badInput("--action: " + p);
            });
        }
        if (resource != null) {
            RequestChecks.resource(resource).ifPresent(p -> {
                throw GtvpcException.badInput("--resource: " + p);
            });
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        if (sourceVpce != null) {
            options.put("aws:SourceVpce", List.of(sourceVpce));
        }
        if (sourceVpc != null) {
            options.put("aws:SourceVpc", List.of(sourceVpc));
        }
        if (sourceIp != null) {
            options.put("aws:SourceIp", List.of(sourceIp));
        }
        RequestChecks.check(new Request("s3:GetObject", "arn:aws:s3:::b", RequestPrincipal.ANONYMOUS, Optional.empty(),
                ContextKeys.of(options)), RequestChecks.Names.OPTIONS).ifPresent(p -> {
                    throw GtvpcException.badInput(p);
                });
        if (bucketAccount != null && !AwsIds.isAccountId(bucketAccount)) {
            throw GtvpcException.badInput("--bucket-account: '" + bucketAccount + "' is not a 12-digit account ID");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (sourceVpce != null) {
            values.put("aws:SourceVpce", List.of(sourceVpce));
        }
        if (sourceVpc != null) {
            values.put("aws:SourceVpc", List.of(sourceVpc));
        }
        if (sourceIp != null) {
            values.put("aws:SourceIp", List.of(sourceIp));
        }
        for (String kv : context) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw GtvpcException.badInput("--context: '" + kv + "' is not KEY=VALUE");
            }
            String key = kv.substring(0, eq);
            String existing = values.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(key);
            values.computeIfAbsent(existing, k -> new ArrayList<>());
            List<String> list = new ArrayList<>(values.get(existing));
            list.add(kv.substring(eq + 1));
            values.put(existing, list);
        }
        RequestPrincipal who = RequestPrincipal.parse(principal);
        Optional<String> roleArn = Optional.empty();
        if (session != null) {
            who = RequestPrincipal.sessionOf(principal, session).orElseThrow(() -> GtvpcException.badInput(
                    "--session: --principal-arn must then be the role's ARN (arn:aws:iam::ACCOUNT:role/PATH/NAME), not '"
                            + principal + "'"));
            roleArn = Optional.of(principal);
        }
        Optional<String> org = Optional.ofNullable(orgId);
        org.ifPresent(o -> Validate.each("--org-id", List.of(o), AwsIds::checkOrgId));
        Validate.each("--org-path", orgPaths, AwsIds::checkOrgPath);
        if (org.isEmpty() && !orgPaths.isEmpty()) {
            throw GtvpcException.badInput("--org-path: give --org-id too (the organization the path starts with)");
        }
        if ((org.isPresent() || !orgPaths.isEmpty()) && bucketAccount == null) {
            throw GtvpcException.badInput("--org-id: give --bucket-account too: the organization is the bucket account's");
        }
        return new Request(action, resource, who, Optional.ofNullable(bucketAccount), ContextKeys.of(values))
                .withDerivedKeys(new DerivedKeys.Facts(roleArn, org, orgPaths));
    }

    private int batch() {
        if (action != null || resource != null || expect != null || !context.isEmpty() || sourceVpce != null
                || sourceVpc != null || sourceIp != null || bucketAccount != null || session != null || orgId != null
                || !orgPaths.isEmpty()) {
            throw GtvpcException.badInput("--cases takes each request from its file; drop the request options"
                    + " (--action, --resource, --context, --expect…)");
        }
        if ("-".equals(policyFile) && "-".equals(cases)) {
            throw GtvpcException.badInput("POLICY and --cases cannot both be standard input");
        }
        Optional<Policy> defaultPolicy = Optional.ofNullable(policyFile).map(f -> PolicyInput.read(Inputs.of(spec), f, iac).parsed().policy());
        CaseRunner runner = new CaseRunner(defaultPolicy, CasesInput.baseDir(cases),
                request -> RequestChecks.check(request, RequestChecks.Names.CASE_FIELDS));
        PrintWriter out = spec.commandLine().getOut();
        int[] errors = {0};
        int[] seen = {0};
        StringBuilder line = new StringBuilder(256);
        CasesInput.forEach(cases, Inputs.of(spec), (number, text) -> {
            seen[0]++;
            CaseRunner.Outcome o = runner.run(text);
            Json.Obj json;
            if (o.error().isPresent()) {
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
            throw GtvpcException.badInput("--cases: no cases in " + (cases.equals("-") ? "standard input" : cases)
                    + " (only blank or # lines); nothing was decided");
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
