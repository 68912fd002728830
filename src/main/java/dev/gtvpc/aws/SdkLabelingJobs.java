package dev.gtvpc.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobStatus;
import software.amazon.awssdk.services.sagemaker.model.LabelingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ListLabelingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;

/** {@link LabelingJobs} over the SageMaker API: ListLabelingJobs (every page), then DescribeLabelingJob per job. */
public final class SdkLabelingJobs implements LabelingJobs {
    private final SageMakerClient sageMaker;
    private final String endpoint;

    /**
     * @param endpoint where the client sends requests, only to name it when the network fails
     */
    public SdkLabelingJobs(SageMakerClient sageMaker, String endpoint) {
        this.sageMaker = Objects.requireNonNull(sageMaker, "sageMaker");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public List<LabelingJob> inProgress() {
        List<LabelingJob> jobs = new ArrayList<>();
        for (LabelingJobSummary summary : listInProgress()) {
            describe(summary.labelingJobName()).ifPresent(jobs::add);
        }
        return List.copyOf(jobs);
    }

    private List<LabelingJobSummary> listInProgress() {
        ListLabelingJobsRequest request = ListLabelingJobsRequest.builder().statusEquals(LabelingJobStatus.IN_PROGRESS).build();
        // The paginator fetches lazily, so a failure on page 3 surfaces inside this loop, not at the call.
        List<LabelingJobSummary> summaries = new ArrayList<>();
        try {
            sageMaker.listLabelingJobsPaginator(request).labelingJobSummaryList().forEach(summaries::add);
        } catch (SdkException e) {
            throw AwsErrors.describe("ListLabelingJobs", "", endpoint, e);
        }
        return summaries;
    }

    private Optional<LabelingJob> describe(String name) {
        DescribeLabelingJobResponse job;
        try {
            job = sageMaker.describeLabelingJob(b -> b.labelingJobName(name));
        } catch (SdkException e) {
            if (vanished(e)) {
                // Finished and deleted, or stopped, between the list and now: it no longer uses any bucket.
                return Optional.empty();
            }
            throw AwsErrors.describe("DescribeLabelingJob", "labeling job " + name, endpoint, e);
        }
        List<LabelingJob.Location> locations = new ArrayList<>();
        if (job.inputConfig() != null && job.inputConfig().dataSource() != null
                && job.inputConfig().dataSource().s3DataSource() != null) {
            add(locations, "manifest", job.inputConfig().dataSource().s3DataSource().manifestS3Uri());
        }
        if (job.outputConfig() != null) {
            add(locations, "output", job.outputConfig().s3OutputPath());
        }
        add(locations, "label categories", job.labelCategoryConfigS3Uri());
        if (job.humanTaskConfig() != null && job.humanTaskConfig().uiConfig() != null) {
            add(locations, "UI template", job.humanTaskConfig().uiConfig().uiTemplateS3Uri());
        }
        String arn = job.labelingJobArn() == null ? "" : job.labelingJobArn();
        return Optional.of(new LabelingJob(job.labelingJobName() == null ? name : job.labelingJobName(), arn, locations));
    }

    private static void add(List<LabelingJob.Location> locations, String role, String uri) {
        if (uri != null && !uri.isBlank()) {
            locations.add(new LabelingJob.Location(role, uri));
        }
    }

    /**
     * The model documents ResourceNotFound for a missing job, but SageMaker's Describe* calls are known to
     * answer a missing resource with a ValidationException that says so (aws/aws-sdk#165 for training jobs;
     * the ACK SageMaker controller maps a missing labeling job to ValidationException too). Only a
     * ValidationException that says "not found" counts: any other is a real error and is reported.
     */
    private static boolean vanished(SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return true;
        }
        if (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                && "ValidationException".equals(ase.awsErrorDetails().errorCode())) {
            String message = String.valueOf(ase.awsErrorDetails().errorMessage()).toLowerCase(Locale.ROOT);
            return message.contains("not found") || message.contains("could not find") || message.contains("does not exist");
        }
        return false;
    }
}
