package dev.gtvpc.cli;

import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.aws.AwsSettings;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The AWS CLI's connection options, shared by every command that talks to AWS. */
public final class AwsOptions {
    @Option(names = "--profile", paramLabel = "NAME",
            description = "Use this profile of the shared AWS config and credentials files (default: AWS_PROFILE, then the"
                    + " default credential chain).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send S3 requests to this URL (path-style), e.g. an S3-compatible server. STS, SageMaker and EC2"
                    + " follow AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL_SAGEMAKER / AWS_ENDPOINT_URL_EC2; AWS_ENDPOINT_URL_S3 and"
                    + " AWS_ENDPOINT_URL work as in the AWS CLI.")
    String endpointUrl;

    AwsServices connect(CommandSpec spec, Optional<String> region) {
        AwsSettings settings = new AwsSettings(region, Optional.ofNullable(profile), Optional.ofNullable(endpointUrl),
                GtvpcCommand.context(spec).environment());
        return AwsServices.connect(settings);
    }
}
