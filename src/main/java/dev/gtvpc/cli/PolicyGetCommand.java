package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.aws.AwsService;
import dev.gtvpc.aws.AwsServices;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyWriter;
import dev.gtvpc.policy.io.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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

@Command(name = "get",
        header = "Print a bucket's current policy.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Reads the bucket policy with GetBucketPolicy and prints it, formatted like gtvpc's own output (or as"
                + " S3 returned it, with --raw). A bucket without a policy is exit 1 and says so.",
            "With --format json it prints one object for scripts: bucket, region, hasPolicy, policy (the policy S3"
                + " returned, parsed, or null) and sha256 (of the exact text S3 returned, or null); a bucket without a"
                + " policy is still exit 1, with hasPolicy false.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc policy get --bucket my-labeling-data",
            "  gtvpc policy get --bucket my-labeling-data --format json | jq -r .sha256",
            "  gtvpc policy get --bucket my-labeling-data -o current.json && gtvpc policy verify current.json --region us-east-1 \\",
            "      --vpc vpc-0abc1234def567890",
            "",
            "Exit codes: 0 printed, 1 the bucket has no policy, 2 bad input, 3 AWS or network error."})
public final class PolicyGetCommand implements Callable<Integer>, OptionWording.Worded, AwsOptions.Reaching {
    @Spec
    CommandSpec spec;

    @Mixin
    Inside.RequiredBucket bucket;

    @Mixin
    Inside.OptionalRegion region;

    @Mixin
    AwsOptions aws;

    @Option(names = "--raw", description = "Print the policy exactly as S3 returned it.")
    boolean raw;

    @Mixin
    Formats.TextOrJson.Option format;

    @Option(names = "-o", paramLabel = "FILE", description = "Write to FILE (whole or not at all) instead of stdout.")
    Path output;

    @Mixin
    GroundTruthOptions groundTruth;

    @Override
    public Set<AwsService> endpointUrlReaches() {
        return Set.of(AwsService.S3);
    }

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--region", "The region to send the request to (default: AWS_REGION or the profile's; S3 redirects are followed).",
                "--format", "text (default: the policy itself) or json (the policy with bucket, region and sha256).");
    }

    @Override
    public Integer call() {
        bucket.check();
        // the same check as every command that takes --region: a typo is refused before any request
        region.requireIfGiven(groundTruth.table());
        boolean json = format.value() == Formats.TextOrJson.JSON;
        if (raw && json) {
            throw GtvpcException.badInput("--raw: prints the policy exactly as S3 returned it, which --format json cannot;"
                    + " use one or the other (the JSON's sha256 is of the exact text)");
        }
        Optional<String> policy;
        String boundRegion;
        try (AwsServices services = aws.connect(spec, region.given())) {
            policy = services.buckets().policy(bucket.name);
            boundRegion = services.region();
        }
        if (json) {
            Outputs.write(json(bucket.name, boundRegion, policy), Inputs.name(output), spec.commandLine().getOut());
            if (policy.isEmpty()) {
                spec.commandLine().getErr().println("gtvpc: bucket " + bucket.name + " has no bucket policy");
                spec.commandLine().getErr().flush();
                return ExitCode.CHECK_FAILED.code();
            }
            return ExitCode.OK.code();
        }
        if (policy.isEmpty()) {
            throw new GtvpcException(ExitCode.CHECK_FAILED, "bucket " + bucket.name + " has no bucket policy");
        }
        Outputs.write(raw ? withNewline(policy.get()) : formatted(policy.get()), Inputs.name(output), spec.commandLine().getOut());
        return ExitCode.OK.code();
    }

    /** gtvpc's own layout when gtvpc can read the policy; otherwise exactly what S3 returned. */
    private static String formatted(String text) {
        PolicyReader.Result read = PolicyReader.parse(text);
        return read.ok() ? PolicyWriter.pretty(read.parsed().get().policy()) + "\n" : withNewline(text);
    }

    /**
     * The policy is S3's text parsed as plain JSON, not through gtvpc's model, so a policy gtvpc
     * cannot read is still shown member for member; text that is not JSON at all is kept as a string.
     */
    static String json(String bucket, String region, Optional<String> policy) {
        List<Json.Member> members = new ArrayList<>();
        members.add(Json.member("bucket", Json.str(bucket)));
        if (region != null && !region.isEmpty()) {
            members.add(Json.member("region", Json.str(region)));
        }
        members.add(Json.member("hasPolicy", new Json.Bool(policy.isPresent(), SourceLocation.START)));
        Json.Value parsed = new Json.Null(SourceLocation.START);
        if (policy.isPresent()) {
            try {
                parsed = Json.parse(policy.get());
            } catch (Json.SyntaxException e) {
                parsed = Json.str(policy.get());
            }
        }
        members.add(Json.member("policy", parsed));
        members.add(Json.member("sha256", policy.<Json.Value>map(p -> Json.str(sha256(p))).orElse(new Json.Null(SourceLocation.START))));
        return Json.write(Json.obj(members), true) + "\n";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String withNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }
}
