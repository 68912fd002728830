package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.apply.Backup;
import dev.gtvpc.apply.Backups;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.render.ApplyRenderer;
import java.nio.file.Path;
import java.util.Optional;
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
                    + " none — with the same plan, checks, confirmation and backup as apply. The backup's SHA-256 is checked"
                    + " first; a backup of another bucket is refused.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc policy rollback --bucket my-labeling-data \\",
            "      --backup gtvpc-backups/my-labeling-data-20261125T101500.000Z.json",
            "",
            "Exit codes: 0 restored (or nothing to do, or a dry run), 1 refused by a check or not",
            "confirmed, 2 bad input, 3 AWS or network error."})
public final class PolicyRollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "The bucket's name (must match the backup's).")
    String bucket;

    @Option(names = "--backup", required = true, paramLabel = "FILE", description = "A backup file written by apply or rollback.")
    Path backupFile;

    @Option(names = "--region", completionCandidates = Converters.Regions.class, paramLabel = "REGION", description = "The bucket's region (default: the backup's).")
    String region;

    @Mixin
    AwsOptions aws;

    @Mixin
    SafetyOptions safety;

    @Mixin
    GroundTruthOptions groundTruth;

    @Override
    public Integer call() {
        Backup backup = Backups.read(backupFile);
        if (!backup.bucket().equals(bucket)) {
            throw GtvpcException.badInput("--backup: " + backupFile + " is a backup of bucket " + backup.bucket() + ", not " + bucket);
        }
        String effectiveRegion = region != null ? region : backup.region();
        Optional<Policy> desired = backup.policy().map(text -> PolicyReader.read(text, backupFile.toString()).policy());
        ApplyFlow.Choices choices = safety.choices(bucket, effectiveRegion, false);
        RunContext context = GtvpcCommand.context(spec);
        ApplyFlow.requireWayToConfirm(context, choices);
        spec.commandLine().getOut().println("Restoring the " + ApplyRenderer.backup(backup) + ".");
        try (AwsServices services = aws.connect(spec, Optional.of(effectiveRegion))) {
            return ApplyFlow.run(services, groundTruth.table(), context, spec.commandLine().getOut(), desired, choices);
        }
    }
}
