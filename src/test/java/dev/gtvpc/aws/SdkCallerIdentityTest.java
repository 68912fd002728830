package dev.gtvpc.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.space.Caller;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs;
import dev.gtvpc.testing.AwsStubs.Operation;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sts.StsClient;

class SdkCallerIdentityTest {
    @RegisterExtension
    static final AwsServers AWS = AwsServers.stubsOnly();

    private final WireMockServer server = AWS.stubs();
    private StsClient client;
    private SdkCallerIdentity identity;

    @BeforeEach
    void freshClient() {
        client = AwsStubs.sts(server);
        identity = new SdkCallerIdentity(client, AwsStubs.endpoint(server));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "arn:aws:sts::111122223333:assumed-role/GroundTruthAdmin/alice@example.com, AROAEXAMPLEID:alice@example.com, arn:aws:iam::111122223333:role/GroundTruthAdmin",
        "arn:aws:iam::111122223333:user/ops/bob, AIDAEXAMPLEUSERID, arn:aws:iam::111122223333:user/ops/bob",
        "arn:aws:iam::111122223333:root, 111122223333, arn:aws:iam::111122223333:root",
        "arn:aws-cn:sts::111122223333:assumed-role/Labelers/session, AROAEXAMPLEID:session, arn:aws-cn:iam::111122223333:role/Labelers"})
    void readsTheIdentityAndThePrincipalBucketPoliciesSee(String arn, String userId, String principalArn) {
        AwsStubs.callerIdentity(server, arn, "111122223333", userId);

        Identity who = identity.whoAmI();

        assertThat(who).isEqualTo(new Identity("111122223333", arn, userId));
        assertThat(Caller.principalArnOf(who.arn())).isEqualTo(principalArn);
        assertThat(AwsStubs.requestBodies(server, Operation.GET_CALLER_IDENTITY))
                .containsExactly("Action=GetCallerIdentity&Version=2011-06-15");
    }

    @Test
    void aThrottledCallIsRetriedUntilItSucceeds() {
        AwsStubs.callerIdentity(server, "arn:aws:iam::111122223333:user/bob", "111122223333", "AIDAEXAMPLEUSERID");
        AwsStubs.throttleThenSucceed(server, Operation.GET_CALLER_IDENTITY, 2);

        assertThat(identity.whoAmI().arn()).isEqualTo("arn:aws:iam::111122223333:user/bob");
        assertThat(AwsStubs.requestBodies(server, Operation.GET_CALLER_IDENTITY)).hasSize(3);
    }

    @Test
    void throttledForeverIsOneLine() {
        AwsStubs.alwaysThrottle(server, Operation.GET_CALLER_IDENTITY);

        assertThat(failure().getMessage()).isEqualTo("GetCallerIdentity: throttled by AWS and still throttled after the retries"
                + " (HTTP 400 Throttling); try again later");
        assertThat(AwsStubs.requestBodies(server, Operation.GET_CALLER_IDENTITY)).hasSize(3);
    }

    @Test
    void aServerErrorThatPersistsIsOneLine() {
        AwsStubs.serverError(server, Operation.GET_CALLER_IDENTITY);

        assertThat(failure().getMessage())
                .isEqualTo("GetCallerIdentity: the service failed and kept failing after the retries (HTTP 500 InternalFailure)");
    }

    @Test
    void refusedCredentialsPointAtTheProfileWithoutShowingTheKey() {
        AwsStubs.error(server, Operation.GET_CALLER_IDENTITY, 403, "InvalidClientTokenId",
                "The security token included in the request is invalid.");

        assertThat(failure().getMessage()).startsWith("GetCallerIdentity: AWS refused the credentials (HTTP 403 InvalidClientTokenId)");
    }

    @Test
    void aClosedPortCannotBeReached() throws IOException {
        URI closed = SdkLabelingJobsTest.closedPort();
        try (StsClient unreachable = AwsStubs.sts(closed)) {
            GtvpcException e = catchThrowableOfType(GtvpcException.class, () -> new SdkCallerIdentity(unreachable, closed.toString()).whoAmI());

            assertThat(e.exitCode()).isEqualTo(ExitCode.AWS_ERROR);
            assertThat(e.getMessage()).isEqualTo("GetCallerIdentity: cannot reach " + closed + " (connection refused)");
            SdkLabelingJobsTest.assertClean(e);
        }
    }

    private GtvpcException failure() {
        GtvpcException e = catchThrowableOfType(GtvpcException.class, identity::whoAmI);
        assertThat(e).as("whoAmI() should have failed").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.AWS_ERROR);
        SdkLabelingJobsTest.assertClean(e);
        return e;
    }
}
