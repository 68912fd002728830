package dev.gtvpc.aws;

import java.util.List;

/** SageMaker Ground Truth labeling jobs of the account and region the client is bound to. */
public interface LabelingJobs {
    /**
     * Every job whose status is InProgress (ListLabelingJobs, all pages), each described with
     * DescribeLabelingJob for the S3 locations it uses.
     */
    List<LabelingJob> inProgress();
}
