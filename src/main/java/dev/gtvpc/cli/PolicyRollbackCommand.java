package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.apply.Backup;
import dev.gtvpc.apply.Backups;
import dev.gtvpc.aws.AwsService;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.LintOptions;
import dev.gtvpc.lint.LintReport;
import dev.gtvpc.lint.Linter;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.render.ApplyRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rollback",
        header = "Restore a bucket's policy from a backup that apply wrote.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Puts back the policy a backup holds — or deletes the bucket's policy when the backup records that there was"
                    + " none — with the same plan, checks, confirmation and backup as apply. The backup is checked as a whole"
                    + " first (its record SHA-256 over every field, the policy's own SHA-256, hadPolicy against policy), and its"
                    + " policy must name only --bucket: a damaged, edited or other bucket's backup is refused (exit 2).",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc policy rollback --bucket my-labeling-data \\",
            "      --backup gtvpc-backups/my-labeling-data-20261125T101500.000Z.json",
            "",
            "Exit codes: 0 restored (or nothing to do, or a dry run), 1 refused by a check or not",
            "confirmed, 2 bad input, 3 AWS or network error."})
public final class PolicyRollbackCommand implements Callable<Integer>, OptionWording.Worded, AwsOptions.Reaching {
    @Spec
    CommandSpec spec;

    @Mixin
    Inside.RequiredBucket bucket;

    @Option(names = "--backup", required = true, paramLabel = "FILE", description = "A backup file written by apply or rollback.")
    Path backupFile;

    @Mixin
    Inside.OptionalRegion region;

    @Mixin
    AwsOptions aws;

    @Mixin
    SafetyOptions safety;

    @Mixin
    GroundTruthOptions groundTruth;

    @Override
    public Set<AwsService> endpointUrlReaches() {
        // the bucket; the caller (STS) and its labeling jobs (SageMaker) are checks on the side
        return Set.of(AwsService.S3);
    }

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--bucket", "The bucket's name (must match the backup's).",
                "--region", "The bucket's region (default: the backup's).");
    }

    @Override
    public Integer call() {
        // the same check as every command that takes --region: a typo is refused before the backup is even read
        region.requireIfGiven(groundTruth.table());
        Backup backup = Backups.read(backupFile);
        if (!backup.bucket().equals(bucket.name)) {
            throw GtvpcException.badInput("--backup: " + backupFile + " is a backup of bucket " + backup.bucket() + ", not " + bucket.name);
        }
        String effectiveRegion = region.given().orElse(backup.region());
        Optional<Policy> desired = backup.policy().map(text -> PolicyReader.read(text, backupFile.toString()).policy());
        backup.policy().ifPresent(text -> requireOwnBucket(text));
        // S3's old bytes, not a re-serialised policy: the backup's SHA-256 then matches the bucket again
        ApplyFlow.Choices choices = safety.choices(bucket.name, effectiveRegion, false).restoring(backup.policy());
        RunContext context = GtvpcCommand.context(spec);
        ApplyFlow.requireWayToConfirm(context, choices);
        spec.commandLine().getOut().println("Restoring the " + ApplyRenderer.backup(backup) + ".");
        try (AwsServices services = aws.connect(spec, Optional.of(effectiveRegion))) {
            return ApplyFlow.run(services, groundTruth.table(), context, spec.commandLine().getOut(), spec.commandLine().getErr(), desired,
                    choices);
        }
    }

    /**
     * A backup's policy must be one S3 would have accepted on this bucket: every Resource in it. The
     * record hash catches an edited format-2 backup; this also catches a format-1 backup whose bucket
     * field was edited, and a policy of another bucket pasted into a backup of this one.
     */
    private void requireOwnBucket(String text) {
        LintReport report = new Linter(new LintOptions(Optional.empty(), Optional.of(bucket.name), List.of(), List.of(), Set.of()),
                GroundTruthAccess.service(groundTruth.table())).lint(text, backupFile.toString());
        Optional<Finding> other = report.findings().stream().filter(f -> f.ruleId().equals("bucket-mismatch")).findFirst();
        if (other.isPresent()) {
            throw GtvpcException.badInput("--backup: " + backupFile + " holds a policy for another bucket than " + bucket.name + " ("
                    + other.get().message() + " at " + other.get().pointer() + "); refusing to restore it");
        }
    }
}
