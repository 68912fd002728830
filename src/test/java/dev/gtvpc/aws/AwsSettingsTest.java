package dev.gtvpc.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Endpoints and profiles are chosen as the AWS CLI chooses them. */
class AwsSettingsTest {
    private static AwsSettings settings(Optional<String> endpointFlag, Map<String, String> env) {
        return new AwsSettings(Optional.empty(), Optional.empty(), endpointFlag, env);
    }

    @Test
    void theFlagWinsForS3ThenTheServiceVariableThenTheGeneralOne() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://all", "AWS_ENDPOINT_URL_S3", "http://s3-only");
        assertThat(settings(Optional.of("http://flag"), env).endpointFor("S3")).contains("http://flag");
        assertThat(settings(Optional.empty(), env).endpointFor("S3")).contains("http://s3-only");
        assertThat(settings(Optional.empty(), env).endpointFor("STS")).contains("http://all");
        assertThat(settings(Optional.of("http://flag"), env).endpointFor("SAGEMAKER")).contains("http://all");
        assertThat(settings(Optional.empty(), Map.of()).endpointFor("S3")).isEmpty();
    }

    @Test
    void theFlagReachesConfigAndOrganizationsButTheirOwnVariablesWin() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://all", "AWS_ENDPOINT_URL_ORGANIZATIONS", "http://orgs-only");
        assertThat(settings(Optional.of("http://flag"), env).endpointFor("CONFIG_SERVICE")).contains("http://flag");
        assertThat(settings(Optional.of("http://flag"), env).endpointFor("ORGANIZATIONS")).contains("http://orgs-only");
        assertThat(settings(Optional.empty(), env).endpointFor("CONFIG_SERVICE")).contains("http://all");
        assertThat(settings(Optional.of("http://flag"), Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true",
                "AWS_ENDPOINT_URL_CONFIG_SERVICE", "http://config-only")).endpointFor("CONFIG_SERVICE")).contains("http://flag");
    }

    @Test
    void configuredEndpointsCanBeIgnoredButNotTheFlag() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL_S3", "http://s3-only", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertThat(settings(Optional.empty(), env).endpointFor("S3")).isEmpty();
        assertThat(settings(Optional.of("http://flag"), env).endpointFor("S3")).contains("http://flag");
    }

    @Test
    void theProfileFlagBeatsTheVariableAndBlankValuesCountAsUnset() {
        assertThat(new AwsSettings(Optional.empty(), Optional.of("flag"), Optional.empty(), Map.of("AWS_PROFILE", "env"))
                .effectiveProfile()).contains("flag");
        assertThat(settings(Optional.empty(), Map.of("AWS_PROFILE", "env")).effectiveProfile()).contains("env");
        assertThat(settings(Optional.empty(), Map.of("AWS_PROFILE", " ")).effectiveProfile()).isEmpty();
    }
}
