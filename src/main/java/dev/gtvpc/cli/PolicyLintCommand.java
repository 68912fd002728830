package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.Fixer;
import dev.gtvpc.lint.LintOptions;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.LintReport;
import dev.gtvpc.lint.Linter;
import dev.gtvpc.lint.Rules;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.PolicyWriter;
import dev.gtvpc.render.LintRenderer;
import dev.gtvpc.util.Suggestions;
import java.io.PrintWriter;
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
        footerHeading = "%nExit codes: 0 no finding reaches --fail-on, 1 one does, 2 a file cannot be read or is not JSON"
                + " (with --fail-on never: 0 whenever the report was written).%n",
        footer = {
            "",
            "Examples:",
            "  gtvpc policy lint bucket-policy.json",
            "  gtvpc policy lint --region us-east-1 --vpc vpc-0abc1234def567890 --fail-on warning policies/*.json",
            "  gtvpc policy lint --format sarif policies/*.json > gtvpc.sarif     # for GitHub code scanning",
            "  gtvpc policy lint --fix old-policy.json -o fixed-policy.json"})
public final class PolicyLintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Policy files to lint; a directory: every *.json file"
            + " under it (hidden directories skipped); - for standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION",
            description = "The bucket's region: turns on the Ground Truth rules and says which endpoint the policy must exempt.")
    String region;

    @Option(names = "--bucket", paramLabel = "BUCKET", description = "The bucket the policy is for (bucket-mismatch checks every Resource against it).")
    String bucket;

    @Option(names = "--vpc", paramLabel = "VPC_ID", split = ",", description = "Your VPC: the policy must not deny it (repeatable).")
    List<String> vpcs = new ArrayList<>();

    @Option(names = "--vpce", paramLabel = "VPCE_ID", split = ",", description = "Your VPC endpoint: the policy must not deny it (repeatable).")
    List<String> vpces = new ArrayList<>();

    @Option(names = "--policy-type", paramLabel = "TYPE", defaultValue = "bucket", converter = PolicyKindConverter.class,
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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): FILE:LINE:COL: SEVERITY RULE-ID: message; json: an array of findings; sarif: SARIF 2.1.0.")
    String format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "security-warning",
            description = "Exit 1 when a finding is at least this severe: error, security-warning (default, as Access Analyzer's"
                    + " CI validators), warning, suggestion, never.")
    String failOn;

    @Option(names = "--disable", paramLabel = "RULE", split = ",", description = "Skip a rule (repeatable; see --list-rules).")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--fix", description = "Print the policy with the safe fixes applied (ForAllValues on single-valued keys,"
            + " key-name case, a VPC ID moved from aws:SourceVpce to aws:SourceVpc); the remaining findings go to stderr.")
    boolean fix;

    @Option(names = "-o", paramLabel = "FILE", description = "With --fix: write the fixed policy to FILE.")
    String output;

    @Option(names = "--list-rules", description = "List every rule with its severity and what it flags, and exit.")
    boolean listRules;

    @Mixin
    GroundTruthOptions groundTruth;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!List.of("text", "json", "sarif").contains(format)) {
            throw GtvpcException.badInput("--format: '" + format + "' is not one of text, json, sarif");
        }
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
        Optional<Severity> threshold = failOn.equals("never") ? Optional.empty() : Optional.of(Severity.fromId(failOn).orElseThrow(() ->
                GtvpcException.badInput("--fail-on: '" + failOn + "' is not one of error, security-warning, warning, suggestion, never")));
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
        RegionTable table = groundTruth.table();
        if (region != null) {
            table.require(region);
        }
        if (bucket != null) {
            Validate.bucket(bucket);
        }
        Validate.vpcs(vpcs);
        Validate.vpces(vpces);
        Linter linter = new Linter(new LintOptions(Optional.ofNullable(region), Optional.ofNullable(bucket), vpcs, vpces, disabledIds,
                policyKind), table);
        List<LintInputs.Input> inputs = LintInputs.expand(files);
        if (fix && inputs.size() != 1) {
            throw GtvpcException.badInput("--fix takes one file; " + files.get(0) + " is a directory of " + inputs.size());
        }
        List<LintReport> reports = new ArrayList<>();
        for (LintInputs.Input input : inputs) {
            reports.add(lint(input, linter));
        }        if (fix) {
            return fix(reports.get(0), linter, threshold);
        }
        String text = switch (format) {
            case "json" -> LintRenderer.json(reports);
            case "sarif" -> LintRenderer.sarif(reports, version());
            default -> LintRenderer.text(reports);
        };
        Outputs.write(text, null, out);
        return exit(reports, threshold);
    }

    /**
     * One input's report. An input that cannot be read, or is not UTF-8 text, is a report with one finding
     * (unreadable-file, invalid-json), so every format lists it; with --format json or sarif, whose
     * reader may be a machine, it is also said on stderr for the person reading the job's log.
     */
    private LintReport lint(LintInputs.Input input, Linter linter) {
        String source = input.name().equals("-") ? "<stdin>" : input.name();
        Optional<String> problem = input.problem();
        byte[] bytes = null;
        if (problem.isEmpty()) {
            try {
                bytes = input.name().equals("-") ? System.in.readAllBytes() : java.nio.file.Files.readAllBytes(java.nio.file.Path.of(input.name()));
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
        return linter.lint((String) decoded, source);
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
            // --fail-on never: the report was written, every input in it; the exit code gates nothing, so a
            // CI job's upload step runs (and the next step, with a --fail-on, is the gate)
            return ExitCode.OK.code();
        }
        if (reports.stream().anyMatch(r -> r.policy().isEmpty() && r.findings().stream().anyMatch(PolicyLintCommand::unreadable))) {
            return ExitCode.BAD_INPUT.code();
        }
        boolean failed = threshold.isPresent() && reports.stream().anyMatch(r -> r.reaches(threshold.get()));
        return failed ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
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
