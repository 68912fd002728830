package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.apply.Applier;
import dev.gtvpc.apply.ApplyPlan;
import dev.gtvpc.apply.LocalLock;
import dev.gtvpc.apply.WriteOutcome;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.aws.LabelingJob;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.render.ApplyRenderer;
import dev.gtvpc.verify.PropertyResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The part apply and rollback share, in the order the issue gives: plan, in-progress jobs, lock-out,
 * confirmation, then backup → re-read → write → read back. Refusals are exit 1 with one line on stderr.
 */
final class ApplyFlow {
    /** What the user asked for, besides the policy. */
    record Choices(String bucket, String region, boolean merge, boolean dryRun, boolean yes, Path backupDir,
            boolean allowInProgressJobs, boolean confirmRemoveSelfAccess, Optional<String> callerVpce, Optional<String> callerIp,
            Duration settle, boolean lock, Duration lockWait, Optional<String> exactText) {

        /** These choices writing {@code text} byte for byte (a backup's) rather than gtvpc's compact form of it. */
        Choices restoring(Optional<String> text) {
            return new Choices(bucket, region, merge, dryRun, yes, backupDir, allowInProgressJobs, confirmRemoveSelfAccess, callerVpce,
                    callerIp, settle, lock, lockWait, text);
        }
    }

    private ApplyFlow() {
    }

    /** Fails before any AWS request when nobody could confirm: no terminal, no --yes, no --dry-run. */
    static void requireWayToConfirm(RunContext context, Choices c) {
        if (!c.dryRun() && !c.yes() && context.terminal().isEmpty()) {
            throw GtvpcException.badInput("no terminal to confirm on: add --yes to apply without asking, or --dry-run to see"
                    + " the plan only");
        }
    }

    /** What a dry run found, for {@code --format json}; filled as the steps run. */
    static final class Seen {
        ApplyPlan plan;
        String mode;
        List<LabelingJob> jobs = List.of();
        PropertyResult lockout;
    }

    /**
     * A dry run whose plan is printed as one JSON object; the text steps are not printed. A refusal
     * (jobs in progress, lock-out) is still the one line on stderr and exit 1, without the JSON.
     */
    static int dryRunJson(AwsServices aws, RegionTable regions, RunContext context, PrintWriter out, Optional<Policy> desired, Choices c,
            List<dev.gtvpc.lint.Finding> lint) {
        Seen seen = new Seen();
        PrintWriter none = new PrintWriter(java.io.Writer.nullWriter());
        int exit = runLocked(aws, regions, context, none, none, desired, c, seen);
        out.print(dev.gtvpc.render.ApplyRenderer.planJson(seen.plan, seen.mode, lint, seen.jobs, seen.lockout));
        out.flush();
        return exit;
    }

    /** @param err where an interrupted write reports (SIGINT, SIGTERM); everything else goes to {@code out} or is thrown */
    static int run(AwsServices aws, RegionTable regions, RunContext context, PrintWriter out, PrintWriter err, Optional<Policy> desired,
            Choices c) {
        if (!c.lock() || c.dryRun()) {
            return runLocked(aws, regions, context, out, err, desired, c, new Seen());
        }
        try (LocalLock lock = LocalLock.acquire(c.backupDir(), c.bucket(), c.lockWait(), context.clock(), message -> {
            out.println(message);
            out.flush();
        })) {
            return runLocked(aws, regions, context, out, err, desired, c, new Seen());
        }
    }

    private static int runLocked(AwsServices aws, RegionTable regions, RunContext context, PrintWriter out, PrintWriter err,
            Optional<Policy> desired, Choices c, Seen seen) {
        // the engine trusts whatever service endpoints it is given; refusing a region Ground Truth is not in is the edge's job
        regions.find(c.region()).orElseThrow(() -> GtvpcException.badInput("--region: " + regions.unknownRegion(c.region())));
        Applier applier = new Applier(aws.buckets(), aws.labelingJobs(), aws.callerIdentity(), GroundTruthAccess.service(regions),
                context.clock());
        ApplyPlan plan = applier.plan(c.bucket(), c.region(), desired, c.merge(), c.exactText());
        String mode = desired.isEmpty() ? "delete" : c.merge() ? "merge: same-Sid statements replaced, others kept" : "replace";
        seen.plan = plan;
        seen.mode = mode;
        out.print(ApplyRenderer.plan(plan, mode));
        out.println();
        if (!plan.changesAnything()) {
            out.println("Nothing to change: bucket " + c.bucket() + " already has these statements.");
            out.flush();
            return ExitCode.OK.code();
        }

        List<LabelingJob> jobs;
        try {
            jobs = applier.jobsUsing(c.bucket());
        } catch (GtvpcException e) {
            if (!c.allowInProgressJobs()) {
                throw new GtvpcException(e.exitCode(), e.getMessage() + " — gtvpc lists the IN_PROGRESS labeling jobs before it"
                        + " changes a bucket policy; with --allow-in-progress-jobs it goes on without that check", e);
            }
            // the user accepted the risk of running jobs, so a caller without SageMaker permissions can still apply
            out.println("Labeling jobs: not checked (" + e.getMessage() + "); going on because of --allow-in-progress-jobs.");
            jobs = List.of();
        }
        seen.jobs = jobs;
        out.print(ApplyRenderer.jobs(c.bucket(), jobs));
        if (!jobs.isEmpty() && !c.allowInProgressJobs()) {
            out.flush();
            throw new GtvpcException(ExitCode.CHECK_FAILED, "refused: " + jobs.size() + " IN_PROGRESS labeling job"
                    + (jobs.size() == 1 ? " uses" : "s use") + " bucket " + c.bucket() + " (listed above), and changing its policy"
                    + " can make " + (jobs.size() == 1 ? "it" : "them") + " fail; wait until "
                    + (jobs.size() == 1 ? "it ends" : "they end") + ", or add --allow-in-progress-jobs");
        }

        PropertyResult lockout = applier.lockout(plan, c.callerVpce(), c.callerIp());
        seen.lockout = lockout;
        out.print(ApplyRenderer.lockout(lockout));
        boolean locksOut = lockout.status() != PropertyResult.Status.PROVED;
        if (locksOut && !c.confirmRemoveSelfAccess() && lockout.status() == PropertyResult.Status.UNDECIDED) {
            out.flush();
            throw new GtvpcException(ExitCode.CHECK_FAILED, "refused: gtvpc cannot decide whether the new policy keeps "
                    + plan.caller().arn() + " able to change it (the request above uses something gtvpc does not evaluate);"
                    + " check the policy, or add --confirm-remove-self-access");
        }
        if (locksOut && !c.confirmRemoveSelfAccess()) {
            out.flush();
            throw new GtvpcException(ExitCode.CHECK_FAILED, "refused: the new policy would deny " + plan.caller().arn()
                    + " the bucket-policy actions " + (c.callerVpce().map(e -> "through " + e).orElse("from the internet"))
                    + (c.callerIp().isEmpty() ? " (at some addresses)" : " at " + c.callerIp().get())
                    + " (counterexample above), and then only the account's root user could change it; fix the policy, say where"
                    + " you work with --caller-vpce/--caller-ip, or add --confirm-remove-self-access");
        }
        if (locksOut) {
            out.println("--confirm-remove-self-access: applying anyway, with ConfirmRemoveSelfBucketAccess.");
        }

        if (c.dryRun()) {
            out.println("Dry run: nothing was written.");
            out.flush();
            return ExitCode.OK.code();
        }
        if (!c.yes()) {
            out.flush();
            String question = (desired.isEmpty() ? "Delete the policy of bucket " : "Apply this policy to bucket ") + c.bucket()
                    + "? [y/N] ";
            Optional<String> answer = context.terminal().orElseThrow().ask(question);
            String a = answer.map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
            if (!a.equals("y") && !a.equals("yes")) {
                throw new GtvpcException(ExitCode.CHECK_FAILED, "not confirmed: nothing was written");
            }
        }
        WriteOutcome outcome;
        try (InterruptReport onSignal = InterruptReport.during(applier, c.bucket(), c.region(), err)) {
            outcome = applier.write(plan, c.backupDir(), locksOut && c.confirmRemoveSelfAccess(), c.settle());
        }
        out.println("Backed up the previous " + (plan.currentText().isPresent() ? "policy" : "state (no policy)") + " to "
                + outcome.backup());
        if (outcome.readBackDenied()) {
            out.println("Applied; as confirmed, you can no longer read this bucket's policy — the denied read-back shows the new"
                    + " policy is in force. To recover, the account's root user can delete the bucket policy (S3 console, or"
                    + " 'aws s3api delete-bucket-policy --bucket " + c.bucket() + "' as root).");
            out.println("To undo (as a principal the policy still allows): gtvpc policy rollback --bucket " + c.bucket() + " --backup "
                    + outcome.backup());
            out.flush();
            return ExitCode.OK.code();
        }
        String again = c.settle().isZero() ? "" : ", and so did the read "
                + java.math.BigDecimal.valueOf(c.settle().toMillis(), 3).stripTrailingZeros().toPlainString() + " s later";
        out.println((plan.target().isPresent() ? "Applied; the policy read back decides every request as the one written" + again + "."
                : "Deleted the bucket policy; reading it back finds none" + again + "."));
        outcome.note().ifPresent(out::println);
        out.println("To undo: gtvpc policy rollback --bucket " + c.bucket() + " --backup " + outcome.backup());
        out.flush();
        return ExitCode.OK.code();
    }
}
