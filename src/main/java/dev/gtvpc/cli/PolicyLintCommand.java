package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.lint.Baseline;
import dev.gtvpc.lint.LintOptions;
import dev.gtvpc.lint.LintReport;
import dev.gtvpc.lint.PolicyKind;
import dev.gtvpc.lint.Review;
import dev.gtvpc.lint.Suppression;
import dev.gtvpc.lint.Suppressions;
import dev.gtvpc.lint.Linter;
import dev.gtvpc.lint.Rules;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.render.LintCi;
import dev.gtvpc.render.LintRenderer;
import dev.gtvpc.util.Suggestions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
public final class PolicyLintCommand implements Callable<Integer>, OptionWording.Worded {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Policy files, Terraform plans in JSON or CloudFormation/CDK templates"
            + " to lint; a directory: every *.json file under it (plans and CDK templates included; name YAML templates one by one; hidden directories skipped); - for standard input.")
    List<Path> files = new ArrayList<>();

    @Mixin
    Inside.OptionalRegion region;

    @Mixin
    Inside.OptionalBucket bucket;

    @Mixin
    Inside.OptionalVpcs vpcs;

    @Mixin
    Inside.Vpces vpces;

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

    @Mixin
    Formats.Lint.Option format;

    @Option(names = "--fail-on", completionCandidates = Converters.FailOn.class, paramLabel = "SEVERITY", defaultValue = "security-warning",
            description = "Exit 1 when a finding is at least this severe: error, security-warning (default, as Access Analyzer's"
                    + " CI validators), warning, suggestion, never.")
    String failOn;

    @Option(names = "--min-severity", completionCandidates = Converters.Severities.class, paramLabel = "SEVERITY",
            description = "Show only findings at least this severe: error, security-warning, warning, suggestion (default: all)."
                    + " Only what is shown: --fail-on still counts every finding, and a note on stderr says how many were not shown.")
    String minSeverity;

    @Option(names = {"-q", "--quiet"}, description = "Findings only: no summary line in text, no notes on stderr (warnings and"
            + " errors are still said).")
    boolean quiet;

    @Option(names = "--disable", completionCandidates = Converters.RuleIds.class, paramLabel = "RULE", split = ",", description = "Skip a rule (repeatable; see --list-rules).")
    List<String> disabled = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Leave out the files that match a glob pattern (repeatable), relative to the working directory;"
                    + " lint.exclude in the configuration file is relative to the file's directory. A pattern that matches a"
                    + " directory leaves out all under it, ** crosses directories (vendor/**, **/*.draft.json), and a file"
                    + " named is left out too.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--fix", description = "Print the policy with the safe fixes applied (ForAllValues on single-valued keys,"
            + " key-name case, a VPC ID moved from aws:SourceVpce to aws:SourceVpc; with --region, aws:SourceVpc bound to that"
            + " Region by aws:SourceVpcArn), after removing comments, trailing commas and a byte-order mark; the remaining"
            + " findings, and what was left and why, go to stderr.")
    boolean fix;

    @Option(names = "-o", paramLabel = "FILE", description = "With --fix: write the fixed policy to FILE.")
    Path output;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings not accepted in FILE (written by --create-baseline): an entry matches a finding by"
                    + " target (the file's path as given), rule and fingerprint of the offending statement, so reformatting keeps it"
                    + " and changing the statement ends it. An entry past its 'expires' date (YYYY-MM-DD, UTC) stops suppressing,"
                    + " with a warning; an entry that matches nothing is reported as stale. Suppressed findings do not count for"
                    + " --fail-on.")
    Path baseline;

    @Option(names = "--create-baseline", paramLabel = "FILE",
            description = "Write the current findings to FILE as a baseline (- for standard output) and exit 0 (2 when a file is"
                    + " not JSON: it cannot be baselined): one entry per finding with its target, rule, fingerprint and message;"
                    + " add \"reason\" and \"expires\" by hand. With --baseline, entries that still match keep their reason and expiry.")
    Path createBaseline;

    @Option(names = "--show-suppressed", description = "List suppressed findings too (text and json), each with its justification;"
            + " SARIF always has them, marked with 'suppressions'.")
    boolean showSuppressed;

    @Option(names = "--list-rules", description = "List every rule with its severity and what it flags, and exit.")
    boolean listRules;

    @Mixin
    GroundTruthOptions groundTruth;

    @Mixin
    IacOptions.ForPolicies iac;

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--region", "The bucket's region: turns on the Ground Truth rules and says which endpoint the policy must exempt.",
                "--bucket", "The bucket the policy is for (bucket-mismatch checks every Resource against it).",
                "--vpc", "Your VPC: the policy must not deny it (repeatable).",
                "--vpce", "Your VPC endpoint: the policy must not deny it (repeatable).");
    }

    @Override
    public Integer call() {
        Formats.Lint chosen = format.value();
        if (listRules) {
            return listRules(chosen);
        }
        Converters.oneOf("--fail-on", failOn, Converters.FailOn.CHOICES);
        Optional<Severity> threshold = failOn.equals("never") ? Optional.empty() : Severity.fromId(failOn);
        Optional<Severity> minimum = Optional.ofNullable(minSeverity).map(m -> {
            Converters.oneOf("--min-severity", m, Converters.Severities.CHOICES);
            return Severity.fromId(m).orElseThrow();
        });
        Set<String> disabledIds = disabledRules();
        checkCombinations(chosen);
        RegionTable table = groundTruth.table();
        region.requireIfGiven(table);
        bucket.given().ifPresent(b -> bucket.check());
        vpcs.check();
        vpces.check();
        if (createBaseline != null && baseline != null && !java.nio.file.Files.exists(baseline)
                && ConfigDefaults.of(spec).origin(spec.findOption("--baseline")) == Inside.Origin.CONFIG_FILE) {
            // the first --create-baseline of a project whose configuration file already names the baseline
            baseline = null;
        }
        // read before linting: a bad baseline is one line and exit 2, not a report that ignores it
        List<Suppression> accepted = baseline == null ? List.of() : Baseline.read(Inputs.of(spec).read(Inputs.name(baseline), "--baseline"), Inputs.name(baseline));
        LintOptions options = new LintOptions(region.given(), bucket.given(), vpcs.ids(), vpces.ids, disabledIds, policyKind);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Linter linter = new Linter(options, GroundTruthAccess.service(table));
        iac.deployedIn(region.name, null);
        LintInputs.Excludes leftOut = new LintInputs.Excludes(ConfigDefaults.of(spec).base(spec.findOption("--exclude")), excludes);
        LintRun.Result run = new LintRun(linter, iac, Inputs.of(spec), err, chosen != Formats.Lint.TEXT, leftOut, quiet)
                .lint(names(), fix);
        if (fix) {
            return run.reports().isEmpty() ? ExitCode.BAD_INPUT.code()
                    : LintFix.run(run.reports().get(0), run.repairs(), linter, region.given(), threshold, Inputs.name(output), out, err);
        }
        // the clock is asked only when a baseline can have expired: offline runs do not build the run context otherwise
        LocalDate today = accepted.stream().anyMatch(s -> s.expires().isPresent())
                ? LocalDate.ofInstant(GtvpcCommand.context(spec).clock().instant(), ZoneOffset.UTC) : LocalDate.MIN;
        Review review = Suppressions.review(run.targets(), accepted, today, options::runs);
        for (Review.Note note : review.notes()) {
            if (!quiet || note.level() != Review.Note.Level.INFO) {
                err.println("gtvpc: " + note.level().id() + ": " + note.message());
            }
        }
        if (createBaseline != null) {
            return createBaseline(run, review, accepted, out, err);
        }
        Review shown = minimum.map(m -> shown(review, m, err)).orElse(review);
        Outputs.write(switch (chosen) {
            case JSON -> LintRenderer.json(shown, showSuppressed);
            case SARIF -> LintRenderer.sarif(shown, version());
            case TEXT -> quiet ? LintRenderer.findings(shown, showSuppressed) : LintRenderer.text(shown, showSuppressed);
            case JUNIT -> LintCi.junit(shown, showSuppressed);
            case GITHUB -> LintCi.github(shown, LintRenderer.summary(shown));
            case GITLAB -> LintCi.gitlab(shown);
        }, null, out);
        if (run.unreadableFile()) {
            // a plan or template that could not be read is in no report: only stderr says so
            return ExitCode.BAD_INPUT.code();
        }
        if (threshold.isEmpty()) {
            // --fail-on never: the report was written, every input in it; the exit code gates nothing, so a
            // CI job's upload step runs (and the next step, with a --fail-on, is the gate)
            return ExitCode.OK.code();
        }
        if (run.unreadable()) {
            return ExitCode.BAD_INPUT.code();
        }
        return review.reaches(threshold.get()) ? ExitCode.CHECK_FAILED.code() : ExitCode.OK.code();
    }

    /** {@code review} without the findings below {@code minimum}; how many were left out is a note (unless --quiet). */
    private Review shown(Review review, Severity minimum, PrintWriter err) {
        List<Review.Target> targets = new ArrayList<>();
        int hidden = 0;
        for (Review.Target t : review.targets()) {
            List<Review.Judged> kept = t.findings().stream().filter(j -> j.finding().severity().reaches(minimum)).toList();
            hidden += (int) t.active().stream().filter(j -> !j.finding().severity().reaches(minimum)).count();
            targets.add(new Review.Target(t.target(), kept));
        }
        if (hidden > 0 && !quiet) {
            err.println("gtvpc: note: " + hidden + (hidden == 1 ? " finding" : " findings") + " below --min-severity " + minimum.id()
                    + " not shown (they still count for --fail-on)");
        }
        return new Review(targets, review.notes());
    }

    /** The FILE arguments by the names they were given. */
    private List<String> names() {
        return files.stream().map(Path::toString).toList();
    }

    private int listRules(Formats.Lint chosen) {
        if (!files.isEmpty()) {
            throw GtvpcException.badInput("--list-rules: lists the rules and lints nothing; drop the FILE arguments"
                    + " (or --list-rules)");
        }
        if (chosen != Formats.Lint.TEXT && chosen != Formats.Lint.JSON) {
            throw GtvpcException.badInput("--list-rules prints text or json");
        }
        Outputs.write(LintRenderer.rules(chosen == Formats.Lint.JSON), null, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    private Set<String> disabledRules() {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : disabled) {
            if (Rules.find(id).isEmpty()) {
                throw GtvpcException.badInput("--disable: no rule '" + id + "'" + Suggestions.didYouMean(id, Rules.ids())
                        + "; 'gtvpc policy lint --list-rules' lists them");
            }
            if (id.equals("unreadable-file")) {
                // a file that was not linted must never look like one that was clean
                throw GtvpcException.badInput("--disable: unreadable-file cannot be disabled; leave the file out of the run instead");
            }
            ids.add(id);
        }
        return ids;
    }

    /** Options that make no sense together, refused before anything is read. */
    private void checkCombinations(Formats.Lint chosen) {
        if (files.isEmpty()) {
            throw GtvpcException.badInput("name the policy files to lint (or - for standard input)");
        }
        if (names().stream().filter("-"::equals).count() > 1) {
            throw GtvpcException.badInput("standard input (-) can be named once");
        }
        if (fix && chosen != Formats.Lint.TEXT) {
            throw GtvpcException.badInput("--fix: prints the fixed policy, not a report, so --format " + format.given + " would be"
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
        if (createBaseline != null && Inputs.name(createBaseline).equals("-") && names().contains("-")) {
            throw GtvpcException.badInput("--create-baseline -: standard output; the policy cannot come from standard input as well");
        }
    }

    /** --create-baseline: every finding as an entry; a file that could not be read has none, and says so. */
    private int createBaseline(LintRun.Result run, Review review, List<Suppression> accepted, PrintWriter out, PrintWriter err) {
        for (LintReport r : run.reports()) {
            if (LintRun.Result.unreadable(List.of(r))) {
                boolean missing = r.findings().stream().anyMatch(f -> f.ruleId().equals("unreadable-file"));
                err.println("gtvpc: " + r.source() + (missing ? " could not be read" : " is not JSON")
                        + ", so nothing in it was linted or baselined; fix it and lint again");
            }
        }
        Outputs.write(Baseline.write(review, accepted), Inputs.name(createBaseline), out, "--create-baseline");
        int entries = Baseline.count(review);
        err.println("gtvpc: baseline " + (Inputs.name(createBaseline).equals("-") ? "written to standard output" : Inputs.name(createBaseline)) + ": "
                + entries + (entries == 1 ? " entry" : " entries") + " for " + LintRenderer.filesAndPolicies(run.reports()));
        return run.unreadableFile() || run.unreadable() ? ExitCode.BAD_INPUT.code() : ExitCode.OK.code();
    }

    private static String version() {
        String v = PolicyLintCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.0.0-dev" : v;
    }
}
