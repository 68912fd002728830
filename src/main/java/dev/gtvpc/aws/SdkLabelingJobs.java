package dev.gtvpc.aws;

import java.util.List;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** PROVISIONAL (replaced by the wt-stubs branch). */
final class SdkLabelingJobs implements LabelingJobs {
    private final SageMakerClient sageMaker;
    private final String endpoint;

    SdkLabelingJobs(SageMakerClient sageMaker, String endpoint) {
        this.sageMaker = sageMaker;
        this.endpoint = endpoint;
    }

    @Override
    public List<LabelingJob> inProgress() {
        throw new UnsupportedOperationException(sageMaker + endpoint);
    }
}
