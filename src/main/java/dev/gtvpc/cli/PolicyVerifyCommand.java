package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.groundtruth.ActionSelection;
import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Unknowns;
import dev.gtvpc.policy.io.PolicyReader;
import dev.gtvpc.render.VerifyRenderer;
import dev.gtvpc.space.Witnesses;
import dev.gtvpc.verify.Layers;
import dev.gtvpc.verify.OverUnknowns;
import dev.gtvpc.verify.VerificationReport;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        footerHeading = "%nExit codes: 0 every property proved, 1 one refuted, vacuous (nothing to prove: see --allow-vacuous) or"
                + " depending on what was not given, 2 bad input or a request with no decision.%n",
        footer = {
            "",
            "Examples:",
            "  gtvpc policy verify bucket-policy.json --region us-east-1 --vpc vpc-0abc1234def567890 \\",
            "      --role-arn arn:aws:iam::111122223333:role/LabelingAdmin --matrix",
            "  gtvpc policy verify new.json --region us-east-1 --vpc vpc-0abc1234def567890 --equivalent-to old.json"})
public final class PolicyVerifyCommand implements Callable<Integer>, OptionWording.Worded {
    /** The bucket's account when nothing names it: no real account has this ID, and the output says it was assumed. */
    static final String UNKNOWN_ACCOUNT = Witnesses.UNKNOWN_ACCOUNT;
    /** What a bucket without a bucket policy is asked: nothing (--no-bucket-policy leaves it out of the layers). */
    private static final Policy NO_POLICY = PolicyReader.read("{\"Version\":\"2012-10-17\",\"Statement\":[]}", "(no bucket policy)").policy();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "POLICY", description = "The bucket policy: a file, or - for standard input; or a"
            + " Terraform plan (JSON) or CloudFormation/CDK template holding it (--resource names which policy when it holds several)."
            + " None with --no-bucket-policy.")
    Path policyFile;

    @Option(names = "--no-bucket-policy", description = "The bucket has no bucket policy: prove the perimeter over the other layers"
            + " (--rcp, --scp, --endpoint-policy) alone; give --bucket.")
    boolean noBucketPolicy;

    @Mixin
    Tags tags;


    @Option(names = "--org-endpoints", description = "Every VPC endpoint an account of the organization (--org-id) owns is inside"
            + " (the aws:VpceOrgID network perimeter): its requests must get in and are not \"outside\".")
    boolean orgEndpoints;

    @Option(names = "--endpoint-account", paramLabel = "ACCOUNT", split = ",",
            description = "An account (a third party) whose VPC endpoints are inside, as aws:VpceAccount trusts them (repeatable).")
    List<String> endpointAccounts = new ArrayList<>();

    @Option(names = "--endpoint-org", paramLabel = "ORG_ID", split = ",",
            description = "Another organization (a partner) whose every VPC endpoint is inside, as aws:VpceOrgID trusts it"
                    + " (repeatable). Without it, a policy that lets in an organization that is not yours (--org-id) lets in"
                    + " requests from outside.")
    List<String> endpointOrgs = new ArrayList<>();

    @Mixin
    LayerOptions layerOptions;

    @Mixin
    Inside.RequiredRegion region;

    @Option(names = "--ground-truth", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Check gt-can-access (the default). --no-ground-truth: the bucket is not for Ground Truth.")
    boolean groundTruthAccess;

    @Mixin
    Inside.OptionalBucket bucket;

    @Mixin
    Inside.BucketAccount bucketAccount;

    @Mixin
    Inside.OptionalVpcs vpcs;

    @Mixin
    Inside.Vpces vpces;

    @Mixin
    Inside.Cidrs cidrs;

    @Mixin
    Inside.Roles roles;

    @Mixin
    Inside.TrustedAccounts trustedAccounts;

    @Mixin
    Inside.OrgId orgId;

    @Mixin
    Inside.OrgPaths orgPaths;

    @Option(names = "--aws-service-access",
            description = "AWS services acting on their own, service-linked roles, and calls AWS services make for the bucket"
                    + " account's principals must get in (aws-service-can-access); they are then not \"outside\".")
    boolean awsServiceAccess;

    @Mixin
    Inside.Admin admin;

    @Option(names = "--actions", completionCandidates = Converters.ActionPresets.class, paramLabel = "LIST",
            description = "The protected actions (names and presets as for generate; default: what the policy's Deny covers).")
    String actions;

    @Option(names = "--gt-endpoint", paramLabel = "VPCE_ID", description = "Ground Truth's endpoint, instead of the region table's.")
    String gtEndpoint;

    @Option(names = "--equivalent-to", paramLabel = "FILE", description = "Prove that this other policy decides every request alike.")
    Path equivalentTo;

    @Mixin
    Formats.Report.Option format;

    @Option(names = "--matrix", description = "Add the access matrix: origins × principals × actions → decision.")
    boolean matrix;

    @Option(names = "--allow-vacuous",
            description = "Exit 0 when a property is VACUOUS (nothing to prove), as long as none is refuted.")
    boolean allowVacuous;

    @Option(names = "--lenient", description = "Read a key written twice as ordinary JSON parsers do (the last wins), to see"
            + " what they make of such a policy. Without it, a duplicate key is an error.")
    boolean lenient;

    @Mixin
    GroundTruthOptions groundTruth;

    @Mixin
    IacOptions.ForPolicies iac;

    /** The plan's or template's policy verified, when POLICY is one. */
    private Optional<dev.gtvpc.input.PolicyTarget> target = Optional.empty();

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--region", "The bucket's region: whose Ground Truth endpoint must get in, and the region of aws:SourceVpcArn.",
                "--bucket", "The bucket (default: the first one the policy's Resource names).",
                "--bucket-account", "The bucket owner's account (default: the account of the first --role-arn or --admin-arn).",
                "--org-id", "The bucket account's organization (o-…): its principals (and the accounts of --role-arn and --admin-arn)"
                        + " carry aws:PrincipalOrgID; anyone else is outside it.");
    }

    @Override
    public Integer call() {
        Formats.Report chosen = format.value();
        if (noBucketPolicy == (policyFile != null)) {
            throw GtvpcException.badInput(noBucketPolicy ? "--no-bucket-policy: a bucket without a policy has no POLICY file; drop one of them"
                    : "give POLICY (the bucket policy), or --no-bucket-policy for a bucket without one");
        }
        if (noBucketPolicy && (bucket.given().isEmpty() || !layerOptions.any())) {
            throw GtvpcException.badInput("--no-bucket-policy: give --bucket and the layers that protect it (--rcp, --scp, --endpoint-policy)");
        }
        Policy policy = noBucketPolicy ? NO_POLICY : readMain(Inputs.name(policyFile));
        Optional<Policy> other = Optional.ofNullable(Inputs.name(equivalentTo)).map(f -> read(f, "--equivalent-to"));
        VerifyInputs inputs = inputs(policy, groundTruth.table());
        String source = noBucketPolicy ? "(no bucket policy)" : Inputs.name(policyFile).equals("-") ? "<stdin>" : Inputs.name(policyFile);
        Layers layers = layerOptions.layers(Inputs.of(spec), iac, !noBucketPolicy);
        if (layers.layered() && (matrix || other.isPresent())) {
            throw GtvpcException.badInput((matrix ? "--matrix" : "--equivalent-to") + ": shows the bucket policy alone; drop it, or the"
                    + " layer options (--rcp, --scp, --endpoint-policy, --identity-policy, --no-bucket-policy)");
        }
        // three-valued over a template's unknowns for the bucket policy alone; with layers, each unknown is one fresh value
        VerificationReport report = layers.layered() ? Verifier.verify(policy, source, layers, inputs, other, matrix)
                : OverUnknowns.verify(policy, inputs, other, matrix);
        if (target.isPresent()) {
            report = withTargetNotes(report, target.get(), policy);
        }
        if (inputs.bucketAccount().equals(UNKNOWN_ACCOUNT)) {
            report = report.withNote("the bucket's account was not given (--bucket-account) and no --role-arn or --admin-arn names"
                    + " one: it was taken to be " + UNKNOWN_ACCOUNT + ", an account no policy names");
        }
        String text = switch (chosen) {
            case JSON -> VerifyRenderer.json(source, Optional.ofNullable(Inputs.name(equivalentTo)).map(f -> f.equals("-") ? "<stdin>" : f),
                    report, matrix);
            case MARKDOWN -> VerifyRenderer.markdown(source, report, matrix);
            case TEXT -> VerifyRenderer.text(source, report, matrix);
        };
        Outputs.write(text, null, spec.commandLine().getOut());
        if (report.undecided()) {
            return ExitCode.BAD_INPUT.code();
        }
        return report.passed(allowVacuous) ? ExitCode.OK.code() : ExitCode.CHECK_FAILED.code();
    }

    /**
     * What the plan or template left open besides the values the verdict ranged over: the Conditions it
     * depends on (the first variant was checked), and how the policy was read (a plan's configuration).
     */
    private static VerificationReport withTargetNotes(VerificationReport report, dev.gtvpc.input.PolicyTarget target, Policy policy) {
        List<String> ranged = Unknowns.of(List.of(policy));
        List<String> open = target.unknowns().stream().filter(u -> !ranged.contains(u)).toList();
        VerificationReport out = report;
        if (!open.isEmpty()) {
            out = out.withNote(target.address() + ": the verdict depends on " + String.join(", ", open)
                    + " (not determined by the template: give --cfn-param for what you know)");
        }
        for (String note : target.notes()) {
            if (!note.startsWith(dev.gtvpc.input.Symbolic.UNKNOWNS_NOTE)) {
                out = out.withNote(target.address() + ": " + note);
            }
        }
        return out;
    }

    /** POLICY may be a plan or template (one policy, or the one --resource names); --lenient reads policy files only. */
    private Policy readMain(String file) {
        if (lenient) {
            return read(file);
        }
        iac.deployedIn(region.name, bucketAccount.id);
        PolicyInput.Found found = PolicyInput.read(Inputs.of(spec), file, iac);
        target = found.target();
        return found.parsed().policy();
    }

    private Policy read(String file) {
        return read(file, "POLICY");
    }

    /** {@code what}: the argument or option that named the file, which its errors name. */
    private Policy read(String file, String what) {
        if (!lenient) {
            return what.equals("POLICY") ? PolicyInput.read(Inputs.of(spec), file).policy() : PolicyInput.read(Inputs.of(spec), file, what).policy();
        }
        String name = file.equals("-") ? "<stdin>" : file;
        PolicyReader.Result r = PolicyReader.parseLastKeyWins(Inputs.of(spec).read(file, what));
        if (!r.ok()) {
            throw GtvpcException.badInput((what.equals("POLICY") ? "" : what + ": ") + r.problems().get(0).format(name));
        }
        return r.parsed().get().policy();
    }

    private VerifyInputs inputs(Policy policy, RegionTable table) {
        region.checkName();
        String regionName = region.name;
        Optional<RegionInfo> info = table.find(regionName);
        String partition = info.map(i -> i.partition().value()).orElse(AwsIds.partitionOf(regionName));
        List<VerifyInputs.TrustedEndpoint> trusted = new ArrayList<>();
        if (groundTruthAccess) {
            String endpoint = gtEndpoint != null ? gtEndpoint : info.map(i -> i.groundTruthEndpoint().value())
                    .orElseThrow(() -> GtvpcException.badInput("--region: " + table.unknownRegion(regionName)
                            + ", or its endpoint with --gt-endpoint vpce-…, or --no-ground-truth if the bucket is not for Ground Truth"));
            Validate.each("--gt-endpoint", List.of(endpoint), AwsIds::checkVpceId);
            trusted.add(GroundTruthAccess.endpoint(endpoint, regionName));
        } else if (gtEndpoint != null) {
            throw GtvpcException.badInput("--gt-endpoint: there is no Ground Truth check with --no-ground-truth; drop one of them");
        }
        vpcs.check();
        vpces.check();
        cidrs.check();
        orgId.check();
        orgPaths.check(orgId);
        for (String path : orgPaths.paths) {
            if (!path.startsWith(orgId.id + "/")) {
                throw GtvpcException.badInput("--org-path: '" + path + "' is not a path of " + orgId.id);
            }
        }
        Validate.each("--endpoint-account", endpointAccounts, a -> AwsIds.isAccountId(a) ? Optional.empty()
                : Optional.of("'" + a + "' is not a 12-digit account ID"));
        Validate.each("--endpoint-org", endpointOrgs, AwsIds::checkOrgId);
        trustedAccounts.check();
        roles.check(partition);
        admin.check(partition);
        bucketAccount.check();
        List<String> principals = new ArrayList<>(roles.arns);
        admin.given().ifPresent(principals::add);
        String account = bucketAccount.given().or(() -> directoryBucketAccount(policy))
                .orElseGet(() -> principals.stream().map(a -> Arn.parse(a).get().account()).findFirst().orElse(UNKNOWN_ACCOUNT));
        String name;
        if (bucket.given().isPresent() && AwsIds.namesDirectoryBucket(bucket.name)) {
            Validate.each("--bucket", List.of(bucket.name), AwsIds::checkDirectoryBucketName);
            name = bucket.name;
        } else if (bucket.given().isPresent()) {
            bucket.checkExisting(regionName);
            name = bucket.name;
        } else {
            name = bucketOf(policy).orElseThrow(() ->
                    GtvpcException.badInput("the policy names no bucket in its Resource; give --bucket"));
            (AwsIds.namesDirectoryBucket(name) ? AwsIds.checkDirectoryBucketName(name) : AwsIds.checkExistingBucketName(name, regionName)).ifPresent(p -> {
                throw GtvpcException.badInput("the bucket the policy's Resource names: " + p + "; give --bucket");
            });
        }
        List<String> protectedActions = actions == null ? List.of() : ActionSelection.parse(actions, S3ActionCatalog.bundled());
        if (protectedActions.stream().anyMatch(a -> a.contains("*") || a.contains("?"))) {
            throw GtvpcException.badInput("--actions: name actions without wildcards here; each is checked as a request");
        }
        return VerifyInputs.of(regionName, partition, name, account)
                .withServiceEndpoints(trusted)
                .withNetwork(vpcs.ids(), vpces.ids, cidrs.ranges)
                .withPrincipals(roles.arns, admin.given())
                .withActions(protectedActions)
                .withOrganization(orgId.given(), orgPaths.paths)
                .withTrustedAccounts(trustedAccounts.ids)
                .withAwsServiceAccess(awsServiceAccess)
                .withTagsAndEndpoints(tags.principal(orgId.given().isEmpty()), tags.bucket(),
                        orgEndpoints(orgId.given()), endpointAccounts)
                .withEndpointOrganizations(endpointOrgs);
    }


    private boolean orgEndpoints(Optional<String> org) {
        if (orgEndpoints && org.isEmpty()) {
            throw GtvpcException.badInput("--org-endpoints: give --org-id too (the organization whose endpoints are inside)");
        }
        return orgEndpoints;
    }

    /** The account a directory bucket's ARN names (general purpose buckets' ARNs name none). */
    private static Optional<String> directoryBucketAccount(Policy policy) {
        return policy.statements().stream().flatMap(s -> s.resource().stream())
                .flatMap(r -> r.resources().items().stream())
                .map(Arn::parse).flatMap(Optional::stream)
                .filter(a -> a.directoryBucket().isPresent() && AwsIds.isAccountId(a.account()))
                .map(Arn::account).findFirst();
    }

    private static Optional<String> bucketOf(Policy policy) {
        return policy.statements().stream().flatMap(s -> s.resource().stream())
                .flatMap(r -> r.resources().items().stream())
                .map(Arn::parse).flatMap(Optional::stream)
                .map(a -> a.s3Bucket().or(a::directoryBucket)).flatMap(Optional::stream)
                .findFirst();
    }
}
