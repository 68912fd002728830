package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.policy.io.PolicyWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "get",
        header = "Print a bucket's current policy.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Reads the bucket policy with GetBucketPolicy and prints it, formatted like gtvpc's own output (or as"
                + " S3 returned it, with --raw). A bucket without a policy is exit 1 and says so.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc policy get --bucket my-labeling-data",
            "  gtvpc policy get --bucket my-labeling-data -o current.json && gtvpc policy verify current.json --region us-east-1 \\",
            "      --vpc vpc-0abc1234def567890",
            "",
            "Exit codes: 0 printed, 1 the bucket has no policy, 2 bad input, 3 AWS or network error."})
public final class PolicyGetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "The bucket's name.")
    String bucket;

    @Option(names = "--region", completionCandidates = Converters.Regions.class, paramLabel = "REGION",
            description = "The region to send the request to (default: AWS_REGION or the profile's; S3 redirects are followed).")
    String region;

    @Mixin
    AwsOptions aws;

    @Option(names = "--raw", description = "Print the policy exactly as S3 returned it.")
    boolean raw;

    @Option(names = "-o", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of stdout.")
    String output;

    @Override
    public Integer call() {
        Validate.bucket(bucket);
        Optional<String> policy;
        try (AwsServices services = aws.connect(spec, Optional.ofNullable(region))) {
            policy = services.buckets().policy(bucket);
        }
        if (policy.isEmpty()) {
            throw new GtvpcException(ExitCode.CHECK_FAILED, "bucket " + bucket + " has no bucket policy");
        }
        Outputs.write(raw ? withNewline(policy.get()) : formatted(policy.get()), output, spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    /** gtvpc's own layout when gtvpc can read the policy; otherwise exactly what S3 returned. */
    private static String formatted(String text) {
        PolicyReader.Result read = PolicyReader.parse(text);
        return read.ok() ? PolicyWriter.pretty(read.parsed().get().policy()) + "\n" : withNewline(text);
    }

    private static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }
}
