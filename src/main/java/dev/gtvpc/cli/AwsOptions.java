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
            description = "Send S3 requests to this URL (path-style), e.g. an S3-compatible server; audit also sends AWS Config"
                    + " and Organizations requests there unless AWS_ENDPOINT_URL_CONFIG_SERVICE / AWS_ENDPOINT_URL_ORGANIZATIONS"
                    + " name their own. STS, SageMaker and EC2 follow AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL_SAGEMAKER /"
                    + " AWS_ENDPOINT_URL_EC2; AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL work as in the AWS CLI.")
    String endpointUrl;

    @Option(names = "--cli-read-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "As in the AWS CLI: the longest wait for data on a connection; 0 is no limit. It also bounds each"
                    + " attempt of a call (with --cli-connect-timeout), and a call with its retries to three attempts' time, so a"
                    + " server that trickles its answer cannot hold gtvpc (default: ${DEFAULT-VALUE}).")
    long readTimeoutSeconds;

    @Option(names = "--cli-connect-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "As in the AWS CLI: the longest wait to open a connection; 0 is no limit (default: ${DEFAULT-VALUE}).")
    long connectTimeoutSeconds;

    AwsServices connect(CommandSpec spec, Optional<String> region) {
        if (readTimeoutSeconds < 0 || connectTimeoutSeconds < 0) {
            throw dev.gtvpc.GtvpcException.badInput((readTimeoutSeconds < 0 ? "--cli-read-timeout" : "--cli-connect-timeout")
                    + ": a number of seconds, 0 or more, is needed");
        }
        AwsSettings settings = new AwsSettings(region, Optional.ofNullable(profile), Optional.ofNullable(endpointUrl),
                GtvpcCommand.context(spec).environment(), java.time.Duration.ofSeconds(readTimeoutSeconds),
                java.time.Duration.ofSeconds(connectTimeoutSeconds));
        return AwsServices.connect(settings);
    }
}
