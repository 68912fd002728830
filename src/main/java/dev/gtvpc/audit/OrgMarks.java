package dev.gtvpc.audit;

import java.util.ArrayList;
import java.util.List;

/** How a verdict shows that the organization's policies could not be asked. */
public final class OrgMarks {
    /** The words every such verdict carries, in its detail (every format shows the detail) and its notes. */
    public static final String BUCKET_POLICY_ONLY = "bucket policy only";

    private OrgMarks() {
    }

    static BucketVerdict bucketPolicyOnly(BucketVerdict v, String why) {
        List<String> notes = new ArrayList<>(v.notes());
        notes.add(BUCKET_POLICY_ONLY + ": the organization's RCPs and SCPs were not asked (" + why + ")");
        return new BucketVerdict(v.record(), v.verdict(), v.detail() + " (" + BUCKET_POLICY_ONLY + ")", v.properties(), v.findings(),
                v.counterexample(), notes, v.policyId());
    }
}
