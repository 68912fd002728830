package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.eval.PolicyValues;
import dev.gtvpc.policy.AwsIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The checks and confirmations apply and rollback share, and how to override each. */
public final class SafetyOptions {
    @Option(names = "--dry-run", description = "Print the plan and run the checks; write nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Do not ask; needed when there is no terminal (CI).")
    boolean yes;

    @Option(names = "--backup-dir", paramLabel = "DIR", defaultValue = "gtvpc-backups",
            description = "Where the bucket's current policy is saved before anything is written (default: ./${DEFAULT-VALUE}).")
    Path backupDir;

    @Option(names = "--allow-in-progress-jobs",
            description = "Go on although IN_PROGRESS labeling jobs use the bucket (they may fail), or although they cannot be"
                    + " listed.")
    boolean allowInProgressJobs;

    @Option(names = "--confirm-remove-self-access",
            description = "Go on even if the new policy denies you the bucket-policy actions; sent to S3 as"
                    + " ConfirmRemoveSelfBucketAccess. Afterwards only the account's root user may be able to change the policy.")
    boolean confirmRemoveSelfAccess;

    @Option(names = "--caller-vpce", paramLabel = "VPCE_ID",
            description = "You reach S3 through this VPC endpoint (default: from the internet).")
    String callerVpce;

    @Option(names = "--caller-ip", paramLabel = "IP",
            description = "Your public address (or VPC address with --caller-vpce); without it the lock-out check must hold"
                    + " for every address the policy tells apart.")
    String callerIp;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "3",
            description = "After the write, wait this long and read the policy once more: a concurrent write that replaced this"
                    + " one is reported (exit 3, with a backup of both). Also the wait before re-checking a write whose answer was"
                    + " lost. 0: no second read (default: ${DEFAULT-VALUE}).")
    double settleSeconds;

    @Option(names = "--lock",
            description = "Take an exclusive lock on BACKUP_DIR/BUCKET.lock from before the plan until after the settle read, so"
                    + " gtvpc runs that share --backup-dir apply one after another. It binds only gtvpc runs that use it.")
    boolean lock;

    @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "120",
            description = "With --lock, how long to wait for another run's lock before giving up (default: ${DEFAULT-VALUE}).")
    long lockWaitSeconds;

    /** Checks the IDs given and puts the choices together; nothing here talks to AWS. */
    ApplyFlow.Choices choices(String bucket, String region, boolean merge) {
        Validate.bucket(bucket);
        if (callerVpce != null) {
            Validate.each("--caller-vpce", List.of(callerVpce), AwsIds::checkVpceId);
        }
        if (callerIp != null && !PolicyValues.address(callerIp)) {
            throw GtvpcException.badInput("--caller-ip: '" + callerIp + "' is not an IPv4 or IPv6 address");
        }
        if (!(settleSeconds >= 0 && settleSeconds <= 600)) {
            throw GtvpcException.badInput("--settle: " + settleSeconds + " is not between 0 and 600 seconds");
        }
        if (lockWaitSeconds < 0) {
            throw GtvpcException.badInput("--lock-wait: " + lockWaitSeconds + " is negative");
        }
        return new ApplyFlow.Choices(bucket, region, merge, dryRun, yes, backupDir, allowInProgressJobs, confirmRemoveSelfAccess,
                Optional.ofNullable(callerVpce), Optional.ofNullable(callerIp), Duration.ofMillis(Math.round(settleSeconds * 1000)),
                lock, Duration.ofSeconds(lockWaitSeconds), Optional.empty());
    }
}
