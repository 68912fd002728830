package dev.gtvpc.apply;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.BucketPolicyStore;
import dev.gtvpc.aws.CallerIdentity;
import dev.gtvpc.aws.Identity;
import dev.gtvpc.aws.LabelingJob;
import dev.gtvpc.aws.LabelingJobs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** S3, SageMaker and STS as plain maps, with hooks to fail or interfere at chosen calls. */
final class InMemoryAws implements BucketPolicyStore, LabelingJobs, CallerIdentity {
    final Map<String, String> regions = new HashMap<>();
    final Map<String, String> policies = new HashMap<>();
    final List<LabelingJob> jobs = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    Identity identity = new Identity("111122223333", "arn:aws:sts::111122223333:assumed-role/Admin/jane", "AROAEXAMPLE:jane");
    /** Runs before the n-th GetBucketPolicy (1-based), e.g. to change the policy behind gtvpc's back. */
    final Map<Integer, Consumer<InMemoryAws>> beforeGet = new HashMap<>();
    boolean failPut;
    boolean putLandsThenFails;
    int failGetFrom = Integer.MAX_VALUE;
    private int gets;

    @Override
    public String bucketRegion(String bucket) {
        calls.add("GetBucketLocation");
        String r = regions.get(bucket);
        if (r == null) {
            throw new GtvpcException(ExitCode.AWS_ERROR, "GetBucketLocation on bucket " + bucket + ": the bucket does not exist");
        }
        return r;
    }

    @Override
    public Optional<String> policy(String bucket) {
        calls.add("GetBucketPolicy");
        gets++;
        Consumer<InMemoryAws> hook = beforeGet.get(gets);
        if (hook != null) {
            hook.accept(this);
        }
        if (gets >= failGetFrom) {
            throw new GtvpcException(ExitCode.AWS_ERROR, "GetBucketPolicy on bucket " + bucket + ": the service failed (HTTP 500)");
        }
        return Optional.ofNullable(policies.get(bucket));
    }

    @Override
    public void putPolicy(String bucket, String policyJson, boolean confirmRemoveSelfAccess) {
        calls.add("PutBucketPolicy" + (confirmRemoveSelfAccess ? "+confirm" : ""));
        if (failPut) {
            throw new GtvpcException(ExitCode.AWS_ERROR, "PutBucketPolicy on bucket " + bucket + ": cannot reach S3 (connection reset)");
        }
        policies.put(bucket, policyJson);
        if (putLandsThenFails) {
            throw new GtvpcException(ExitCode.AWS_ERROR, "PutBucketPolicy on bucket " + bucket + ": cannot reach S3 (connection reset)");
        }
    }

    @Override
    public void deletePolicy(String bucket) {
        calls.add("DeleteBucketPolicy");
        policies.remove(bucket);
    }

    @Override
    public List<LabelingJob> inProgress() {
        calls.add("ListLabelingJobs");
        return jobs;
    }

    @Override
    public Identity whoAmI() {
        calls.add("GetCallerIdentity");
        return identity;
    }
}
