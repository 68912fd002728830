package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.AwsService;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.LintOptions;
import dev.gtvpc.lint.LintReport;
import dev.gtvpc.lint.Linter;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.render.LintRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "apply",
        header = "Apply a bucket policy safely: plan, checks, backup, write, read back.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Puts POLICY on the bucket the way a careful person would with the AWS CLI, and refuses what",
            "would break things:",
            "  1. lints POLICY (errors stop here, before any request);",
            "  2. checks the bucket is in --region (bucket, VPC endpoints and job must share one);",
            "  3. reads the bucket's policy and merges: statements with the same Sid are replaced, the",
            "     others kept (--replace writes POLICY as it is);",
            "  4. prints the plan: the statements that change, and who gains or loses which actions;",
            "  5. refuses while an IN_PROGRESS labeling job uses the bucket (--allow-in-progress-jobs);",
            "  6. refuses a policy that would deny you s3:GetBucketPolicy, s3:PutBucketPolicy or",
            "     s3:DeleteBucketPolicy from where you work (--confirm-remove-self-access);",
            "  7. asks on the terminal (or needs --yes); --dry-run stops after the checks;",
            "  8. backs up the current policy to --backup-dir, flushed to disk; re-reads the policy and",
            "     stops if someone changed it meanwhile; writes; reads back and compares the meaning;",
            "  9. waits --settle seconds and reads once more: a concurrent write that replaced this one is",
            "     reported (exit 3, both policies backed up). S3 has no conditional write, so this detects",
            "     a race and cannot prevent it; --lock makes gtvpc runs sharing --backup-dir take turns.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc policy generate --region us-east-1 --bucket my-labeling-data --vpc vpc-0abc1234def567890 \\",
            "      | gtvpc policy apply - --bucket my-labeling-data --region us-east-1 --dry-run",
            "  gtvpc policy apply policy.json --bucket my-labeling-data --region us-east-1 --yes",
            "  gtvpc policy rollback --bucket my-labeling-data \\",
            "      --backup gtvpc-backups/my-labeling-data-20261125T101500.000Z.json",
            "",
            "Exit codes: 0 applied (or nothing to do, or a dry run), 1 refused by a check or not",
            "confirmed, 2 bad input, 3 AWS or network error (the message says what state the bucket",
            "is in and where the backup is)."})
public final class PolicyApplyCommand implements Callable<Integer>, OptionWording.Worded, AwsOptions.Reaching {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POLICY", description = "The policy file; - for standard input.")
    Path policyFile;

    @Mixin
    Inside.RequiredBucket bucket;

    @Mixin
    Inside.RequiredRegion region;

    @Mixin
    AwsOptions aws;

    @Mixin
    IacOptions.ForPolicies iac;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--merge", description = "Keep the bucket's statements; replace those with a Sid POLICY has (default).")
        boolean merge;

        @Option(names = "--replace", description = "Write POLICY as it is: the bucket's other statements are removed.")
        boolean replace;
    }

    @Mixin
    SafetyOptions safety;

    @Mixin
    GroundTruthOptions groundTruth;

    @Mixin
    Formats.TextOrJson.Option format;

    private List<Finding> lintFindings = List.of();

    @Override
    public Set<AwsService> endpointUrlReaches() {
        // the bucket; the caller (STS) and its labeling jobs (SageMaker) are checks on the side
        return Set.of(AwsService.S3);
    }

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--region", "The region the bucket must be in (a bucket elsewhere is refused).",
                "--format", "text (default) or json: with --dry-run only, the plan as one JSON object (before, after, statements"
                        + " added/removed/changed/kept, access changes, lint findings, \"applied\": false). Applying is always text.");
    }

    @Override
    public Integer call() {
        ApplyFlow.Choices choices = safety.choices(bucket.name, region.name, !mode.replace);
        boolean json = format.value() == Formats.TextOrJson.JSON;
        if (json && !choices.dryRun()) {
            throw GtvpcException.badInput("--format json: only the --dry-run plan is JSON (applying asks and reports in text);"
                    + " add --dry-run");
        }
        RunContext context = GtvpcCommand.context(spec);
        ApplyFlow.requireWayToConfirm(context, choices);
        var table = groundTruth.table();
        region.require(table);
        Policy policy = lintedPolicy(table);
        try (AwsServices services = aws.connect(spec, Optional.of(region.name))) {
            if (json) {
                return ApplyFlow.dryRunJson(services, table, context, spec.commandLine().getOut(), Optional.of(policy), choices,
                        lintFindings);
            }
            return ApplyFlow.run(services, table, context, spec.commandLine().getOut(), spec.commandLine().getErr(), Optional.of(policy),
                    choices);
        }
    }

    /** Lint errors stop the apply before any request; they are listed on stderr with their locations. */
    private Policy lintedPolicy(dev.gtvpc.groundtruth.RegionTable table) {
        String text = Inputs.of(spec).read(Inputs.name(policyFile), "POLICY");
        String source = Inputs.name(policyFile).equals("-") ? "<stdin>" : Inputs.name(policyFile);
        LintOptions options = new LintOptions(Optional.of(region.name), Optional.of(bucket.name), List.of(), List.of(), Set.of());
        iac.deployedIn(region.name, null);
        dev.gtvpc.input.PolicySource.Input input = iac.read(text, source);
        LintReport report;
        if (input.format() == dev.gtvpc.input.InputFormat.POLICY) {
            report = new Linter(options, GroundTruthAccess.service(table)).lint(text, source);
        } else {
            dev.gtvpc.input.PolicyTarget target = bucketPolicy(input, source);
            LintReport full = new dev.gtvpc.input.TargetLinter(new Linter(options, GroundTruthAccess.service(table))).lint(target, source);
            report = new LintReport(full.source(), full.findings().stream().filter(f -> !dev.gtvpc.input.TargetLinter.skipped(target, f)).toList(),
                    full.policy());
        }
        List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        lintFindings = report.findings();
        if (!errors.isEmpty() || report.policy().isEmpty()) {
            LintReport onlyErrors = new LintReport(report.source(), errors, report.policy());
            spec.commandLine().getErr().print(LintRenderer.text(List.of(onlyErrors)));
            throw new GtvpcException(ExitCode.BAD_INPUT, source + " has " + errors.size() + " lint error"
                    + (errors.size() == 1 ? "" : "s") + " (listed above): nothing was sent to AWS");
        }
        return report.policy().get().policy();
    }

    /**
     * The one bucket policy of a plan or template to apply. S3 needs every value: a policy with a value
     * the file does not determine (a !GetAtt, a parameter without --cfn-param, a plan's after-apply value)
     * is refused before any request, so no placeholder ever reaches the bucket.
     */
    private dev.gtvpc.input.PolicyTarget bucketPolicy(dev.gtvpc.input.PolicySource.Input input, String source) {
        List<dev.gtvpc.input.PolicyTarget> targets = iac.select(input, source).stream()
                .filter(t -> t.kind() == dev.gtvpc.lint.PolicyKind.BUCKET).toList();
        if (targets.size() != 1) {
            throw GtvpcException.badInput(source + " holds " + (targets.isEmpty() ? "no bucket policy" : targets.size() + " bucket policies ("
                    + String.join(", ", targets.stream().map(dev.gtvpc.input.PolicyTarget::address).toList()) + "); name one with --resource")
                    + ": nothing was sent to AWS");
        }
        dev.gtvpc.input.PolicyTarget t = targets.get(0);
        if (!t.known() || !t.unknowns().isEmpty()) {
            throw GtvpcException.badInput(source + ": " + t.address() + " has values the file does not determine ("
                    + String.join(", ", t.unknowns()) + "); give them with --cfn-param, or apply the deployed policy: nothing was sent to AWS");
        }
        return t;
    }
}
