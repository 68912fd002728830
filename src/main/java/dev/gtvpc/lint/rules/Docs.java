package dev.gtvpc.lint.rules;

/** The AWS pages rules rest on. */
public final class Docs {
    static final String EFFECT = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html";
    static final String GRAMMAR = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html";
    static final String VERSION = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html";
    static final String RESOURCE = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html";
    static final String ARNS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html";
    static final String NOT_PRINCIPAL = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html";
    static final String SCP_SYNTAX = "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html";
    static final String RCP_SYNTAX = "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html";
    static final String ENDPOINT_POLICIES = "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html";
    static final String PRINCIPAL = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html";
    static final String CONDITION_OPERATORS =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html";
    static final String SINGLE_VS_MULTI =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html";
    static final String GLOBAL_KEYS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html";
    static final String CONDITION = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html";
    static final String S3_ACTIONS = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html";
    static final String ACCESS_ANALYZER_CHECKS =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";
    static final String S3_BUCKET_POLICIES = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html";
    static final String S3_VPC_ENDPOINT_POLICIES =
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html";
    public static final String GROUND_TRUTH_VPC =
            "https://docs.aws.amazon.com/sagemaker/latest/dg/samurai-vpc-labeling-job.html#sms-vpc-permissions-s3";
    static final String DELETE_BUCKET_POLICY = "https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteBucketPolicy.html";
    static final String S3_LIMITS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html";
    static final String DEMO_NAMES = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html";

    private Docs() {
    }
}
