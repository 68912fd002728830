package dev.gtvpc.aws;

/**
 * The AWS services gtvpc calls, each named as the AWS CLI's endpoint variables name it
 * ({@code AWS_ENDPOINT_URL_<name>}) and as a reader knows it.
 */
public enum AwsService {
    S3("S3"),
    STS("STS"),
    SAGEMAKER("SageMaker"),
    EC2("EC2"),
    // "Config Service" in the SDK's service ID, hence the variable's name
    CONFIG_SERVICE("AWS Config"),
    ORGANIZATIONS("AWS Organizations");

    private final String title;

    AwsService(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The service's own endpoint variable, as the AWS CLI and SDKs read it. */
    public String endpointVariable() {
        return "AWS_ENDPOINT_URL_" + name();
    }
}
