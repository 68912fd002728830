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
        footerHeading = "%nExit codes: 0 no finding reaches --fail-on, 1 one does, 2 a file cannot be read.%n",
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

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Policy files to lint; - for standard input.")
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

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "With --fix: write the fixed policy to FILE.")
    String output;

    @Option(names = "--list-rules", description = "List every rule with its severity and what it flags, and exit.")
    boolean listRules;

    @Mixin
    GroundTruthOptions groundTruth;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Converters.oneOf("--format", format, Converters.LintFormats.CHOICES);
        if (listRules) {
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
            disabledIds.add(id);
        }
        if (files.isEmpty()) {
            throw GtvpcException.badInput("name the policy files to lint (or - for standard input)");
        }
        if (files.stream().filter("-"::equals).count() > 1) {
            throw GtvpcException.badInput("standard input (-) can be named once");
        }
        if (fix && files.size() != 1) {
            throw GtvpcException.badInput("--fix takes one file");
        }
        if (output != null && !fix) {
            throw GtvpcException.badInput("-o writes the fixed policy: it goes with --fix");
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
        Linter linter = new Linter(new LintOptions(Optional.ofNullable(region), Optional.ofNullable(bucket), vpcs, vpces, disabledIds,
                policyKind), table);
        List<LintReport> reports = new ArrayList<>();
        boolean unreadableFile = false;
        for (String file : files) {
            String source = file.equals("-") ? "<stdin>" : file;
            String text;
            try {
                text = Inputs.read(file, "FILE");
            } catch (GtvpcException e) {
                // one missing file should not hide the findings of the others
                spec.commandLine().getErr().println("gtvpc: " + e.getMessage());
                unreadableFile = true;
                continue;
            }
            reports.add(linter.lint(text, source));
        }
        if (fix && reports.isEmpty()) {
            return ExitCode.BAD_INPUT.code();
        }
        if (fix) {
            return fix(reports.get(0), linter, threshold);
        }
        String text = switch (format) {
            case "json" -> LintRenderer.json(reports);
            case "sarif" -> LintRenderer.sarif(reports, version());
            default -> LintRenderer.text(reports);
        };
        Outputs.write(text, null, out);
        return unreadableFile ? ExitCode.BAD_INPUT.code() : exit(reports, threshold);
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
        if (reports.stream().anyMatch(r -> r.policy().isEmpty() && r.findings().stream().anyMatch(PolicyLintCommand::unreadable))) {
            return ExitCode.BAD_INPUT.code();
        }
        boolean failed = threshold.isPresent() && reports.stream().anyMatch(r -> r.reaches(threshold.get()));
        return failed ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }

    /** Invalid JSON means the file could not be linted at all; other reader problems are findings like any. */
    private static boolean unreadable(Finding f) {
        return f.ruleId().equals("invalid-json");
    }

    private static String version() {
        String v = PolicyLintCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0-dev" : v;
    }
}
