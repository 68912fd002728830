package dev.gtvpc.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.testing.AwsServers;
import dev.gtvpc.testing.AwsStubs.Gone;
import dev.gtvpc.testing.AwsStubs.JobStub;
import dev.gtvpc.testing.AwsStubs.Operation;
import dev.gtvpc.testing.AwsStubs;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

class SdkLabelingJobsTest {
    @RegisterExtension
    static final AwsServers AWS = AwsServers.stubsOnly();

    private final WireMockServer server = AWS.stubs();
    private SageMakerClient client;
    private SdkLabelingJobs jobs;

    @BeforeEach
    void freshClient() {
        // A client per test: the standard retry strategy's token bucket must not carry over between tests.
        client = AwsStubs.sageMaker(server);
        jobs = new SdkLabelingJobs(client, AwsStubs.endpoint(server));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void readsEveryPageAndDescribesEveryJob() {
        List<JobStub> stubs = IntStream.range(0, 7).mapToObj(i -> JobStub.inBucket("job-" + i, "data-" + i)).toList();
        AwsStubs.labelingJobs(server, 3, stubs);

        List<LabelingJob> found = jobs.inProgress();

        assertThat(found).extracting(LabelingJob::name).containsExactly("job-0", "job-1", "job-2", "job-3", "job-4", "job-5", "job-6");
        assertThat(found).extracting(LabelingJob::arn).containsExactlyElementsOf(stubs.stream().map(JobStub::arn).toList());
        List<String> lists = AwsStubs.requestBodies(server, Operation.LIST_LABELING_JOBS);
        assertThat(lists).hasSize(3).allSatisfy(body -> assertThat(body).contains("\"StatusEquals\":\"InProgress\""));
        assertThat(lists.get(0)).doesNotContain("NextToken");
        assertThat(lists.get(1)).contains("\"NextToken\":\"" + AwsStubs.nextToken(1) + "\"");
        assertThat(lists.get(2)).contains("\"NextToken\":\"" + AwsStubs.nextToken(2) + "\"");
        assertThat(AwsStubs.requestBodies(server, Operation.DESCRIBE_LABELING_JOB))
                .containsExactlyInAnyOrderElementsOf(stubs.stream().map(s -> "{\"LabelingJobName\":\"" + s.name() + "\"}").toList());
    }

    @Test
    void mapsTheFourLocationsWithTheirRoles() {
        AwsStubs.labelingJobs(server, 10, List.of(JobStub.inBucket("boxes", "gt-data")));

        LabelingJob job = jobs.inProgress().get(0);

        assertThat(job.arn()).isEqualTo("arn:aws:sagemaker:us-east-1:111122223333:labeling-job/boxes");
        assertThat(job.locations()).containsExactly(
                new LabelingJob.Location("manifest", "s3://gt-data/boxes/input.manifest"),
                new LabelingJob.Location("output", "s3://gt-data/boxes/output/"),
                new LabelingJob.Location("label categories", "s3://gt-data/boxes/categories.json"),
                new LabelingJob.Location("UI template", "s3://gt-data/boxes/template.liquid.html"));
        assertThat(job.uses("gt-data")).isTrue();
    }

    @Test
    void leavesOutWhatAJobDoesNotHave() {
        // A streaming job (SNS input) on a built-in UI with no label-category file: only the output is in S3.
        JobStub streaming = new JobStub("stream", null, "s3://out-bucket/stream/", null, null);
        // SageMaker always sends S3OutputPath; a job without one must still not break the listing.
        JobStub nothing = new JobStub("bare", null, null, null, null);
        AwsStubs.labelingJobs(server, 10, List.of(streaming, nothing));

        List<LabelingJob> found = jobs.inProgress();

        assertThat(found).hasSize(2);
        assertThat(found.get(0).locations()).containsExactly(new LabelingJob.Location("output", "s3://out-bucket/stream/"));
        assertThat(found.get(1).locations()).isEmpty();
    }

    @Test
    void noJobsIsAnEmptyListAndNoDescribe() {
        AwsStubs.labelingJobs(server, 10, List.of());

        assertThat(jobs.inProgress()).isEmpty();
        assertThat(AwsStubs.requestBodies(server, Operation.LIST_LABELING_JOBS)).hasSize(1);
        assertThat(AwsStubs.requestBodies(server, Operation.DESCRIBE_LABELING_JOB)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Gone.class)
    void skipsAJobThatVanishesBetweenListAndDescribe(Gone how) {
        AwsStubs.labelingJobs(server, 2, List.of(JobStub.inBucket("a", "b1"), JobStub.inBucket("gone", "b2"), JobStub.inBucket("c", "b3")));
        AwsStubs.labelingJobGone(server, "gone", how);

        assertThat(jobs.inProgress()).extracting(LabelingJob::name).containsExactly("a", "c");
        // Not found is an answer, not a failure: it is not retried.
        assertThat(AwsStubs.requestBodies(server, Operation.DESCRIBE_LABELING_JOB)).filteredOn(b -> b.contains("\"gone\"")).hasSize(1);
    }

    @Test
    void aValidationErrorThatIsNotNotFoundIsReported() {
        AwsStubs.labelingJobs(server, 10, List.of(JobStub.inBucket("odd", "b")));
        AwsStubs.error(server, Operation.DESCRIBE_LABELING_JOB, 400, "ValidationException",
                "1 validation error detected: Value 'odd' at 'labelingJobName' failed to satisfy constraint");

        GtvpcException e = failure();

        assertThat(e.getMessage()).isEqualTo("DescribeLabelingJob on labeling job odd failed (HTTP 400 ValidationException):"
                + " 1 validation error detected: Value 'odd' at 'labelingJobName' failed to satisfy constraint");
    }

    @Test
    void aThrottledListIsRetriedUntilItSucceeds() {
        AwsStubs.labelingJobs(server, 10, List.of(JobStub.inBucket("j", "b")));
        AwsStubs.throttleThenSucceed(server, Operation.LIST_LABELING_JOBS, 2);

        assertThat(jobs.inProgress()).extracting(LabelingJob::name).containsExactly("j");
        assertThat(AwsStubs.requestBodies(server, Operation.LIST_LABELING_JOBS)).hasSize(3);
    }

    @Test
    void aThrottledDescribeIsRetriedUntilItSucceeds() {
        AwsStubs.labelingJobs(server, 10, List.of(JobStub.inBucket("j", "b")));
        AwsStubs.throttleThenSucceed(server, Operation.DESCRIBE_LABELING_JOB, 1);

        assertThat(jobs.inProgress()).extracting(LabelingJob::name).containsExactly("j");
        assertThat(AwsStubs.requestBodies(server, Operation.DESCRIBE_LABELING_JOB)).hasSize(2);
    }

    @Test
    void throttledForeverIsOneLineNamingTheOperation() {
        AwsStubs.labelingJobs(server, 10, List.of(JobStub.inBucket("j", "b")));
        AwsStubs.alwaysThrottle(server, Operation.LIST_LABELING_JOBS);

        GtvpcException e = failure();

        assertThat(e.getMessage()).isEqualTo("ListLabelingJobs: throttled by AWS and still throttled after the retries"
                + " (HTTP 400 ThrottlingException); try again later");
        // RetryMode.STANDARD: three attempts in all.
        assertThat(AwsStubs.requestBodies(server, Operation.LIST_LABELING_JOBS)).hasSize(3);
    }

    @Test
    void aDescribeThrottledForeverNamesTheJob() {
        AwsStubs.labelingJobs(server, 10, List.of(JobStub.inBucket("slow-job", "b")));
        AwsStubs.alwaysThrottle(server, Operation.DESCRIBE_LABELING_JOB);

        GtvpcException e = failure();

        assertThat(e.getMessage()).startsWith("DescribeLabelingJob on labeling job slow-job: throttled by AWS");
    }

    @Test
    void aServerErrorThatPersistsIsOneLine() {
        AwsStubs.serverError(server, Operation.LIST_LABELING_JOBS);

        GtvpcException e = failure();

        assertThat(e.getMessage()).isEqualTo("ListLabelingJobs: the service failed and kept failing after the retries (HTTP 500 InternalFailure)");
        assertThat(AwsStubs.requestBodies(server, Operation.LIST_LABELING_JOBS)).hasSize(3);
    }

    @Test
    void accessDeniedSaysSo() {
        AwsStubs.error(server, Operation.LIST_LABELING_JOBS, 400, "AccessDeniedException",
                "User: arn:aws:iam::111122223333:user/x is not authorized to perform: sagemaker:ListLabelingJobs");

        assertThat(failure().getMessage()).startsWith("ListLabelingJobs: access denied (HTTP 400 AccessDeniedException)");
    }

    @Test
    void aClosedPortCannotBeReached() throws IOException {
        URI closed = closedPort();
        try (SageMakerClient unreachable = AwsStubs.sageMaker(closed)) {
            SdkLabelingJobs offline = new SdkLabelingJobs(unreachable, closed.toString());

            GtvpcException e = catchThrowableOfType(GtvpcException.class, offline::inProgress);

            assertThat(e.exitCode()).isEqualTo(ExitCode.AWS_ERROR);
            assertThat(e.getMessage()).isEqualTo("ListLabelingJobs: cannot reach " + closed + " (connection refused)");
            assertClean(e);
        }
    }

    private GtvpcException failure() {
        GtvpcException e = catchThrowableOfType(GtvpcException.class, jobs::inProgress);
        assertThat(e).as("inProgress() should have failed").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.AWS_ERROR);
        assertClean(e);
        return e;
    }

    /** One line, and no credential in it or in anything it wraps. */
    static void assertClean(GtvpcException e) {
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
        List<String> texts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        assertThat(texts).noneMatch(s -> s.contains(AwsStubs.SECRET_ACCESS_KEY));
    }

    static URI closedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return URI.create("http://localhost:" + port);
    }
}
