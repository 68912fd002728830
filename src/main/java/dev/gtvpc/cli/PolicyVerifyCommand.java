package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.groundtruth.ActionSelection;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.groundtruth.S3ActionCatalog;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.render.VerifyRenderer;
import dev.gtvpc.verify.VerificationReport;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify",
        header = "Prove the policy lets Ground Truth, your VPCs and roles in and keeps everyone else out.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Proves, over every request that can reach the bucket, that the policy does what a VPC-only policy is for —"
                    + " or shows the one request that breaks it, with the statement that decided it. Offline.",
            "",
            "Properties: gt-can-access (Ground Truth's endpoint is not denied its five actions), vpc-can-access and"
                    + " vpce-can-access (each --vpc, --vpce), role-can-access (each --role-arn, from anywhere), outside-denied"
                    + " (everyone else is denied the protected actions), owner-can-manage (--admin-arn keeps"
                    + " Get/Put/DeleteBucketPolicy), equivalent-to (--equivalent-to FILE decides every request alike).",
            "",
            "Requests are enumerated as equivalence classes of the policy's own literals; where a dimension is only"
                    + " sampled (wildcard patterns, multivalued keys, many condition keys) the output says so.",
            ""},
        footerHeading = "%nExit codes: 0 every property proved, 1 one refuted, 2 bad input or a request with no decision.%n",
        footer = {
            "",
            "Examples:",
            "  gtvpc policy verify bucket-policy.json --region us-east-1 --vpc vpc-0abc1234def567890 \\",
            "      --role-arn arn:aws:iam::111122223333:role/LabelingAdmin --matrix",
            "  gtvpc policy verify new.json --region us-east-1 --vpc vpc-0abc1234def567890 --equivalent-to old.json"})
public final class PolicyVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "POLICY", description = "The bucket policy: a file, or - for standard input.")
    String policyFile;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "The bucket's region: whose Ground Truth endpoint must get in.")
    String region;

    @Option(names = "--bucket", paramLabel = "BUCKET", description = "The bucket (default: the first one the policy's Resource names).")
    String bucket;

    @Option(names = "--bucket-account", paramLabel = "ACCOUNT",
            description = "The bucket owner's account (default: the account of the first --role-arn or --admin-arn).")
    String bucketAccount;

    @Option(names = "--vpc", paramLabel = "VPC_ID", split = ",", description = "Your VPC: it must get in (repeatable).")
    List<String> vpcs = new ArrayList<>();

    @Option(names = "--vpce", paramLabel = "VPCE_ID", split = ",", description = "Your VPC endpoint: it must get in (repeatable).")
    List<String> vpces = new ArrayList<>();

    @Option(names = "--role-arn", paramLabel = "ARN", split = ",", description = "A role that must get in from anywhere (repeatable).")
    List<String> roles = new ArrayList<>();

    @Option(names = "--admin-arn", paramLabel = "ARN", description = "An administrator who must keep managing the policy from anywhere.")
    String admin;

    @Option(names = "--actions", paramLabel = "LIST",
            description = "The protected actions (names and presets as for generate; default: what the policy's Deny covers).")
    String actions;

    @Option(names = "--gt-endpoint", paramLabel = "VPCE_ID", description = "Ground Truth's endpoint, instead of the region table's.")
    String gtEndpoint;

    @Option(names = "--equivalent-to", paramLabel = "FILE", description = "Prove that this other policy decides every request alike.")
    String equivalentTo;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), json or markdown.")
    String format;

    @Option(names = "--matrix", description = "Add the access matrix: origins × principals × actions → decision.")
    boolean matrix;

    @Option(names = "--lenient", description = "Read a key written twice as ordinary JSON parsers do (the last wins), to see"
            + " what they make of such a policy. Without it, a duplicate key is an error.")
    boolean lenient;

    @Mixin
    GroundTruthOptions groundTruth;

    @Override
    public Integer call() {
        if (!List.of("text", "json", "markdown").contains(format)) {
            throw GtvpcException.badInput("--format: '" + format + "' is not one of text, json, markdown");
        }
        Policy policy = read(policyFile);
        Optional<Policy> other = Optional.ofNullable(equivalentTo).map(this::read);
        VerifyInputs inputs = inputs(policy, groundTruth.table());
        VerificationReport report = Verifier.verify(policy, inputs, other, matrix);
        String source = policyFile.equals("-") ? "<stdin>" : policyFile;
        String text = switch (format) {
            case "json" -> VerifyRenderer.json(report, matrix);
            case "markdown" -> VerifyRenderer.markdown(source, report, matrix);
            default -> VerifyRenderer.text(source, report, matrix);
        };
        Outputs.write(text, null, spec.commandLine().getOut());
        if (report.undecided()) {
            return ExitCode.BAD_INPUT.code();
        }
        return report.proved() ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }

    private Policy read(String file) {
        if (!lenient) {
            return PolicyInput.read(file).policy();
        }
        String name = file.equals("-") ? "<stdin>" : file;
        PolicyReader.Result r = PolicyReader.parseLastKeyWins(Inputs.read(file, "POLICY"));
        if (!r.ok()) {
            throw GtvpcException.badInput(r.problems().get(0).format(name));
        }
        return r.parsed().get().policy();
    }

    private VerifyInputs inputs(Policy policy, RegionTable table) {
        if (!AwsIds.isRegionName(region)) {
            throw GtvpcException.badInput("'" + region + "' is not an AWS Region name such as us-east-1");
        }
        Optional<RegionInfo> info = table.find(region);
        String partition = info.map(i -> i.partition().value()).orElse(AwsIds.partitionOf(region));
        String endpoint = gtEndpoint != null ? gtEndpoint : info.map(i -> i.groundTruthEndpoint().value())
                .orElseThrow(() -> GtvpcException.badInput(table.unknownRegion(region) + ". Pass --gt-endpoint for another region"));
        Validate.each("--gt-endpoint", List.of(endpoint), AwsIds::checkVpceId);
        Validate.vpcs(vpcs);
        Validate.vpces(vpces);
        List<String> principals = new ArrayList<>(roles);
        if (admin != null) {
            principals.add(admin);
        }
        for (String arn : principals) {
            AwsIds.checkPrincipalArn(arn, partition).ifPresent(p -> {
                throw GtvpcException.badInput((arn.equals(admin) ? "--admin-arn: " : "--role-arn: ") + p);
            });
        }
        String account = bucketAccount != null ? bucketAccount
                : principals.stream().map(a -> Arn.parse(a).get().account()).findFirst().orElse("000000000000");
        if (!AwsIds.isAccountId(account)) {
            throw GtvpcException.badInput("--bucket-account: '" + account + "' is not a 12-digit account ID");
        }
        String name = bucket != null ? bucket : bucketOf(policy).orElseThrow(() ->
                GtvpcException.badInput("the policy names no bucket in its Resource; give --bucket"));
        Validate.bucket(name);
        List<String> protectedActions = actions == null ? List.of() : ActionSelection.parse(actions, S3ActionCatalog.bundled());
        if (protectedActions.stream().anyMatch(a -> a.contains("*") || a.contains("?"))) {
            throw GtvpcException.badInput("--actions: name actions without wildcards here; each is checked as a request");
        }
        return new VerifyInputs(region, partition, endpoint, name, account, vpcs, vpces, roles, Optional.ofNullable(admin),
                protectedActions);
    }

    private static Optional<String> bucketOf(Policy policy) {
        return policy.statements().stream().flatMap(s -> s.resource().stream())
                .flatMap(r -> r.resources().items().stream())
                .map(Arn::parse).flatMap(Optional::stream)
                .map(Arn::s3Bucket).flatMap(Optional::stream)
                .findFirst();
    }
}
