package dev.gtvpc.apply;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.BucketPolicyStore;
import dev.gtvpc.aws.CallerIdentity;
import dev.gtvpc.aws.Identity;
import dev.gtvpc.aws.LabelingJob;
import dev.gtvpc.aws.LabelingJobs;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.groundtruth.S3ActionCatalog;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.policy.io.PolicyWriter;
import dev.gtvpc.verify.Caller;
import dev.gtvpc.verify.PropertyResult;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.nio.file.Path;
import java.time.Clock;
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
    private final BucketPolicyStore store;
    private final LabelingJobs jobs;
    private final CallerIdentity callerIdentity;
    private final RegionTable regions;
    private final Clock clock;

    public Applier(BucketPolicyStore store, LabelingJobs jobs, CallerIdentity callerIdentity, RegionTable regions, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.callerIdentity = callerIdentity;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * Reads the bucket's region and policy and works out what changes.
     *
     * @param desired the policy to apply; empty to delete the bucket's policy
     * @param merge keep the bucket's statements whose Sid the new policy does not have
     */
    public ApplyPlan plan(String bucket, String region, Optional<Policy> desired, boolean merge) {
        RegionInfo info = regions.find(region).orElseThrow(() -> GtvpcException.badInput("--region: " + regions.unknownRegion(region)));
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
        VerifyInputs inputs = VerifyInputs.of(region, info.partition().value(), bucket, caller.account())
                .withServiceEndpoints(List.of(GroundTruthAccess.endpoint(info.groundTruthEndpoint().value(), region)))
                .withNetwork(literals(both, "aws:SourceVpc"), literals(both, "aws:SourceVpce"), List.of())
                .withPrincipals(literals(both, "aws:PrincipalArn").stream().filter(a -> !a.equals(callerPrincipalArn)).toList(),
                        Optional.of(callerPrincipalArn))
                .withActions(AccessDiff.actionsInPlay(both, S3ActionCatalog.bundled()));
        return new ApplyPlan(bucket, region, caller, currentText, current, target,
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

    /**
     * Backs up the current policy, checks it is still the one planned against, writes the target (or
     * deletes the policy), and reads it back. Every failure after the backup names the backup and says
     * what state the bucket is in, as far as gtvpc can tell.
     */
    public WriteOutcome write(ApplyPlan plan, Path backupDir, boolean confirmRemoveSelfAccess) {
        String bucket = plan.bucket();
        Path backup = Backups.write(backupDir, new Backup(bucket, plan.region(), plan.caller().account(), clock.instant(),
                plan.currentText()));
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
        String written = plan.target().map(PolicyWriter::compact).orElse(null);
        try {
            if (written != null) {
                store.putPolicy(bucket, written, confirmRemoveSelfAccess);
            } else {
                store.deletePolicy(bucket);
            }
        } catch (GtvpcException e) {
            throw new GtvpcException(ExitCode.AWS_ERROR, e.getMessage() + "; " + stateAfterFailedWrite(plan) + restore, e);
        }
        Optional<String> readBack;
        try {
            readBack = store.policy(bucket);
        } catch (GtvpcException e) {
            throw new GtvpcException(ExitCode.AWS_ERROR, (written != null ? "PutBucketPolicy" : "DeleteBucketPolicy")
                    + " succeeded, but reading the policy back failed: " + e.getMessage() + "; the bucket most likely has the new"
                    + " policy — check with 'gtvpc policy get --bucket " + bucket + "'" + restore, e);
        }
        if (!matchesTarget(plan, readBack)) {
            throw new GtvpcException(ExitCode.AWS_ERROR, "the policy read back from bucket " + bucket + " is not the one written ("
                    + describe(readBack) + "): someone changed it meanwhile, or S3 altered it; inspect it with 'gtvpc policy get"
                    + " --bucket " + bucket + "'" + restore);
        }
        return new WriteOutcome(backup, readBack);
    }

    /** After a write failed: read the policy again and say whether it is the old one, the new one, or neither. */
    private String stateAfterFailedWrite(ApplyPlan plan) {
        Optional<String> now;
        try {
            now = store.policy(plan.bucket());
        } catch (GtvpcException e) {
            return "gtvpc could not read the policy again (" + e.getMessage() + "), so the bucket may have the old or the new"
                    + " policy — check with 'gtvpc policy get --bucket " + plan.bucket() + "'";
        }
        if (now.equals(plan.currentText())) {
            return "the bucket still has its previous policy: nothing changed";
        }
        if (matchesTarget(plan, now)) {
            return "yet the bucket has the new policy: the write took effect";
        }
        return "the bucket's policy is now neither the previous one nor the new one (" + describe(now)
                + ") — someone else changed it; check with 'gtvpc policy get --bucket " + plan.bucket() + "'";
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
        // S3 may reformat a policy it stores; what must hold is that it decides every request alike
        return back.equals(plan.target().get()) || equivalent(back, plan.target().get(), plan.inputs());
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

    /** The literal values (no wildcards, no variables) of a condition key in the policies, in first-seen order. */
    private static List<String> literals(List<Policy> policies, String key) {
        Set<String> values = new LinkedHashSet<>();
        for (Policy p : policies) {
            for (Statement s : p.statements()) {
                s.condition().ifPresent(c -> c.blocks().forEach(b -> b.entries().forEach(e -> {
                    if (e.key().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                        e.values().texts().stream().filter(v -> !Wildcards.hasWildcard(v) && !v.contains("${")).forEach(values::add);
                    }
                })));
            }
        }
        return List.copyOf(values);
    }
}
