package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.input.InputFormat;
import dev.gtvpc.input.PolicySource;
import dev.gtvpc.input.PolicyTarget;
import dev.gtvpc.input.TargetLinter;
import dev.gtvpc.lint.Baseline;
import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.Fixer;
import dev.gtvpc.lint.LintOptions;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.LintReport;
import dev.gtvpc.lint.LintTarget;
import dev.gtvpc.lint.Review;
import dev.gtvpc.lint.Suppression;
import dev.gtvpc.lint.Suppressions;
import dev.gtvpc.lint.Linter;
import dev.gtvpc.lint.Rules;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.PolicyWriter;
import dev.gtvpc.render.LintRenderer;
import dev.gtvpc.util.Suggestions;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lint",
        header = "Check policies for what S3 refuses, what does not work, what leaves the bucket open.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Check bucket policies offline for what S3 refuses, what does not work as written, and what leaves the"
                    + " bucket open: invalid JSON, duplicate keys, a missing Principal, VPC IDs among endpoint IDs,"
                    + " ForAllValues on single-valued keys, placeholders left from the AWS page, a Deny that locks"
                    + " Ground Truth or your administrators out, and more ('--list-rules').",
            "",
            "Severities are Access Analyzer's: error, security-warning, warning, suggestion. The Ground Truth rules run"
                    + " when --region is given or the policy names a Ground Truth endpoint.",
            ""},
        footerHeading = "%nExit codes: 0 no unsuppressed finding reaches --fail-on, 1 one does, 2 a file or the baseline cannot be read"
                + " or a file is not JSON (with --fail-on never: 0 whenever the report was written).%n",
        footer = {
            "",
            "Examples:",
            "  gtvpc policy lint bucket-policy.json",
            "  gtvpc policy lint --region us-east-1 --vpc vpc-0abc1234def567890 --fail-on warning policies/*.json",
            "  gtvpc policy lint --format sarif policies/*.json > gtvpc.sarif     # for GitHub code scanning",
            "  gtvpc policy lint --fix old-policy.json -o fixed-policy.json",
            "  terraform plan -out plan.out && terraform show -json plan.out > plan.json && gtvpc policy lint plan.json",
            "  gtvpc policy lint --cfn-param AWS::AccountId=111122223333 template.yaml",
            "  gtvpc policy lint cdk.out/MyStack.template.json --resource LabelsPolicy",
            "  gtvpc policy lint --create-baseline lint-baseline.json policies/*.json",
            "  gtvpc policy lint --baseline lint-baseline.json policies/*.json"})
public final class PolicyLintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Policy files, Terraform plans in JSON or CloudFormation/CDK templates"
            + " to lint; a directory: every *.json file under it (plans and CDK templates included; name YAML templates one by one; hidden directories skipped); - for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--region", completionCandidates = Converters.Regions.class, paramLabel = "REGION",
            description = "The bucket's region: turns on the Ground Truth rules and says which endpoint the policy must exempt.")
    String region;

    @Option(names = "--bucket", paramLabel = "BUCKET", description = "The bucket the policy is for (bucket-mismatch checks every Resource against it).")
    String bucket;

    @Option(names = "--vpc", paramLabel = "VPC_ID", split = ",", description = "Your VPC: the policy must not deny it (repeatable).")
    List<String> vpcs = new ArrayList<>();

    @Option(names = "--vpce", paramLabel = "VPCE_ID", split = ",", description = "Your VPC endpoint: the policy must not deny it (repeatable).")
    List<String> vpces = new ArrayList<>();

    @Option(names = "--policy-type", paramLabel = "TYPE", defaultValue = "bucket", converter = PolicyKindConverter.class,
            completionCandidates = Converters.PolicyTypes.class,
            description = "What the policy is attached to: bucket (default), vpc-endpoint (gtvpc endpoint-policy generate),"
                    + " identity (gtvpc iam-policy generate), scp or rcp (AWS Organizations). It decides the vocabulary (any"
                    + " service's actions and ARNs in identity policies, SCPs and RCPs) and the grammar; rules that only make"
                    + " sense for bucket policies (one bucket, the Ground Truth endpoint, lock-out) do not run for the others.")
    PolicyKind policyKind;

    static final class PolicyKindConverter implements picocli.CommandLine.ITypeConverter<PolicyKind> {
        @Override
        public PolicyKind convert(String value) {
            for (PolicyKind k : PolicyKind.values()) {
                if (k.cliName().equals(value)) {
                    return k;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of " + PolicyKind.cliNames());
        }
    }

    @Option(names = "--format", completionCandidates = Converters.LintFormats.class, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): FILE:LINE:COL: SEVERITY RULE-ID: message; json: an array of findings; sarif: SARIF 2.1.0.")
    String format;

    @Option(names = "--fail-on", completionCandidates = Converters.FailOn.class, paramLabel = "SEVERITY", defaultValue = "security-warning",
            description = "Exit 1 when a finding is at least this severe: error, security-warning (default, as Access Analyzer's"
                    + " CI validators), warning, suggestion, never.")
    String failOn;

    @Option(names = "--disable", completionCandidates = Converters.RuleIds.class, paramLabel = "RULE", split = ",", description = "Skip a rule (repeatable; see --list-rules).")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--fix", description = "Print the policy with the safe fixes applied (ForAllValues on single-valued keys,"
            + " key-name case, a VPC ID moved from aws:SourceVpce to aws:SourceVpc); the remaining findings go to stderr.")
    boolean fix;

    @Option(names = "-o", paramLabel = "FILE", description = "With --fix: write the fixed policy to FILE.")
    String output;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings not accepted in FILE (written by --create-baseline): an entry matches a finding by"
                    + " target (the file's path as given), rule and fingerprint of the offending statement, so reformatting keeps it"
                    + " and changing the statement ends it. An entry past its 'expires' date (YYYY-MM-DD, UTC) stops suppressing,"
                    + " with a warning; an entry that matches nothing is reported as stale. Suppressed findings do not count for"
                    + " --fail-on.")
    String baseline;

    @Option(names = "--create-baseline", paramLabel = "FILE",
            description = "Write the current findings to FILE as a baseline (- for standard output) and exit 0 (2 when a file is"
                    + " not JSON: it cannot be baselined): one entry per finding with its target, rule, fingerprint and message;"
                    + " add \"reason\" and \"expires\" by hand. With --baseline, entries that still match keep their reason and expiry.")
    String createBaseline;

    @Option(names = "--show-suppressed", description = "List suppressed findings too (text and json), each with its justification;"
            + " SARIF always has them, marked with 'suppressions'.")
    boolean showSuppressed;

    @Option(names = "--list-rules", description = "List every rule with its severity and what it flags, and exit.")
    boolean listRules;

    @Mixin
    GroundTruthOptions groundTruth;

    @Mixin
    IacOptions.ForPolicies iac;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Converters.oneOf("--format", format, Converters.LintFormats.CHOICES);
        if (listRules) {
            if (!files.isEmpty()) {
                throw GtvpcException.badInput("--list-rules: lists the rules and lints nothing; drop the FILE arguments"
                        + " (or --list-rules)");
            }
            if (format.equals("sarif")) {
                throw GtvpcException.badInput("--list-rules prints text or json");
            }
            Outputs.write(LintRenderer.rules(format.equals("json")), null, out);
            return ExitCode.OK.code();
        }
        Converters.oneOf("--fail-on", failOn, Converters.FailOn.CHOICES);
        Optional<Severity> threshold = failOn.equals("never") ? Optional.empty() : Severity.fromId(failOn);
        Set<String> disabledIds = new LinkedHashSet<>();
        for (String id : disabled) {
            if (Rules.find(id).isEmpty()) {
                throw GtvpcException.badInput("--disable: no rule '" + id + "'" + Suggestions.didYouMean(id, Rules.ids())
                        + "; 'gtvpc policy lint --list-rules' lists them");
            }
            if (id.equals("unreadable-file")) {
                // a file that was not linted must never look like one that was clean
                throw GtvpcException.badInput("--disable: unreadable-file cannot be disabled; leave the file out of the run instead");
            }
            disabledIds.add(id);
        }
        if (files.isEmpty()) {
            throw GtvpcException.badInput("name the policy files to lint (or - for standard input)");
        }
        if (files.stream().filter("-"::equals).count() > 1) {
            throw GtvpcException.badInput("standard input (-) can be named once");
        }
        if (fix && !format.equals("text")) {
            throw GtvpcException.badInput("--fix: prints the fixed policy, not a report, so --format " + format + " would be"
                    + " ignored; drop --format (the findings that remain go to stderr as text)");
        }
        if (fix && files.size() != 1) {
            throw GtvpcException.badInput("--fix takes one file");
        }
        if (output != null && !fix) {
            throw GtvpcException.badInput("-o writes the fixed policy: it goes with --fix");
        }
        if (fix && (baseline != null || createBaseline != null)) {
            throw GtvpcException.badInput("--fix rewrites one policy; --baseline and --create-baseline go with a lint run");
        }
        if (createBaseline != null && createBaseline.equals("-") && files.contains("-")) {
            throw GtvpcException.badInput("--create-baseline -: standard output; the policy cannot come from standard input as well");
        }
        RegionTable table = groundTruth.table();
        if (region != null) {
            table.require("--region", region);
        }
        if (bucket != null) {
            Validate.bucket(bucket);
        }
        Validate.vpcs(vpcs);
        Validate.vpces(vpces);
        // read before linting: a bad baseline is one line and exit 2, not a report that ignores it
        List<Suppression> accepted = baseline == null ? List.of() : Baseline.read(Inputs.of(spec).read(baseline, "--baseline"), baseline);
        LintOptions options = new LintOptions(Optional.ofNullable(region), Optional.ofNullable(bucket), vpcs, vpces, disabledIds,
                policyKind);
        Linter linter = new Linter(options, table);
        List<LintReport> reports = new ArrayList<>();
        List<LintTarget> targets = new ArrayList<>();
        boolean unreadableFile = false;
        List<LintInputs.Input> inputs = LintInputs.expand(files);
        if (fix && inputs.size() != 1) {
            throw GtvpcException.badInput("--fix takes one file; " + files.get(0) + " is a directory of " + inputs.size());
        }
        for (LintInputs.Input file : inputs) {
            String source = file.name().equals("-") ? "<stdin>" : file.name();
            Object read = read(file);
            if (read instanceof LintReport problem) {
                reports.add(problem);
                targets.add(LintTarget.of(address(file.name()), problem, ""));
                continue;
            }
            String text = (String) read;
            PolicySource.Input input;
            try {
                input = iac.read(text, source);
            } catch (GtvpcException e) {
                spec.commandLine().getErr().println("gtvpc: " + e.getMessage());
                unreadableFile = true;
                continue;
            }
            if (input.format() == InputFormat.POLICY) {
                LintReport report = linter.lint(text, source);
                reports.add(report);
                targets.add(LintTarget.of(address(file.name()), report, text));
                continue;
            }
            if (fix) {
                throw GtvpcException.badInput("--fix rewrites a policy file; " + source + " is a " + input.format().cliName()
                        + " (fix the policy where it is written)");
            }
            TargetLinter targetLinter = new TargetLinter(options, table);
            List<PolicyTarget> selected = iac.select(input, source);
            if (selected.isEmpty()) {
                spec.commandLine().getErr().println("gtvpc: " + source + ": the " + input.format().cliName() + " holds no policy gtvpc reads");
            }
            for (PolicyTarget target : selected) {
                LintReport report = targetLinter.lint(target, source);
                report.notes().forEach(n -> spec.commandLine().getErr().println("gtvpc: note: " + source + ":" + n.replaceFirst(": ", ": "
                        + target.address() + ": ")));
                reports.add(report);
                targets.add(TargetLinter.lintTarget(address(file.name()), target, report));
            }
        }
        if (fix && reports.isEmpty()) {
            return ExitCode.BAD_INPUT.code();
        }
        if (fix) {
            return fix(reports.get(0), linter, threshold);
        }
        // the clock is asked only when a baseline can have expired: offline runs do not build the run context otherwise
        LocalDate today = accepted.stream().anyMatch(s -> s.expires().isPresent())
                ? LocalDate.ofInstant(GtvpcCommand.context(spec).clock().instant(), ZoneOffset.UTC) : LocalDate.MIN;
        Review review = Suppressions.review(targets, accepted, today, options::runs);
        PrintWriter err = spec.commandLine().getErr();
        for (Review.Note note : review.notes()) {
            err.println("gtvpc: " + note.level().id() + ": " + note.message());
        }
        if (createBaseline != null) {
            for (LintReport r : reports) {
                if (unreadable(List.of(r))) {
                    boolean missing = r.findings().stream().anyMatch(f -> f.ruleId().equals("unreadable-file"));
                    err.println("gtvpc: " + r.source() + (missing ? " could not be read" : " is not JSON")
                            + ", so nothing in it was linted or baselined; fix it and lint again");
                }
            }
            Outputs.write(Baseline.write(review, accepted), createBaseline, out, "--create-baseline");
            int entries = Baseline.count(review);
            err.println("gtvpc: baseline " + (createBaseline.equals("-") ? "written to standard output" : createBaseline) + ": "
                    + entries + (entries == 1 ? " entry" : " entries") + " for " + LintRenderer.filesAndPolicies(reports));
            return unreadableFile || unreadable(reports) ? ExitCode.BAD_INPUT.code() : ExitCode.OK.code();
        }
        String text = switch (format) {
            case "json" -> LintRenderer.json(review, showSuppressed);
            case "sarif" -> LintRenderer.sarif(review, version());
            default -> LintRenderer.text(review, showSuppressed);
        };
        Outputs.write(text, null, out);
        if (unreadableFile) {
            // a plan or template that could not be read is in no report: only stderr says so
            return ExitCode.BAD_INPUT.code();
        }
        if (threshold.isEmpty()) {
            // --fail-on never: the report was written, every input in it; the exit code gates nothing, so a
            // CI job's upload step runs (and the next step, with a --fail-on, is the gate)
            return ExitCode.OK.code();
        }
        if (unreadable(reports)) {
            return ExitCode.BAD_INPUT.code();
        }
        return review.reaches(threshold.get()) ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }

    /**
     * What baseline entries name a file by: its path as given, with '/' separators and without "./"
     * segments, so the same checkout lints to the same addresses on every system; a path under the
     * working directory given absolutely is made relative to it. Standard input is "&lt;stdin&gt;".
     */
    static String address(String file) {
        if (file.equals("-")) {
            return "<stdin>";
        }
        java.nio.file.Path path;
        try {
            path = java.nio.file.Path.of(file).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return file.replace('\\', '/');
        }
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        if (path.isAbsolute() && path.startsWith(cwd)) {
            path = cwd.relativize(path);
        }
        return path.toString().replace('\\', '/');
    }

    /**
     * One input's text, or the report of why it has none. An input that cannot be read, or is not UTF-8
     * text, is a report with one finding (unreadable-file, invalid-json), so every format lists it; with
     * --format json or sarif, whose reader may be a machine, it is also said on stderr for the person
     * reading the job's log.
     */
    private Object read(LintInputs.Input input) {
        String source = input.name().equals("-") ? "<stdin>" : input.name();
        Optional<String> problem = input.problem();
        byte[] bytes = null;
        if (problem.isEmpty()) {
            try {
                bytes = input.name().equals("-") ? Inputs.of(spec).stdin().readAllBytes() : java.nio.file.Files.readAllBytes(java.nio.file.Path.of(input.name()));
            } catch (java.io.IOException e) {
                problem = Optional.of(LintInputs.why(input.name(), e));
            }
        }
        if (problem.isPresent()) {
            if (!format.equals("text")) {
                spec.commandLine().getErr().println("gtvpc: FILE: " + problem.get());
            }
            return Linter.unreadable(source, problem.get());
        }
        Object decoded = Inputs.decode(bytes);
        if (decoded instanceof Inputs.NotUtf8 bad) {
            if (!format.equals("text")) {
                spec.commandLine().getErr().println("gtvpc: FILE: " + input.name() + " is " + bad.describe());
            }
            return Linter.notText(source, "the file is " + bad.describe(), bad.line(), bad.column());
        }
        return decoded;
    }

    private int fix(LintReport report, Linter linter, Optional<Severity> threshold) {
        if (report.policy().isEmpty()) {
            spec.commandLine().getErr().print(LintRenderer.text(List.of(report)));
            throw GtvpcException.badInput(report.source() + " cannot be read, so it cannot be fixed (see the findings above)");
        }
        Fixer.Result fixed = Fixer.fix(report.policy().get().policy());
        String text = PolicyWriter.pretty(fixed.policy()) + "\n";
        PrintWriter err = spec.commandLine().getErr();
        for (String change : fixed.changes()) {
            err.println("gtvpc: fixed: " + change);
        }
        if (fixed.changes().isEmpty()) {
            err.println("gtvpc: nothing to fix automatically");
        }
        Outputs.write(text, output, spec.commandLine().getOut());
        LintReport after = linter.lint(text, report.source() + " (fixed)");
        if (!after.findings().isEmpty()) {
            err.print(LintRenderer.text(List.of(after)));
        }
        return exit(List.of(after), threshold);
    }

    private static int exit(List<LintReport> reports, Optional<Severity> threshold) {
        if (threshold.isEmpty()) {
            return ExitCode.OK.code();
        }
        if (unreadable(reports)) {
            return ExitCode.BAD_INPUT.code();
        }
        boolean failed = reports.stream().anyMatch(r -> r.reaches(threshold.get()));
        return failed ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }

    private static boolean unreadable(List<LintReport> reports) {
        return reports.stream().anyMatch(r -> r.policy().isEmpty() && r.findings().stream().anyMatch(PolicyLintCommand::unreadable));
    }

    /** Invalid JSON means the file could not be linted at all; other reader problems are findings like any. */
    private static boolean unreadable(Finding f) {
        return f.ruleId().equals("invalid-json") || f.ruleId().equals("unreadable-file");
    }

    private static String version() {
        String v = PolicyLintCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0-dev" : v;
    }
}
