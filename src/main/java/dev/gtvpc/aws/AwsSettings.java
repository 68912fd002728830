package dev.gtvpc.aws;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach AWS, as the AWS CLI decides it: {@code --region}, {@code --profile} and
 * {@code --endpoint-url} (S3 only) from the command line, then the environment ({@code AWS_REGION},
 * {@code AWS_DEFAULT_REGION}, {@code AWS_PROFILE}, {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_S3}
 * …), then the shared config files. The environment is passed in rather than read here so that tests
 * can run the CLI in-process against local servers.
 */
public record AwsSettings(Optional<String> region, Optional<String> profile, Optional<String> s3EndpointUrl,
        Map<String, String> environment, java.time.Duration readTimeout, java.time.Duration connectTimeout) {

    /** The AWS CLI's defaults for --cli-read-timeout and --cli-connect-timeout. */
    public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(60);

    public AwsSettings(Optional<String> region, Optional<String> profile, Optional<String> s3EndpointUrl, Map<String, String> environment) {
        this(region, profile, s3EndpointUrl, environment, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    public AwsSettings {
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(s3EndpointUrl, "s3EndpointUrl");
        environment = Map.copyOf(environment);
    }

    /** --profile, else AWS_PROFILE. */
    public Optional<String> effectiveProfile() {
        return profile.or(() -> env("AWS_PROFILE"));
    }

    /**
     * The endpoint for a service: for S3 {@code --endpoint-url} first; then {@code AWS_ENDPOINT_URL_<SERVICE>},
     * then {@code AWS_ENDPOINT_URL} — unless {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is true, as in the
     * AWS CLI and SDKs.
     *
     * @param serviceEnvName the service's part of the variable name: S3, STS, SAGEMAKER, EC2, CONFIG_SERVICE
     */
    public Optional<String> endpointFor(String serviceEnvName) {
        if (serviceEnvName.equals("S3") && s3EndpointUrl.isPresent()) {
            return s3EndpointUrl;
        }
        if (env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").filter("true"::equalsIgnoreCase).isPresent()) {
            return Optional.empty();
        }
        return env("AWS_ENDPOINT_URL_" + serviceEnvName).or(() -> env("AWS_ENDPOINT_URL"));
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }
}
