package dev.gtvpc.aws;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.util.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients, configured as the AWS CLI would be: region and credentials from the command line,
 * the environment or the profile; service endpoints from --endpoint-url or AWS_ENDPOINT_URL_* (AwsSettings);
 * standard retries; the JDK's URL connection. Each client is built on first use and closed with this.
 */
final class SdkServices implements AwsServices {
    private final AwsSettings settings;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private BucketPolicyStore buckets;
    private LabelingJobs labelingJobs;
    private CallerIdentity callerIdentity;
    private VpcInventory vpcInventory;
    private AccountBuckets accountBuckets;
    private ConfigInventory configInventory;
    private OrganizationsReader organizations;

    SdkServices(AwsSettings settings) {
        this.settings = settings;
        // the config files are read only when a profile is used or the region is nowhere else
        Supplier<Optional<ProfileFile>> profileFile = new Supplier<>() {
            private Optional<ProfileFile> read;

            @Override
            public Optional<ProfileFile> get() {
                if (read == null) {
                    read = profileFile(settings);
                }
                return read;
            }
        };
        this.region = settings.region().or(() -> settings.env("AWS_REGION")).or(() -> settings.env("AWS_DEFAULT_REGION"))
                .or(() -> profileRegion(profileFile.get(), settings.effectiveProfile().orElse("default")))
                .orElseThrow(() -> GtvpcException.badInput("no AWS region: use --region, or set AWS_REGION or the profile's region"));
        this.credentials = credentials(settings, profileFile);
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public synchronized BucketPolicyStore buckets() {
        if (buckets == null) {
            Optional<String> endpoint = settings.endpointFor(AwsService.S3);
            S3Client s3 = build(S3Client.builder()
                    // a custom endpoint is an S3-compatible server or a proxy: they take the bucket in the path
                    .forcePathStyle(endpoint.isPresent())
                    .crossRegionAccessEnabled(true)
                    // the SDK's default CRC checksums on every request are not understood by every
                    // S3-compatible server; S3 itself asks for them only where required
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED), endpoint, RetryMode.STANDARD,
                    List.of(new LocationAnswerCheck()));
            buckets = new SdkBucketPolicyStore(s3, endpoint.orElse("the S3 endpoint of " + region), callLimit());
        }
        return buckets;
    }

    @Override
    public synchronized LabelingJobs labelingJobs() {
        if (labelingJobs == null) {
            Optional<String> endpoint = settings.endpointFor(AwsService.SAGEMAKER);
            labelingJobs = new SdkLabelingJobs(build(SageMakerClient.builder(), endpoint),
                    endpoint.orElse("the SageMaker endpoint of " + region));
        }
        return labelingJobs;
    }

    @Override
    public synchronized CallerIdentity callerIdentity() {
        if (callerIdentity == null) {
            Optional<String> endpoint = settings.endpointFor(AwsService.STS);
            callerIdentity = new SdkCallerIdentity(build(StsClient.builder(), endpoint), endpoint.orElse("the STS endpoint of " + region));
        }
        return callerIdentity;
    }

    @Override
    public synchronized VpcInventory vpcInventory() {
        if (vpcInventory == null) {
            Optional<String> endpoint = settings.endpointFor(AwsService.EC2);
            vpcInventory = new SdkVpcInventory(build(Ec2Client.builder(), endpoint), endpoint.orElse("the EC2 endpoint of " + region));
        }
        return vpcInventory;
    }

    @Override
    public synchronized AccountBuckets accountBuckets() {
        if (accountBuckets == null) {
            Optional<String> endpoint = settings.endpointFor(AwsService.S3);
            S3Client s3 = build(S3Client.builder()
                    .forcePathStyle(endpoint.isPresent())
                    .crossRegionAccessEnabled(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED), endpoint, RetryMode.ADAPTIVE_V2);
            // audit reads policies as apply does: a trickling bucket is cut off at the same limit
            accountBuckets = new SdkAccountBuckets(s3, endpoint.orElse("the S3 endpoint of " + region), callLimit());
        }
        return accountBuckets;
    }

    @Override
    public synchronized ConfigInventory configInventory() {
        if (configInventory == null) {
            Optional<String> endpoint = settings.endpointFor(AwsService.CONFIG_SERVICE);
            // standard retries back off each throttled call on its own; adaptive mode's client-wide rate
            // limiter would slow every shard of the audit down to the throttled one's pace
            configInventory = new SdkConfigInventory(build(ConfigClient.builder(), endpoint, RetryMode.STANDARD),
                    endpoint.orElse("the AWS Config endpoint of " + region));
        }
        return configInventory;
    }

    @Override
    public synchronized OrganizationsReader organizations() {
        if (organizations == null) {
            Optional<String> endpoint = settings.endpointFor(AwsService.ORGANIZATIONS);
            organizations = new SdkOrganizationsReader(build(OrganizationsClient.builder(), endpoint),
                    endpoint.orElse("the AWS Organizations endpoint"));
        }
        return organizations;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C build(B builder,
            Optional<String> endpoint) {
        return build(builder, endpoint, RetryMode.STANDARD);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C build(B builder,
            Optional<String> endpoint, RetryMode retries) {
        return build(builder, endpoint, retries, List.of());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends AutoCloseable> C build(B builder,
            Optional<String> endpoint, RetryMode retries, List<ExecutionInterceptor> interceptors) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder().retryStrategy(retries);
        interceptors.forEach(override::addExecutionInterceptor);
        Duration read = settings.readTimeout();
        Duration connect = settings.connectTimeout();
        if (!read.isZero()) {
            // a socket timeout alone lets a server that trickles a byte at a time hold gtvpc for ever (issue 17.5):
            // one attempt may take at most the read timeout (plus connecting), the call with its retries three of them
            Duration attempt = read.plus(connect.isZero() ? Duration.ZERO : connect);
            override.apiCallAttemptTimeout(attempt).apiCallTimeout(attempt.multipliedBy(3));
        }
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(override.build());
        // 0 is "no limit", as in the AWS CLI; the JDK's URL connection takes 0 to mean that too
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(connect)
                .socketTimeout(read));
        endpoint.ifPresent(e -> builder.endpointOverride(uri(e)));
        C client = builder.build();
        opened.add(client);
        return client;
    }

    /** The longest a bucket-policy call may take, retries included (see SdkBucketPolicyStore); zero for none. */
    private Duration callLimit() {
        Duration read = settings.readTimeout();
        return read.isZero() ? Duration.ZERO : read.plus(settings.connectTimeout()).multipliedBy(3).plusSeconds(1);
    }

    private static URI uri(String endpoint) {
        try {
            URI u = new URI(endpoint);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                throw GtvpcException.badInput("endpoint URL '" + endpoint + "' is not an http(s)://host[:port] URL");
            }
            return u;
        } catch (URISyntaxException e) {
            throw GtvpcException.badInput("endpoint URL '" + endpoint + "' is not a URL: " + e.getReason());
        }
    }

    /**
     * The AWS CLI's order: --profile wins; then keys in the environment; then AWS_PROFILE; then the
     * SDK's default chain (web identity, container and instance credentials, the default profile).
     */
    private static AwsCredentialsProvider credentials(AwsSettings settings, Supplier<Optional<ProfileFile>> profileFile) {
        return remembered(chosenCredentials(settings, profileFile));
    }

    /**
     * The provider, with each secret it gives remembered for {@link Redaction}: the session token is
     * sent with every request and a proxy may echo it back; from a profile, SSO or a
     * credential_process it is in no environment variable the last redaction knows.
     */
    private static AwsCredentialsProvider remembered(AwsCredentialsProvider provider) {
        return new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                AwsCredentials c = provider.resolveCredentials();
                Redaction.remember(c.secretAccessKey());
                if (c instanceof AwsSessionCredentials session) {
                    Redaction.remember(session.sessionToken());
                }
                return c;
            }

            @Override
            public String toString() {
                return provider.toString();
            }
        };
    }

    private static AwsCredentialsProvider chosenCredentials(AwsSettings settings, Supplier<Optional<ProfileFile>> profileFile) {
        if (settings.profile().isPresent()) {
            return profile(settings.profile().get(), profileFile.get());
        }
        Optional<String> key = settings.env("AWS_ACCESS_KEY_ID");
        Optional<String> secret = settings.env("AWS_SECRET_ACCESS_KEY");
        if (key.isPresent() && secret.isPresent()) {
            Optional<String> token = settings.env("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(token.isPresent()
                    ? AwsSessionCredentials.create(key.get(), secret.get(), token.get())
                    : AwsBasicCredentials.create(key.get(), secret.get()));
        }
        Optional<String> envProfile = settings.env("AWS_PROFILE");
        if (envProfile.isPresent()) {
            return profile(envProfile.get(), profileFile.get());
        }
        AwsCredentialsProvider chain = ProfileCredentials.defaultChain(DefaultCredentialsProvider.builder().build(), profileFile);
        return new AwsCredentialsProvider() {
            @Override
            public AwsCredentials resolveCredentials() {
                if (!CredentialSources.anyConfigured(settings::env, profileFile.get(), Path.of("/sys"))) {
                    // the SDK's wording, so that AwsErrors reports it as every other "no credentials", at once
                    throw SdkClientException.create("Unable to load credentials: no source of credentials is configured");
                }
                return chain.resolveCredentials();
            }

            @Override
            public String toString() {
                return chain.toString();
            }
        };
    }

    private static AwsCredentialsProvider profile(String name, Optional<ProfileFile> profileFile) {
        if (profileFile.isEmpty() || profileFile.get().profile(name).isEmpty()) {
            throw GtvpcException.badInput("AWS profile '" + name + "' is not in the shared config or credentials file");
        }
        return ProfileCredentials.of(name, profileFile.get());
    }

    private static Optional<String> profileRegion(Optional<ProfileFile> profileFile, String name) {
        return profileFile.flatMap(f -> f.profile(name)).flatMap(p -> p.property(ProfileProperty.REGION));
    }

    /** The config and credentials files the AWS CLI reads: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE or ~/.aws. */
    private static Optional<ProfileFile> profileFile(AwsSettings settings) {
        String home = settings.env("HOME").orElse(System.getProperty("user.home"));
        Path config = Path.of(settings.env("AWS_CONFIG_FILE").orElse(home + "/.aws/config"));
        Path creds = Path.of(settings.env("AWS_SHARED_CREDENTIALS_FILE").orElse(home + "/.aws/credentials"));
        ProfileFile.Aggregator aggregator = ProfileFile.aggregator();
        boolean any = false;
        try {
            if (Files.isReadable(creds)) {
                aggregator.addFile(ProfileFile.builder().content(creds).type(ProfileFile.Type.CREDENTIALS).build());
                any = true;
            }
            if (Files.isReadable(config)) {
                aggregator.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
                any = true;
            }
            return any ? Optional.of(aggregator.build()) : Optional.empty();
        } catch (RuntimeException e) {
            throw new GtvpcException(ExitCode.BAD_INPUT, "cannot read the AWS config files (" + config + ", " + creds + "): "
                    + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a client only releases connections; nothing the user must know
            }
        }
        opened.clear();
    }
}
