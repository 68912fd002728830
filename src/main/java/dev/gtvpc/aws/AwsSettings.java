package dev.gtvpc.aws;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach AWS, as the AWS CLI decides it: {@code --region}, {@code --profile} and
 * {@code --endpoint-url} (for the services in {@code endpointUrlReaches}: those the command is about) from the
 * command line, then the environment ({@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, {@code AWS_PROFILE},
 * {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_S3} …), then the shared config files. The environment
 * is passed in rather than read here so that tests can run the CLI in-process against local servers.
 */
public record AwsSettings(Optional<String> region, Optional<String> profile, Optional<String> endpointUrl,
        Set<AwsService> endpointUrlReaches, Map<String, String> environment, java.time.Duration readTimeout,
        java.time.Duration connectTimeout) {

    /** The AWS CLI's defaults for --cli-read-timeout and --cli-connect-timeout. */
    public static final java.time.Duration DEFAULT_TIMEOUT = java.time.Duration.ofSeconds(60);

    public AwsSettings(Optional<String> region, Optional<String> profile, Optional<String> endpointUrl,
            Set<AwsService> endpointUrlReaches, Map<String, String> environment) {
        this(region, profile, endpointUrl, endpointUrlReaches, environment, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
    }

    public AwsSettings {
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        endpointUrlReaches = Set.copyOf(endpointUrlReaches);
        environment = Map.copyOf(environment);
    }

    /** --profile, else AWS_PROFILE. */
    public Optional<String> effectiveProfile() {
        return profile.or(() -> env("AWS_PROFILE"));
    }

    /**
     * The endpoint for a service. For S3 {@code --endpoint-url} first (an S3-compatible server, path-style);
     * then {@code AWS_ENDPOINT_URL_<SERVICE>}; then, for the other services the command lets the flag reach,
     * {@code --endpoint-url}; then {@code AWS_ENDPOINT_URL}. A service the command does not let the flag reach
     * (apply's checks of the caller and the labeling jobs) keeps its variables, so a flag that names an
     * S3-compatible server does not send it there. The variables are skipped when
     * {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} is true, as in the AWS CLI and SDKs; the flag never is.
     */
    public Optional<String> endpointFor(AwsService service) {
        Optional<String> flag = endpointUrlReaches.contains(service) ? endpointUrl : Optional.empty();
        if (service == AwsService.S3 && flag.isPresent()) {
            return flag;
        }
        boolean ignore = env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS").filter("true"::equalsIgnoreCase).isPresent();
        Optional<String> specific = ignore ? Optional.empty() : env(service.endpointVariable());
        if (specific.isPresent()) {
            return specific;
        }
        if (flag.isPresent()) {
            return flag;
        }
        return ignore ? Optional.empty() : env("AWS_ENDPOINT_URL");
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }
}
