package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.aws.AwsService;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.aws.LabelingJob;
import dev.gtvpc.render.ApplyRenderer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "in-progress",
        header = "List the IN_PROGRESS labeling jobs that use a bucket.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Lists the account's IN_PROGRESS labeling jobs in the region (every page of ListLabelingJobs) and"
                + " describes each; a job uses the bucket when its input manifest, output path, label-category file or"
                + " worker UI template is in it. Changing the policy of such a bucket can make the job fail.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  gtvpc jobs in-progress --bucket my-labeling-data --region us-east-1",
            "  gtvpc jobs in-progress --bucket my-labeling-data --region us-east-1 --format json | jq -r '.[].name'",
            "",
            "Exit codes: 0 listed (also when there is none), 2 bad input, 3 AWS or network error."})
public final class JobsInProgressCommand implements Callable<Integer>, OptionWording.Worded, AwsOptions.Reaching {
    @Spec
    CommandSpec spec;

    @Mixin
    Inside.RequiredBucket bucket;

    @Mixin
    Inside.RequiredRegion region;

    @Mixin
    AwsOptions aws;

    @Mixin
    Formats.TextOrJson.Option format;

    @Mixin
    GroundTruthOptions groundTruth;

    @Override
    public Set<AwsService> endpointUrlReaches() {
        return Set.of(AwsService.SAGEMAKER);
    }

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--region", "The region of the labeling jobs.",
                "--format", "text (default) or json: an array of {name, arn, locations: [{role, s3Uri}]}.");
    }

    @Override
    public Integer call() {
        boolean json = format.value() == Formats.TextOrJson.JSON;
        bucket.check();
        region.require(groundTruth.table());
        List<LabelingJob> jobs;
        try (AwsServices services = aws.connect(spec, Optional.of(region.name))) {
            jobs = services.labelingJobs().inProgress().stream().filter(j -> j.uses(bucket.name)).toList();
        }
        spec.commandLine().getOut().print(json ? ApplyRenderer.jobsJson(bucket.name, jobs) : ApplyRenderer.jobs(bucket.name, jobs));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
