package dev.gtvpc.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Whether the SDK's default credential chain has anything to find. When nothing is configured, the
 * chain's last step — the EC2 instance metadata service — takes 8–15 s to time out on a machine that
 * is not an EC2 instance before the user learns there are no credentials (issue 28); so gtvpc asks
 * that service only where it plausibly answers: on an EC2 instance, as the hypervisor and the board's
 * asset tag say.
 */
final class CredentialSources {
    private CredentialSources() {
    }

    /**
     * @param env the environment gtvpc runs in
     * @param files the shared config and credentials files, if any
     * @param sys the root of {@code /sys} (a test gives another)
     */
    static boolean anyConfigured(Function<String, Optional<String>> env, Optional<ProfileFile> files, Path sys) {
        if (env.apply("AWS_ACCESS_KEY_ID").isPresent() || env.apply("AWS_WEB_IDENTITY_TOKEN_FILE").isPresent()
                || env.apply("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()
                || env.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return true;
        }
        if (files.flatMap(f -> f.profile("default")).isPresent()) {
            return true;
        }
        boolean metadataDisabled = env.apply("AWS_EC2_METADATA_DISABLED").filter("true"::equalsIgnoreCase).isPresent();
        return !metadataDisabled && onEc2(sys);
    }

    /** An EC2 instance: a Xen hypervisor whose UUID starts with "ec2", or (Nitro) a board asset tag that is an instance ID. */
    private static boolean onEc2(Path sys) {
        return startsWith(sys.resolve("hypervisor/uuid"), "ec2") || startsWith(sys.resolve("devices/virtual/dmi/id/board_asset_tag"), "i-");
    }

    private static boolean startsWith(Path file, String prefix) {
        try {
            return Files.isReadable(file) && Files.readString(file).strip().toLowerCase(Locale.ROOT).startsWith(prefix);
        } catch (IOException | RuntimeException e) {
            // an unreadable file says nothing about where gtvpc runs
            return false;
        }
    }
}
