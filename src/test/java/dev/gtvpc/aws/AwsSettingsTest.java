package dev.gtvpc.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Endpoints and profiles are chosen as the AWS CLI chooses them. */
class AwsSettingsTest {
    private static final Set<AwsService> S3_ONLY = Set.of(AwsService.S3);

    private static AwsSettings settings(Optional<String> endpointFlag, Map<String, String> env) {
        return settings(endpointFlag, S3_ONLY, env);
    }

    private static AwsSettings settings(Optional<String> endpointFlag, Set<AwsService> reaches, Map<String, String> env) {
        return new AwsSettings(Optional.empty(), Optional.empty(), endpointFlag, reaches, env);
    }

    @Test
    void theFlagWinsForS3ThenTheServiceVariableThenTheGeneralOne() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://all", "AWS_ENDPOINT_URL_S3", "http://s3-only");
        assertThat(settings(Optional.of("http://flag"), env).endpointFor(AwsService.S3)).contains("http://flag");
        assertThat(settings(Optional.empty(), env).endpointFor(AwsService.S3)).contains("http://s3-only");
        assertThat(settings(Optional.empty(), env).endpointFor(AwsService.STS)).contains("http://all");
        assertThat(settings(Optional.of("http://flag"), env).endpointFor(AwsService.SAGEMAKER)).contains("http://all");
        assertThat(settings(Optional.empty(), Map.of()).endpointFor(AwsService.S3)).isEmpty();
    }

    @Test
    void theFlagReachesTheServicesTheCommandNamesButTheirOwnVariablesWin() {
        Set<AwsService> audit = Set.of(AwsService.S3, AwsService.CONFIG_SERVICE);
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://all", "AWS_ENDPOINT_URL_EC2", "http://ec2-only");
        assertThat(settings(Optional.of("http://flag"), audit, env).endpointFor(AwsService.CONFIG_SERVICE)).contains("http://flag");
        assertThat(settings(Optional.of("http://flag"), audit, env).endpointFor(AwsService.STS)).contains("http://all");
        assertThat(settings(Optional.empty(), audit, env).endpointFor(AwsService.CONFIG_SERVICE)).contains("http://all");
        Set<AwsService> preflight = Set.of(AwsService.S3, AwsService.STS, AwsService.SAGEMAKER, AwsService.EC2);
        assertThat(settings(Optional.of("http://flag"), preflight, env).endpointFor(AwsService.SAGEMAKER)).contains("http://flag");
        assertThat(settings(Optional.of("http://flag"), preflight, env).endpointFor(AwsService.STS)).contains("http://flag");
        assertThat(settings(Optional.of("http://flag"), preflight, env).endpointFor(AwsService.EC2)).contains("http://ec2-only");
        assertThat(settings(Optional.of("http://flag"), audit, Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true",
                "AWS_ENDPOINT_URL_CONFIG_SERVICE", "http://config-only")).endpointFor(AwsService.CONFIG_SERVICE)).contains("http://flag");
    }

    @Test
    void configuredEndpointsCanBeIgnoredButNotTheFlag() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_S3", "http://s3-only", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertThat(settings(Optional.empty(), env).endpointFor(AwsService.S3)).isEmpty();
        assertThat(settings(Optional.of("http://flag"), env).endpointFor(AwsService.S3)).contains("http://flag");
    }

    @Test
    void theProfileFlagBeatsTheVariableAndBlankValuesCountAsUnset() {
        assertThat(new AwsSettings(Optional.empty(), Optional.of("flag"), Optional.empty(), S3_ONLY, Map.of("AWS_PROFILE", "env"))
                .effectiveProfile()).contains("flag");
        assertThat(settings(Optional.empty(), Map.of("AWS_PROFILE", "env")).effectiveProfile()).contains("env");
        assertThat(settings(Optional.empty(), Map.of("AWS_PROFILE", " ")).effectiveProfile()).isEmpty();
    }
}
