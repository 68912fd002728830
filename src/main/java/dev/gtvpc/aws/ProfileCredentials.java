package dev.gtvpc.aws;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Credentials from a profile of the shared config files, where a profile that cannot give any — a
 * secret key missing, a {@code credential_process} that fails or prints something else than its JSON —
 * is a configuration error the user fixes (exit 2, one line naming the profile), not a bug in gtvpc:
 * the SDK throws IllegalArgumentException / IllegalStateException for those, which used to end as
 * exit 70 (issue 17.8). What the SDK reports as its own client exception (no credentials in the profile,
 * an STS call of a role profile that fails) stays with {@link AwsErrors}.
 */
final class ProfileCredentials implements AwsCredentialsProvider {
    private final String profile;
    private final AwsCredentialsProvider delegate;

    private ProfileCredentials(String profile, AwsCredentialsProvider delegate) {
        this.profile = profile;
        this.delegate = delegate;
    }

    /** The named profile's credentials, as the AWS CLI reads them. */
    static AwsCredentialsProvider of(String profile, ProfileFile file) {
        return new ProfileCredentials(profile, ProfileCredentialsProvider.builder().profileFile(file).profileName(profile).build());
    }

    /**
     * The SDK's default chain; when it finds nothing and the files hold a {@code default} profile, that
     * profile's own failure is the reason the user needs (the chain moves on past a broken profile and
     * reports only that it found nothing).
     */
    static AwsCredentialsProvider defaultChain(AwsCredentialsProvider chain, Supplier<Optional<ProfileFile>> files) {
        return new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                try {
                    return chain.resolveCredentials();
                } catch (SdkClientException e) {
                    Optional<ProfileFile> file = files.get();
                    if (file.isPresent() && file.get().profile("default").isPresent()) {
                        // throws the profile's configuration error, if it has one
                        of("default", file.get()).resolveCredentials();
                    }
                    throw e;
                }
            }

            @Override
            public String toString() {
                return chain.toString();
            }
        };
    }

    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return delegate.resolveCredentials();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GtvpcException(ExitCode.BAD_INPUT, "AWS profile '" + profile + "' gives no credentials: " + reasons(e)
                    + " — fix the profile in the shared config or credentials file (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE"
                    + " or ~/.aws)", e);
        }
    }

    /** The messages of the exception and its causes, each once: the SDK's outer one alone ("Failed to refresh …") says too little. */
    static String reasons(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null || m.isBlank()) {
                continue;
            }
            // a JSON parser's message quotes the input after "[Source:": the process's output, credentials and all
            int source = m.indexOf("[Source:");
            String spaced = (source < 0 ? m : m.substring(0, source) + "…").replaceAll("\\s+", " ").strip();
            String named = spaced.replaceFirst("^(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*: )", "$1");
            String line = named.endsWith(".") ? named.substring(0, named.length() - 1) : named;
            if (messages.stream().noneMatch(seen -> seen.contains(line))) {
                messages.add(line);
            }
        }
        return messages.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", messages);
    }

    @Override
    public String toString() {
        return "ProfileCredentials(" + profile + ")";
    }
}
