package dev.gtvpc.preflight;

import dev.gtvpc.aws.AwsCallFailed;
import dev.gtvpc.aws.BucketPolicyStore;
import dev.gtvpc.aws.CallerIdentity;
import dev.gtvpc.aws.Identity;
import dev.gtvpc.aws.LabelingJob;
import dev.gtvpc.aws.LabelingJobs;
import dev.gtvpc.aws.SecurityGroup;
import dev.gtvpc.aws.Subnet;
import dev.gtvpc.aws.VpcEndpoint;
import dev.gtvpc.aws.VpcInventory;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.ActionSelection;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.space.Caller;
import dev.gtvpc.verify.Counterexample;
import dev.gtvpc.verify.PropertyResult;
import dev.gtvpc.verify.VerificationReport;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the checklist. Read-only: it calls Get* and Describe* APIs only.
 *
 * <p>What stops it, and what does not: a call that fails because the caller may not make it
 * (AccessDenied, UnauthorizedOperation) becomes the check's own result, naming the permission, so one
 * missing permission does not hide every other answer. Such a check counts as FAIL when what it checks
 * is a prerequisite (preflight cannot vouch for what it could not see) and as WARN for the in-progress
 * jobs, whose worst answer is a warning. An ID EC2 does not know is evidence (FAIL), not an error. Any
 * other AWS failure — network, credentials, throttling, a 5xx after the retries — means the account
 * could not be checked at all, and propagates (exit code 3).
 */
public final class Preflight {
    /**
     * The actions whose confinement makes the data "inside the VPC": the two the AWS page's policies
     * deny. A policy that denies more is fine; one that denies less fails outside-denied.
     */
    static final List<String> CONFINED_ACTIONS = ActionSelection.DOC_ACTIONS;

    private final BucketPolicyStore buckets;
    private final LabelingJobs jobs;
    private final CallerIdentity callerIdentity;
    private final VpcInventory vpcs;
    private final RegionTable regions;

    public Preflight(BucketPolicyStore buckets, LabelingJobs jobs, CallerIdentity callerIdentity, VpcInventory vpcs, RegionTable regions) {
        this.buckets = buckets;
        this.jobs = jobs;
        this.callerIdentity = callerIdentity;
        this.vpcs = vpcs;
        this.regions = regions;
    }

    public PreflightReport run(PreflightRequest r) {
        RegionInfo region = regions.require(r.region());
        Identity caller = callerIdentity.whoAmI();
        List<Check> checks = new ArrayList<>();
        boolean bucketExists = checkBucket(r, caller, checks);
        checkPolicy(r, region, caller, bucketExists, checks);
        for (String vpc : r.vpcs()) {
            checkEndpoints(r, region, caller, vpc, checks);
        }
        if (!r.subnets().isEmpty()) {
            checks.add(checkSubnets(r, caller));
        }
        if (!r.securityGroups().isEmpty()) {
            checks.add(checkSecurityGroups(r, caller));
        }
        checks.add(checkJobs(r, caller));
        return new PreflightReport(r, caller.arn(), caller.account(), checks);
    }

    // ------------------------------------------------------------------------------------------ the bucket

    /** bucket-region; returns whether the bucket exists (as far as gtvpc can tell). */
    private boolean checkBucket(PreflightRequest r, Identity caller, List<Check> checks) {
        String title = "bucket " + r.bucket() + " exists in " + r.region();
        String actual;
        try {
            actual = buckets.bucketRegion(r.bucket());
        } catch (AwsCallFailed e) {
            if (e.reason() == AwsCallFailed.Reason.NOT_FOUND) {
                checks.add(Check.fail("bucket-region", title, List.of("GetBucketLocation: NoSuchBucket"),
                        "create it in " + r.region() + ": " + createBucket(r)));
                return false;
            }
            checks.add(notPermitted("bucket-region", title, e, caller, "s3:GetBucketLocation on " + bucketArn(r)));
            return true;
        }
        if (actual.equals(r.region())) {
            checks.add(Check.pass("bucket-region", title, List.of("GetBucketLocation: " + actual)));
        } else {
            checks.add(Check.fail("bucket-region", title, List.of("GetBucketLocation: " + actual),
                    "the bucket, the VPC endpoints and the labeling job must be in one region: use a bucket in " + r.region()
                            + ", or run the job and its VPC in " + actual + " (--region " + actual + ")"));
        }
        return true;
    }

    private void checkPolicy(PreflightRequest r, RegionInfo region, Identity caller, boolean bucketExists, List<Check> checks) {
        String title = "the policy of bucket " + r.bucket() + " keeps the data in the VPC and lets Ground Truth in";
        if (!bucketExists) {
            checks.add(Check.fail("bucket-policy", title, List.of("not checked: the bucket does not exist"),
                    "create the bucket (see bucket-region), then: " + generateAndApply(r)));
            return;
        }
        Optional<String> text;
        try {
            text = buckets.policy(r.bucket());
        } catch (AwsCallFailed e) {
            if (e.reason() != AwsCallFailed.Reason.ACCESS_DENIED) {
                throw e;
            }
            checks.add(Check.fail("bucket-policy", title, List.of("not checked: " + e.getMessage()),
                    "allow s3:GetBucketPolicy on " + bucketArn(r) + " to " + Caller.principalArnOf(caller.arn()) + "; if the bucket policy"
                            + " itself denies it to you, you are locked out and only the account's root user can change it"));
            return;
        }
        if (text.isEmpty()) {
            checks.add(Check.fail("bucket-policy", title, List.of("GetBucketPolicy: NoSuchBucketPolicy — the bucket has no policy,"
                    + " so nothing denies requests from outside the VPC: the data is not confined"), generateAndApply(r)));
            return;
        }
        PolicyReader.Result read = PolicyReader.parse(text.get());
        if (!read.ok()) {
            checks.add(Check.fail("bucket-policy", title, List.of("GetBucketPolicy: "
                    + read.problems().get(0).format("s3://" + r.bucket() + "?policy")), generateAndApply(r)));
            return;
        }
        Policy policy = read.parsed().get().policy();
        VerifyInputs inputs = VerifyInputs.of(r.region(), region.partition().value(), r.bucket(), caller.account())
                .withServiceEndpoints(List.of(GroundTruthAccess.endpoint(region.groundTruthEndpoint().value(), r.region())))
                .withNetwork(r.vpcs(), r.vpces(), List.of())
                .withPrincipals(r.roleArns(), Optional.empty())
                .withActions(CONFINED_ACTIONS);
        VerificationReport report = Verifier.verify(policy, inputs, Optional.empty());
        List<String> evidence = new ArrayList<>();
        evidence.add("GetBucketPolicy: " + policy.statements().size() + " statement" + (policy.statements().size() == 1 ? "" : "s")
                + "; outside-denied checks " + String.join(" and ", CONFINED_ACTIONS) + ", which the page's policies deny");
        for (PropertyResult p : report.results()) {
            evidence.add(p.status() + " " + p.property() + " " + p.subject());
            p.counterexample().ifPresent(c -> evidence.add("  " + counterexample(c)));
        }
        report.samplingNotes().stream().distinct().forEach(n -> evidence.add("sampled, not exhaustive: " + n));
        checks.add(report.proved() ? Check.pass("bucket-policy", title, evidence)
                : Check.fail("bucket-policy", title, evidence, generateAndApply(r) + " (gtvpc policy verify shows the details)"));

        String lockTitle = "you (" + Caller.principalArnOf(caller.arn()) + ") keep managing the bucket policy "
                + r.callerVpce().map(e -> "through " + e).orElse("from the internet");
        PropertyResult lock = Verifier.callerKeepsPolicyAccess(policy, inputs, caller.arn(), r.callerVpce(),
                Optional.empty());
        List<String> lockEvidence = new ArrayList<>();
        lockEvidence.add(lock.status() + " " + lock.property() + " " + lock.subject() + ": " + String.join(", ", Verifier.POLICY_ACTIONS));
        lock.counterexample().ifPresent(c -> lockEvidence.add("  " + counterexample(c)));
        checks.add(lock.status() == PropertyResult.Status.PROVED ? Check.pass("policy-lockout", lockTitle, lockEvidence)
                : Check.fail("policy-lockout", lockTitle, lockEvidence, "exempt your role in the policy (--role-arn "
                        + Caller.principalArnOf(caller.arn()) + " for gtvpc policy generate), or name the endpoint you work through with"
                        + " --caller-vpce; otherwise only the account's root user can change the policy from here"));
    }

    // ------------------------------------------------------------------------------------------ the VPC

    private void checkEndpoints(PreflightRequest r, RegionInfo region, Identity caller, String vpc, List<Check> checks) {
        String service = "com.amazonaws." + r.region() + ".s3";
        String title = "VPC " + vpc + " has an S3 endpoint (" + service + ")";
        List<VpcEndpoint> all;
        try {
            all = vpcs.endpoints(vpc);
        } catch (AwsCallFailed e) {
            checks.add(notPermitted("s3-endpoint", title, e, caller, "ec2:DescribeVpcEndpoints"));
            return;
        }
        List<VpcEndpoint> s3 = all.stream().filter(e -> e.isS3In(r.region())).toList();
        List<VpcEndpoint> usable = s3.stream().filter(VpcEndpoint::available).toList();
        List<String> evidence = new ArrayList<>();
        evidence.add("DescribeVpcEndpoints vpc-id=" + vpc + ": " + all.size() + " endpoint" + (all.size() == 1 ? "" : "s") + ", "
                + s3.size() + " for " + service);
        for (VpcEndpoint e : s3) {
            evidence.add(e.id() + " (" + e.type() + ", " + e.state() + ")");
        }
        if (usable.isEmpty()) {
            checks.add(Check.fail("s3-endpoint", title, evidence, "create one: aws ec2 create-vpc-endpoint --region " + r.region()
                    + " --vpc-id " + vpc + " --service-name " + service + " --route-table-ids RTB_ID… (a gateway endpoint; the"
                    + " labeling job's subnets must use those route tables)"));
            return;
        }
        checks.add(Check.pass("s3-endpoint", title, evidence));

        String policyTitle = "the S3 endpoint policy of " + vpc + " lets it reach " + r.bucket() + ", "
                + String.join(" and ", region.systemBuckets());
        List<String[]> needed = EndpointPolicyCheck.needed(r.region(), r.bucket(), regions);
        List<String> policyEvidence = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (VpcEndpoint e : usable) {
            if (e.policyDocument().isEmpty()) {
                policyEvidence.add(e.id() + ": no policy document, which is full access");
                continue;
            }
            PolicyReader.Result read = PolicyReader.parse(e.policyDocument().get());
            if (!read.ok()) {
                policyEvidence.add(e.id() + ": the policy cannot be read: " + read.problems().get(0).format(e.id()));
                failing.add(e.id());
                continue;
            }
            List<EndpointPolicyCheck.Refusal> refused = EndpointPolicyCheck.refusals(read.parsed().get().policy(), needed, region,
                    r.bucket(), caller.account(), e.id(), vpc);
            if (refused.isEmpty()) {
                policyEvidence.add(e.id() + ": allows all " + needed.size() + " requests the VPC needs");
            } else {
                failing.add(e.id());
                policyEvidence.add(e.id() + ": " + refused.size() + " of " + needed.size() + " requests the VPC needs are refused:");
                refused.forEach(x -> policyEvidence.add("  " + x.action() + " on " + x.resource() + ": " + x.decision()));
            }
        }
        if (failing.isEmpty()) {
            checks.add(Check.pass("endpoint-policy", policyTitle, policyEvidence));
        } else {
            String modify = String.join("; ", failing.stream().map(id -> "aws ec2 modify-vpc-endpoint --region " + r.region()
                    + " --vpc-endpoint-id " + id + " --policy-document file://endpoint-policy.json").toList());
            checks.add(Check.fail("endpoint-policy", policyTitle, policyEvidence, "gtvpc endpoint-policy generate --region " + r.region()
                    + " --bucket " + r.bucket() + " > endpoint-policy.json, then " + modify
                    + " (or add its statements to the endpoint's policy)"));
        }
    }

    private Check checkSubnets(PreflightRequest r, Identity caller) {
        String title = "the subnets exist and are in " + String.join(" or ", r.vpcs());
        VpcInventory.Lookup<Subnet> found;
        try {
            found = vpcs.subnets(r.subnets());
        } catch (AwsCallFailed e) {
            return notPermitted("subnets", title, e, caller, "ec2:DescribeSubnets");
        }
        List<String> evidence = new ArrayList<>();
        boolean ok = true;
        for (String id : r.subnets()) {
            Optional<Subnet> s = found.found().stream().filter(x -> x.id().equals(id)).findFirst();
            if (s.isEmpty()) {
                evidence.add(id + ": does not exist in " + r.region() + " (InvalidSubnetID.NotFound)");
                ok = false;
            } else if (!r.vpcs().contains(s.get().vpcId())) {
                evidence.add(id + ": in " + s.get().vpcId() + " (" + s.get().availabilityZone() + "), not in " + String.join(" or ", r.vpcs()));
                ok = false;
            } else {
                evidence.add(id + ": in " + s.get().vpcId() + " (" + s.get().availabilityZone() + ")");
            }
        }
        return ok ? Check.pass("subnets", title, evidence) : Check.fail("subnets", title, evidence,
                "use subnets of the VPC: aws ec2 describe-subnets --region " + r.region() + " --filters Name=vpc-id,Values="
                        + String.join(",", r.vpcs()));
    }

    private Check checkSecurityGroups(PreflightRequest r, Identity caller) {
        String title = "the security groups exist and are in " + String.join(" or ", r.vpcs());
        VpcInventory.Lookup<SecurityGroup> found;
        try {
            found = vpcs.securityGroups(r.securityGroups());
        } catch (AwsCallFailed e) {
            return notPermitted("security-groups", title, e, caller, "ec2:DescribeSecurityGroups");
        }
        List<String> evidence = new ArrayList<>();
        boolean ok = true;
        for (String id : r.securityGroups()) {
            Optional<SecurityGroup> g = found.found().stream().filter(x -> x.id().equals(id)).findFirst();
            if (g.isEmpty()) {
                evidence.add(id + ": does not exist in " + r.region() + " (InvalidGroup.NotFound)");
                ok = false;
            } else if (!r.vpcs().contains(g.get().vpcId())) {
                evidence.add(id + " (" + g.get().name() + "): in " + g.get().vpcId() + ", not in " + String.join(" or ", r.vpcs()));
                ok = false;
            } else {
                evidence.add(id + " (" + g.get().name() + "): in " + g.get().vpcId());
            }
        }
        return ok ? Check.pass("security-groups", title, evidence) : Check.fail("security-groups", title, evidence,
                "use security groups of the VPC: aws ec2 describe-security-groups --region " + r.region()
                        + " --filters Name=vpc-id,Values=" + String.join(",", r.vpcs()));
    }

    // ------------------------------------------------------------------------------------------ jobs

    private Check checkJobs(PreflightRequest r, Identity caller) {
        String title = "no IN_PROGRESS labeling job uses bucket " + r.bucket();
        List<LabelingJob> running;
        try {
            running = jobs.inProgress();
        } catch (AwsCallFailed e) {
            if (e.reason() != AwsCallFailed.Reason.ACCESS_DENIED) {
                throw e;
            }
            return Check.warn("in-progress-jobs", title, List.of("not checked: " + e.getMessage()),
                    "allow sagemaker:ListLabelingJobs and sagemaker:DescribeLabelingJob to " + Caller.principalArnOf(caller.arn())
                            + ", or make sure yourself that no running job uses the bucket before changing its policy");
        }
        List<LabelingJob> using = running.stream().filter(j -> j.uses(r.bucket())).toList();
        if (using.isEmpty()) {
            return Check.pass("in-progress-jobs", title, List.of("ListLabelingJobs StatusEquals=InProgress: " + running.size()
                    + " job" + (running.size() == 1 ? "" : "s") + ", none using " + r.bucket()));
        }
        List<String> evidence = new ArrayList<>();
        for (LabelingJob j : using) {
            evidence.add(j.name() + ": " + String.join(", ", j.locationsIn(r.bucket()).stream()
                    .map(l -> l.role() + " " + l.s3Uri()).toList()));
        }
        return Check.warn("in-progress-jobs", title, evidence, "changing the bucket's policy now can make "
                + (using.size() == 1 ? "this job" : "these jobs") + " fail: wait until " + (using.size() == 1 ? "it ends" : "they end")
                + ", stop " + (using.size() == 1 ? "it" : "them") + " (aws sagemaker stop-labeling-job --labeling-job-name NAME),"
                + " or use a new bucket");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** An access-denied call as the check's result; any other failure propagates (exit 3). */
    private static Check notPermitted(String id, String title, AwsCallFailed e, Identity caller, String permission) {
        if (e.reason() != AwsCallFailed.Reason.ACCESS_DENIED) {
            throw e;
        }
        return Check.fail(id, title, List.of("not checked: " + e.getMessage()), "allow " + permission + " to "
                + Caller.principalArnOf(caller.arn()) + " (preflight only reads), then run it again");
    }

    private static String counterexample(Counterexample c) {
        String decided = c.decision().map(Enum::name).orElse("no decision");
        return "counterexample: " + c.request().action() + " on " + c.request().resource() + " by " + c.caller().label() + " from "
                + c.origin() + " is " + decided + (c.statements().isEmpty() ? "" : " by statement " + String.join(", ", c.statements()));
    }

    private static String bucketArn(PreflightRequest r) {
        return "arn:" + AwsIds.partitionOf(r.region()) + ":s3:::" + r.bucket();
    }

    private static String createBucket(PreflightRequest r) {
        return "aws s3api create-bucket --bucket " + r.bucket() + " --region " + r.region()
                + (r.region().equals("us-east-1") ? "" : " --create-bucket-configuration LocationConstraint=" + r.region());
    }

    /** The command that writes a policy for exactly these inputs and applies it safely. */
    static String generateAndApply(PreflightRequest r) {
        StringBuilder b = new StringBuilder("gtvpc policy generate --region ").append(r.region()).append(" --bucket ").append(r.bucket());
        r.vpcs().forEach(v -> b.append(" --vpc ").append(v));
        r.vpces().forEach(v -> b.append(" --vpce ").append(v));
        r.roleArns().forEach(v -> b.append(" --role-arn ").append(v));
        return b.append(" | gtvpc policy apply - --bucket ").append(r.bucket()).append(" --region ").append(r.region()).toString();
    }
}
