package dev.gtvpc.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

/** When the default credential chain is worth asking, so that "no credentials" comes at once instead of after the EC2 metadata probe. */
class CredentialSourcesTest {
    @TempDir
    Path sys;

    private final Map<String, String> env = new HashMap<>();

    private boolean configured(Optional<ProfileFile> files) {
        return CredentialSources.anyConfigured(name -> Optional.ofNullable(env.get(name)), files, sys);
    }

    private static ProfileFile credentials(String text) {
        return ProfileFile.builder().content(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .type(ProfileFile.Type.CREDENTIALS).build();
    }

    @Test
    void nothingConfiguredOffEc2IsNoSourceEvenWithTheMetadataServiceEnabled() {
        assertThat(configured(Optional.empty())).isFalse();
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1");
        assertThat(configured(Optional.empty())).isFalse();
    }

    @Test
    void eachVariableOfTheChainIsASource() {
        for (String name : new String[] {"AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI"}) {
            env.clear();
            env.put(name, "x");
            assertThat(configured(Optional.empty())).as(name).isTrue();
        }
    }

    @Test
    void aDefaultProfileIsASourceAndOnlyOtherProfilesAreNot() {
        assertThat(configured(Optional.of(credentials("[default]\naws_access_key_id = AKIAEXAMPLE\n")))).isTrue();
        assertThat(configured(Optional.of(credentials("[other]\naws_access_key_id = AKIAEXAMPLE\n")))).isFalse();
    }

    @Test
    void onEc2TheMetadataServiceIsASourceUnlessDisabled() throws IOException {
        Files.createDirectories(sys.resolve("devices/virtual/dmi/id"));
        Files.writeString(sys.resolve("devices/virtual/dmi/id/board_asset_tag"), "i-0123456789abcdef0\n");
        assertThat(configured(Optional.empty())).isTrue();
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        assertThat(configured(Optional.empty())).isFalse();
    }

    @Test
    void aXenEc2HypervisorIsEc2() throws IOException {
        Files.createDirectories(sys.resolve("hypervisor"));
        Files.writeString(sys.resolve("hypervisor/uuid"), "ec2e1916-9099-7caf-fd21-012345abcdef\n");
        assertThat(configured(Optional.empty())).isTrue();
    }
}
