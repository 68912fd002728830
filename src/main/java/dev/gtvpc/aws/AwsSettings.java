package dev.gtvpc.aws;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach AWS, as the AWS CLI decides it: {@code --region}, {@code --profile} and
 * {@code --endpoint-url} (S3, AWS Config, Organizations) from the command line, then the environment ({@code AWS_REGION},
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
     * The endpoint for a service. For S3 {@code --endpoint-url} first (an S3-compatible server, path-style);
     * then {@code AWS_ENDPOINT_URL_<SERVICE>}; then, for the other services audit calls (Config,
     * Organizations), {@code --endpoint-url}, as the AWS CLI applies it to the service it calls; then
     * {@code AWS_ENDPOINT_URL}. The variables are skipped when {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS}
     * is true, as in the AWS CLI and SDKs; the flag never is.
     *
     * @param serviceEnvName the service's part of the variable name: S3, STS, SAGEMAKER, EC2, CONFIG_SERVICE, ORGANIZATIONS
     */
    public Optional<String> endpointFor(String serviceEnvName) {
        if (serviceEnvName.equals("S3") && s3EndpointUrl.isPresent()) {
            return s3EndpointUrl;
        }
        boolean ignore = env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").filter("true"::equalsIgnoreCase).isPresent();
        Optional<String> specific = ignore ? Optional.empty() : env("AWS_ENDPOINT_URL_" + serviceEnvName);
        if (specific.isPresent()) {
            return specific;
        }
        if (FLAG_SERVICES.contains(serviceEnvName) && s3EndpointUrl.isPresent()) {
            return s3EndpointUrl;
        }
        return ignore ? Optional.empty() : env("AWS_ENDPOINT_URL");
    }

    // the services besides S3 that --endpoint-url reaches: those audit calls; STS, SageMaker and EC2 keep
    // their variables, so a flag that names an S3-compatible server does not send them there
    private static final java.util.Set<String> FLAG_SERVICES = java.util.Set.of("CONFIG_SERVICE", "ORGANIZATIONS");

    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }
}
