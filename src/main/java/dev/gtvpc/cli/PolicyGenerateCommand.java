package dev.gtvpc.cli;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.groundtruth.ActionSelection;
import dev.gtvpc.groundtruth.GenerateRequest;
import dev.gtvpc.groundtruth.GroundTruthPolicy;
import dev.gtvpc.groundtruth.PolicyStyle;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.groundtruth.SelfCheck;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.render.PolicyRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate",
        header = "Write the VPC-only bucket policy that lets Ground Truth through.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Write the bucket policy that denies the chosen actions on the bucket and its objects to every request"
                    + " that does not come through one of your VPC endpoints (--vpce), from one of your VPCs (--vpc),"
                    + " or from one of your roles (--role-arn) — and always lets the region's Ground Truth service"
                    + " endpoint through, which labeling jobs need.",
            "",
            "All exemptions sit in one StringNotEquals block: IAM ANDs its keys, so the Deny applies only when a"
                    + " request matches none of them. (Split into separate statements, each would deny on its own"
                    + " and lock Ground Truth out.)",
            ""},
        footerHeading = "%nAction presets for --actions (mix them with names: --actions data,s3:GetBucketCORS):%n",
        footer = {
            "  data          every action on objects, plus s3:ListBucket (the default)",
            "  doc           s3:GetObject, s3:PutObject: what the AWS page denies",
            "  ground-truth  what Ground Truth itself does: s3:AbortMultipartUpload, s3:GetObject,",
            "                s3:PutObject, s3:ListBucket, s3:GetBucketLocation",
            "",
            "A Deny covers only the actions it names: with 'doc' or 'ground-truth', s3:DeleteObject and",
            "s3:ListBucket stay open to anyone your identity policies allow (lint's gt-actions-open says so).",
            "Use them only to reproduce the page's policy.",
            "",
            "Examples:",
            "  gtvpc policy generate --region us-east-1 --bucket my-labeling-data \\",
            "      --vpc vpc-0abc1234def567890 > bucket-policy.json",
            "  gtvpc policy generate --region eu-west-1 --bucket my-labeling-data \\",
            "      --vpce vpce-0abc1234def567890 --role-arn arn:aws:iam::111122223333:role/LabelingAdmin \\",
            "      --format terraform -o bucket-policy.tf",
            "  gtvpc policy generate --region us-east-1 --bucket my-labeling-data \\",
            "      --vpce vpce-0abc1234def567890 --actions doc --style aws-doc    # the AWS page's policy"})
public final class PolicyGenerateCommand implements Callable<Integer>, OptionWording.Worded {
    @Spec
    CommandSpec spec;

    @Mixin
    Inside.RequiredRegion region;

    @Mixin
    Inside.RequiredBucket bucket;

    @Mixin
    Inside.OptionalVpcs vpcs;

    @Option(names = "--vpc-account", paramLabel = "ACCOUNT",
            description = "The account that owns the --vpc VPCs, for their ARNs (default: --bucket-account; with neither,"
                    + " the ARNs name any account, *, which VPC IDs being unique within a Region makes safe).")
    String vpcAccount;

    @Mixin
    Inside.BucketAccount bucketAccount;

    @Mixin
    Inside.Vpces vpces;

    @Option(names = "--vpce-org", paramLabel = "ORG_ID", split = ",",
            description = "An organization (o-…) whose VPC endpoints keep access (aws:VpceOrgID): every endpoint an account of"
                    + " it owns, as AWS's data-perimeter policies write it. Repeatable.")
    List<String> vpceOrgs = new ArrayList<>();

    @Mixin
    Inside.Roles roles;

    @Option(names = "--gt-endpoint", paramLabel = "VPCE_ID",
            description = "Ground Truth's service endpoint, instead of the region table's (for a region added since"
                    + " this release).")
    String gtEndpoint;

    @Option(names = "--actions", completionCandidates = Converters.ActionPresets.class, paramLabel = "LIST", defaultValue = "data",
            description = "Comma-separated S3 actions and presets the Deny covers (default: ${DEFAULT-VALUE})."
                    + " Presets are listed below.")
    String actions;

    @Option(names = "--style", paramLabel = "STYLE", defaultValue = "strict",
            converter = Converters.Style.class, completionCandidates = Converters.Style.class,
            description = "strict (default): one StringNotEquals block, the VPCs by ARN (aws:SourceVpcArn). legacy: the"
                    + " same with the VPCs by ID (aws:SourceVpc), as gtvpc wrote before. aws-doc: the AWS page's historic"
                    + " ForAllValues:StringNotEquals with aws:SourceVpc, which means the same for these single-valued keys.")
    PolicyStyle style;

    @Option(names = "--sid", paramLabel = "SID", defaultValue = GenerateRequest.DEFAULT_SID,
            description = "The statement's Sid (default: ${DEFAULT-VALUE}, the AWS page's, so applying this policy"
                    + " replaces a statement copied from the page).")
    String sid;

    @Mixin
    Formats.Generated format;

    @Mixin
    OutputOptions output;

    @Mixin
    GroundTruthOptions groundTruth;

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--region", "The AWS Region of the bucket and the labeling job (they must be the same), e.g. us-east-1."
                        + " 'gtvpc regions list' shows the regions Ground Truth has an endpoint in.",
                "--bucket", "The bucket's name (not its ARN).",
                "--vpc", "A VPC whose requests keep access: vpc- and 8 or 17 hex digits, in the bucket's Region. Written as"
                        + " aws:SourceVpcArn (arn:aws:ec2:REGION:ACCOUNT:vpc/VPC_ID), or as aws:SourceVpc under --style legacy"
                        + " and aws-doc. Repeatable.",
                "--bucket-account", "The bucket owner's account: the VPCs' owner when --vpc-account is not given.",
                "--vpce", "A VPC endpoint whose requests keep access (aws:SourceVpce): vpce- and 8 or 17 hex digits."
                        + " Repeatable. At least one --vpc, --vpce or --vpce-org is required.",
                "--role-arn", "An IAM role (or user) that keeps access from anywhere (aws:PrincipalArn), e.g. the role people"
                        + " start labeling jobs from in the console. For an assumed-role session give the role's ARN."
                        + " Repeatable.",
                "--format", "json (default), cloudformation (a template with an AWS::S3::BucketPolicy, YAML) or"
                        + " terraform (an aws_s3_bucket_policy resource).");
    }

    @Override
    public Integer call() {
        output.checkFormat(format.value);
        String regionName = region.name;
        String bucketName = bucket.name;
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        GenerateRequest request = new GenerateRequest(regionName, bucketName, vpcs.ids(), vpces.ids, vpceOrgs, roles.arns,
                Optional.ofNullable(vpcAccount), bucketAccount.given(), Optional.ofNullable(gtEndpoint),
                ActionSelection.parse(actions, catalog), style, sid);
        RegionTable table = groundTruth.table();
        GroundTruthPolicy.Generated generated = GroundTruthPolicy.generate(request, table);
        SelfCheck.check(request, generated, table.find(regionName).map(r -> r.partition().value()).orElse(AwsIds.partitionOf(regionName)));
        String description = "VPC-only access to s3://" + bucketName + " (" + regionName + "): requests not from the listed VPCs,"
                + " VPC endpoints or roles, nor from Ground Truth's endpoint " + generated.groundTruthEndpoint()
                + ", are denied. Generated by gtvpc.";
        String text = switch (format.value) {
            case JSON -> PolicyRenderer.json(generated.policy(), output.compact);
            case CLOUDFORMATION -> PolicyRenderer.cloudFormation(generated.policy(), bucketName, description);
            case TERRAFORM -> PolicyRenderer.terraform(generated.policy(), bucketName, description);
        };
        output.write(text, spec.commandLine().getOut());
        // after the policy is written: a run that cannot write it says only why
        for (String note : generated.notes()) {
            spec.commandLine().getErr().println("gtvpc: note: " + note);
        }
        Validate.warnPlaceholders(spec.commandLine().getErr(), "the policy", "--bucket", bucketName, "--vpc", vpcs.ids(), "--vpce", vpces.ids,
                "--vpce-org", vpceOrgs, "--role-arn", roles.arns, "--gt-endpoint", gtEndpoint);
        return 0;
    }
}
