package dev.gtvpc.groundtruth;

import java.util.List;

/**
 * Who an identity policy from {@code iam-policy generate} is for, with the S3 actions the Ground Truth
 * VPC page lists for them (sms-vpc-permissions-s3), in the page's order and the catalogue's spelling.
 */
public enum IdentityPolicyAudience {
    /** The role Ground Truth assumes for the job: "Ground Truth must be able to perform the following … actions". */
    EXECUTION_ROLE("execution-role", "LabelingJobExecutionRole", ActionSelection.GROUND_TRUTH_ACTIONS),
    /** A person who starts jobs from the console: "This user must also have permission to perform …". */
    CONSOLE_USER("console-user", "LabelingConsoleUser", List.of(
            "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:GetBucketCORS", "s3:PutBucketCORS", "s3:ListAllMyBuckets"));

    private final String cliName;
    private final String sidStem;
    private final List<String> actions;

    IdentityPolicyAudience(String cliName, String sidStem, List<String> actions) {
        this.cliName = cliName;
        this.sidStem = sidStem;
        this.actions = actions;
    }

    public String cliName() {
        return cliName;
    }

    String sidStem() {
        return sidStem;
    }

    /** The documented actions, nothing more. */
    public List<String> actions() {
        return actions;
    }
}
