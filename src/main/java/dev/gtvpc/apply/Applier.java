package dev.gtvpc.apply;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.AwsCallFailed;
import dev.gtvpc.aws.BucketPolicyStore;
import dev.gtvpc.aws.CallerIdentity;
import dev.gtvpc.aws.Identity;
import dev.gtvpc.aws.LabelingJob;
import dev.gtvpc.aws.LabelingJobs;
import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.policy.io.PolicyWriter;
import dev.gtvpc.space.Caller;
import dev.gtvpc.verify.PropertyResult;
import dev.gtvpc.verify.TrustedService;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a safe policy change, each its own method so the command can show the plan and ask
 * between them: {@link #plan}, {@link #jobsUsing}, {@link #lockout}, then {@link #write}, which backs
 * up, checks nobody else changed the policy, writes, and reads back.
 */
public final class Applier {
    /** The codes with which S3 (and S3-compatible servers) refuse a policy document as such. */
    private static final Set<String> REFUSED_POLICY = Set.of("MalformedPolicy", "InvalidArgument", "InvalidPolicyDocument");

    private final BucketPolicyStore store;
    private final LabelingJobs jobs;
    private final CallerIdentity callerIdentity;
    private final TrustedService service;
    private final Clock clock;

    /** @param service the service whose endpoint in the bucket's region must keep getting in (Ground Truth's) */
    public Applier(BucketPolicyStore store, LabelingJobs jobs, CallerIdentity callerIdentity, TrustedService service, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.callerIdentity = callerIdentity;
        this.service = service;
        this.clock = clock;
    }

    /**
     * Reads the bucket's region and policy and works out what changes.
     *
     * @param desired the policy to apply; empty to delete the bucket's policy
     * @param merge keep the bucket's statements whose Sid the new policy does not have
     */
    public ApplyPlan plan(String bucket, String region, Optional<Policy> desired, boolean merge) {
        return plan(bucket, region, desired, merge, Optional.empty());
    }

    /**
     * A plan that, unless it merges, writes {@code exactText} — the text {@code desired} was read from,
     * e.g. a backup's — byte for byte instead of gtvpc's compact form of {@code desired}.
     */
    public ApplyPlan plan(String bucket, String region, Optional<Policy> desired, boolean merge, Optional<String> exactText) {
        String actual = store.bucketRegion(bucket);
        if (!actual.equals(region)) {
            throw new GtvpcException(ExitCode.CHECK_FAILED, "bucket " + bucket + " is in " + actual + ", not " + region
                    + ": the bucket, the VPC endpoints and the labeling job must be in one region; nothing was changed"
                    + " (use --region " + actual + " if that is the region you mean)");
        }
        Identity caller = callerIdentity.whoAmI();
        String callerPrincipalArn = Caller.principalArnOf(caller.arn());
        Optional<String> currentText = store.policy(bucket);
        Optional<Policy> current = currentText.map(t -> readCurrent(bucket, t));
        Optional<Policy> target = desired.map(d -> merge ? Merge.merge(current, d) : d);
        target.ifPresent(t -> checkSize(bucket, t));
        List<Policy> both = new ArrayList<>();
        current.ifPresent(both::add);
        target.ifPresent(both::add);
        // the VPCs, endpoints and roles either policy names: the access diff compares the two over them
        PolicyScan named = PolicyScan.of(both);
        VerifyInputs inputs = VerifyInputs.of(region, AwsIds.partitionOf(region), bucket, caller.account())
                .withServiceEndpoints(service.in(region).stream().toList())
                .withNetwork(named.literals("aws:SourceVpc"), named.literals("aws:SourceVpce"), List.of())
                .withPrincipals(named.literals("aws:PrincipalArn").stream().filter(a -> !a.equals(callerPrincipalArn)).toList(),
                        Optional.of(callerPrincipalArn))
                .withActions(AccessDiff.actionsInPlay(both, S3ActionCatalog.bundled()));
        Optional<String> targetText = merge || desired.isEmpty() ? Optional.empty() : exactText;
        return new ApplyPlan(bucket, region, caller, currentText, current, target, targetText,
                StatementDiff.diff(current, target, (a, b) -> equivalent(Policy.builder().statement(a).build(),
                        Policy.builder().statement(b).build(), inputs)),
                AccessDiff.diff(current, target, inputs), inputs);
    }

    /** The IN_PROGRESS labeling jobs that read or write {@code bucket}. */
    public List<LabelingJob> jobsUsing(String bucket) {
        return jobs.inProgress().stream().filter(j -> j.uses(bucket)).toList();
    }

    /**
     * Whether the caller keeps managing the policy after the change, from the internet or through
     * {@code callerVpce}, at {@code callerIp} or at every address the policy distinguishes.
     */
    public PropertyResult lockout(ApplyPlan plan, Optional<String> callerVpce, Optional<String> callerIp) {
        if (plan.target().isEmpty()) {
            return new PropertyResult("caller-keeps-policy-access", plan.caller().arn(), PropertyResult.Status.PROVED, 0,
                    Optional.empty());
        }
        return Verifier.callerKeepsPolicyAccess(plan.target().get(), plan.inputs(), plan.caller().arn(), callerVpce, callerIp);
    }

    /** {@link #write(ApplyPlan, Path, boolean, Duration)} without the settle re-read. */
    public WriteOutcome write(ApplyPlan plan, Path backupDir, boolean confirmRemoveSelfAccess) {
        return write(plan, backupDir, confirmRemoveSelfAccess, Duration.ZERO);
    }

    /**
     * Backs up the current policy, checks it is still the one planned against, writes the target (or
     * deletes the policy), reads it back, and — unless {@code settle} is zero — waits {@code settle}
     * and reads it once more, to catch a concurrent write that replaced this one (S3 has no
     * conditional PutBucketPolicy, so it cannot be prevented, only detected). Every failure after the
     * backup names the backup and says what state the bucket is in, as far as gtvpc can tell.
     *
     * @param settle how long to wait before the re-read after a write, and before re-checking after a
     *     write whose outcome is unknown (a reset, a timeout, a 5xx)
     */
    public WriteOutcome write(ApplyPlan plan, Path backupDir, boolean confirmRemoveSelfAccess, Duration settle) {
        String bucket = plan.bucket();
        Path backup = Backups.write(backupDir, new Backup(bucket, plan.region(), plan.caller().account(), clock.instant(),
                plan.currentText()));
        progress = new Progress("nothing was sent to S3 yet: the bucket has its previous policy", backup, false);
        String restore = "; backup of the previous policy: " + backup;
        Optional<String> now;
        try {
            now = store.policy(bucket);
        } catch (GtvpcException e) {
            throw new GtvpcException(ExitCode.AWS_ERROR, e.getMessage() + "; nothing was written" + restore, e);
        }
        if (!now.equals(plan.currentText())) {
            throw new GtvpcException(ExitCode.AWS_ERROR, "the policy of bucket " + bucket + " changed since gtvpc read it"
                    + " (someone else is editing it): nothing was written; run again to plan against the new policy" + restore);
        }
        String written = plan.target().map(t -> plan.targetText().orElseGet(() -> PolicyWriter.compact(t))).orElse(null);
        String operation = written != null ? "PutBucketPolicy" : "DeleteBucketPolicy";
        progress(backup, operation + " was sent and not answered yet: the bucket may have its previous policy or " + outcome(plan));
        try {
            if (written != null) {
                store.putPolicy(bucket, written, confirmRemoveSelfAccess);
            } else {
                store.deletePolicy(bucket);
            }
        } catch (GtvpcException e) {
            boolean unknownOutcome = !(e instanceof AwsCallFailed f) || f.mayHaveTakenEffect();
            String refused = e instanceof AwsCallFailed f && REFUSED_POLICY.contains(f.errorCode())
                    ? " — S3 refused the policy itself (its own message is above, if it sent one); if the policy names S3 actions"
                            + " the server may not know (an S3-compatible server, or actions newer than it), name only those it"
                            + " supports, e.g. with 'gtvpc policy generate --actions'"
                    : "";
            throw new GtvpcException(ExitCode.AWS_ERROR, e.getMessage() + refused + "; "
                    + stateAfterFailedWrite(plan, unknownOutcome, settle) + restore, e);
        }
        progress(backup, operation + " succeeded: the bucket has " + outcome(plan) + ", unless someone else changed it since");
        Optional<String> readBack;
        try {
            readBack = store.policy(bucket);
        } catch (GtvpcException e) {
            if (confirmRemoveSelfAccess && e instanceof AwsCallFailed f && f.reason() == AwsCallFailed.Reason.ACCESS_DENIED) {
                // the lock-out the user confirmed: the denial is the new policy at work (issue 16, apply 1)
                return new WriteOutcome(backup, Optional.empty(), Optional.empty(), true);
            }
            throw new GtvpcException(ExitCode.AWS_ERROR, operation + " succeeded, but reading the policy back failed: "
                    + e.getMessage() + "; the bucket most likely has " + outcome(plan) + " — check with 'gtvpc policy get --bucket "
                    + bucket + "'" + restore, e);
        }
        if (!matchesTarget(plan, readBack) && !lostStatements(plan, readBack).isEmpty()) {
            throw race(plan, operation, "right after the write", readBack, backup, backupOf(plan, readBack, backupDir));
        }
        Optional<String> note = matchesTarget(plan, readBack) ? Optional.empty()
                : Optional.of("The policy read back is not exactly the one written (it is " + describe(readBack) + "), but it keeps"
                        + " every statement written here: someone changed it again right after; backup of it: "
                        + backupOf(plan, readBack, backupDir));
        if (settle.isZero()) {
            return new WriteOutcome(backup, readBack, note);
        }
        String readBackFound = plan.target().isPresent() ? "the policy read back has the new statements" : "reading back found no policy";
        progress(backup, operation + " succeeded and " + readBackFound + "; gtvpc is waiting " + seconds(settle) + " to read it once more");
        sleep(settle);
        Optional<String> settled;
        try {
            settled = store.policy(bucket);
        } catch (GtvpcException e) {
            throw new GtvpcException(ExitCode.AWS_ERROR, operation + " succeeded and " + readBackFound + ", but reading it again "
                    + seconds(settle) + " later failed: " + e.getMessage() + "; so gtvpc cannot tell whether a concurrent write replaced"
                    + " it — check with 'gtvpc policy get --bucket " + bucket + "'" + restore, e);
        }
        if (settled.equals(readBack)) {
            return new WriteOutcome(backup, settled, note);
        }
        if (matchesTarget(plan, settled)) {
            return new WriteOutcome(backup, settled, Optional.empty());
        }
        if (!lostStatements(plan, settled).isEmpty()) {
            throw race(plan, operation, seconds(settle) + " later", settled, backup, backupOf(plan, settled, backupDir));
        }
        // a later change that kept every statement written here: someone built on this write
        return new WriteOutcome(backup, settled, Optional.of("The policy changed again within " + seconds(settle) + " (it is now "
                + describe(settled) + "), keeping every statement written here; backup of it: " + backupOf(plan, settled, backupDir)));
    }

    /** The report of a write that another replaced before gtvpc could see it in place: exit 3, and both sides backed up. */
    private GtvpcException race(ApplyPlan plan, String operation, String when, Optional<String> found, Path backup, Path theirs) {
        List<String> lost = lostStatements(plan, found);
        return new GtvpcException(ExitCode.AWS_ERROR, "race: another write replaced this one on bucket " + plan.bucket() + ": "
                + operation + " succeeded, but " + when + " the bucket has " + describe(found)
                + (plan.target().isPresent() ? ", without " + lostList(lost) : "")
                + " — an apply, console or CLI edit that read the policy before this write has overwritten it (S3 has no"
                + " conditional PutBucketPolicy; use --lock so that gtvpc runs wait for each other). Nothing is lost: the policy"
                + " before this apply is in " + backup + ", the one that replaced it in " + theirs + "; run the apply again to merge"
                + " into the current policy");
    }

    /** How far a write has come: what is known of the bucket's state, and the backup made before anything was sent. */
    public record Progress(String state, Path backup, boolean sent) {
    }

    /**
     * How far the running {@link #write} has come, read from another thread (a SIGINT/SIGTERM
     * handler); empty until the backup is on disk.
     */
    public Optional<Progress> progress() {
        return Optional.ofNullable(progress);
    }

    private volatile Progress progress;

    /** A step after the write was sent. */
    private void progress(Path backup, String state) {
        progress = new Progress(state, backup, true);
    }

    /** A second backup: the policy found where gtvpc's write should be, so that a race loses neither side. */
    private Path backupOf(ApplyPlan plan, Optional<String> found, Path backupDir) {
        return Backups.write(backupDir, new Backup(plan.bucket(), plan.region(), plan.caller().account(), clock.instant(), found));
    }

    /** The labels of the statements written here that {@code text} no longer has, alike in meaning (all, for a delete). */
    private List<String> lostStatements(ApplyPlan plan, Optional<String> text) {
        if (plan.target().isEmpty()) {
            return List.of("(the deletion)");
        }
        List<Statement> ours = plan.target().get().statements();
        List<Statement> theirs = text.map(PolicyReader::parse).filter(PolicyReader.Result::ok)
                .map(r -> r.parsed().get().policy().statements()).orElse(List.of());
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            Statement s = ours.get(i);
            Policy alone = Policy.builder().statement(s).build();
            boolean kept = theirs.stream().anyMatch(t -> t.equals(s) || (t.sid().equals(s.sid())
                    && equivalent(Policy.builder().statement(t).build(), alone, plan.inputs())));
            if (!kept) {
                lost.add(s.label(i));
            }
        }
        return lost;
    }

    private static String lostList(List<String> labels) {
        return (labels.size() == 1 ? "statement " : "statements ") + String.join(", ", labels) + " written here";
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * After a write failed: read the policy again and say whether it is the old one, the new one, or
     * neither. When the failure leaves the outcome unknown (no answer, or a 5xx), the previous policy
     * read now does not prove the request will not land later — S3 may act on a request whose answer
     * was lost — so it is read once more after {@code settle}.
     */
    private String stateAfterFailedWrite(ApplyPlan plan, boolean unknownOutcome, Duration settle) {
        String check = "check with 'gtvpc policy get --bucket " + plan.bucket() + "'";
        Optional<String> now;
        try {
            now = store.policy(plan.bucket());
        } catch (GtvpcException e) {
            return "gtvpc could not read the policy again (" + e.getMessage() + "), so the bucket may have its previous policy or "
                    + outcome(plan) + " — " + check;
        }
        if (now.equals(plan.currentText())) {
            if (!unknownOutcome) {
                return "the bucket still has its previous policy: nothing changed";
            }
            if (settle.isZero()) {
                return "the bucket still has its previous policy, but the request may still take effect (S3 can carry out a"
                        + " request whose answer was lost) — " + check + " in a minute";
            }
            sleep(settle);
            Optional<String> later;
            try {
                later = store.policy(plan.bucket());
            } catch (GtvpcException e) {
                return "the bucket still had its previous policy right after the failure, and reading it again " + seconds(settle)
                        + " later failed (" + e.getMessage() + "); the request may still take effect — " + check;
            }
            if (matchesTarget(plan, later)) {
                return "the bucket had its previous policy right after the failure, but " + seconds(settle) + " later it has "
                        + outcome(plan) + ": the " + act(plan) + " took effect late";
            }
            if (later.equals(plan.currentText())) {
                return "the bucket still has its previous policy " + seconds(settle) + " later, but the request may still take"
                        + " effect (S3 can carry out a request whose answer was lost) — " + check + " in a minute";
            }
            return neither(plan, later) + check;
        }
        if (matchesTarget(plan, now)) {
            return "yet the bucket has " + outcome(plan) + ": the " + act(plan) + " took effect";
        }
        return neither(plan, now) + check;
    }

    /**
     * What the bucket has once the write took effect: "the new policy", or, for a delete (a rollback
     * to a backup of no policy), "no policy" — a failed DELETE must never be reported as a policy
     * the bucket has (issue 17.8).
     */
    private static String outcome(ApplyPlan plan) {
        return plan.target().isPresent() ? "the new policy" : "no policy";
    }

    /** What this apply does to the bucket: a write, or (a rollback to a backup of no policy) a deletion. */
    private static String act(ApplyPlan plan) {
        return plan.target().isPresent() ? "write" : "deletion";
    }

    private static String neither(ApplyPlan plan, Optional<String> found) {
        return "the bucket's policy is now neither the previous one nor " + (plan.target().isPresent() ? "the new one" : "deleted")
                + " (it is " + describe(found) + ") — someone else changed it; ";
    }

    private boolean matchesTarget(ApplyPlan plan, Optional<String> text) {
        if (plan.target().isEmpty() || text.isEmpty()) {
            return plan.target().isEmpty() && text.isEmpty();
        }
        PolicyReader.Result read = PolicyReader.parse(text.get());
        if (!read.ok()) {
            return false;
        }
        Policy back = read.parsed().get().policy();
        // S3 may reformat a policy it stores; what must hold is that it decides every request alike and
        // still has each statement written here under its Sid: another merge-apply's statement alike in
        // meaning under another Sid means this write was replaced (issue 28)
        return back.equals(plan.target().get())
                || (equivalent(back, plan.target().get(), plan.inputs()) && lostStatements(plan, text).isEmpty());
    }

    /** Whether the two decide every request alike (verify's equivalent-to property). */
    private static boolean equivalent(Policy a, Policy b, VerifyInputs inputs) {
        return Verifier.equivalence(a, b, inputs).status() == PropertyResult.Status.PROVED;
    }

    private static String describe(Optional<String> text) {
        return text.map(t -> "a policy of " + t.length() + " characters").orElse("no policy");
    }

    private static Policy readCurrent(String bucket, String text) {
        PolicyReader.Result read = PolicyReader.parse(text);
        if (read.ok()) {
            return read.parsed().get().policy();
        }
        throw new GtvpcException(ExitCode.AWS_ERROR, "the current policy of bucket " + bucket + " cannot be read: "
                + read.problems().get(0).format("s3://" + bucket + "?policy") + "; nothing was changed");
    }

    private static void checkSize(String bucket, Policy target) {
        int size = PolicyReader.compactSize(PolicyWriter.compact(target));
        if (size > PolicyReader.MAX_POLICY_BYTES) {
            throw new GtvpcException(ExitCode.CHECK_FAILED, "the policy for bucket " + bucket + " would be " + size
                    + " bytes, over S3's limit of " + PolicyReader.MAX_POLICY_BYTES + " (merged with the bucket's statements;"
                    + " --replace writes only the new policy); nothing was changed");
        }
    }
}
