package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.aws.LabelingJob;
import dev.gtvpc.render.ApplyRenderer;
import java.util.List;
import java.util.Optional;
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
public final class JobsInProgressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "The bucket's name.")
    String bucket;

    @Option(names = "--region", completionCandidates = Converters.Regions.class, required = true, paramLabel = "REGION", description = "The region of the labeling jobs.")
    String region;

    @Mixin
    AwsOptions aws;

    @Option(names = "--format", completionCandidates = Converters.TextOrJson.class, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: an array of {name, arn, locations: [{role, s3Uri}]}.")
    String format;

    @Mixin
    GroundTruthOptions groundTruth;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw GtvpcException.badInput("--format: '" + format + "' is not one of text, json");
        }
        Validate.bucket(bucket);
        groundTruth.table().require("--region", region);
        List<LabelingJob> jobs;
        try (AwsServices services = aws.connect(spec, Optional.of(region))) {
            jobs = services.labelingJobs().inProgress().stream().filter(j -> j.uses(bucket)).toList();
        }
        spec.commandLine().getOut().print(format.equals("json") ? ApplyRenderer.jobsJson(bucket, jobs) : ApplyRenderer.jobs(bucket, jobs));
        spec.commandLine().getOut().flush();
        return ExitCode.OK.code();
    }
}
