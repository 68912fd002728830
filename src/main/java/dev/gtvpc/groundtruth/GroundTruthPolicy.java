package dev.gtvpc.groundtruth;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Condition;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.ConditionValues;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PrincipalBlock;
import dev.gtvpc.policy.ResourceBlock;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Values;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes the VPC-only bucket policy: one Deny for everyone ({@code "Principal": "*"}) on the chosen
 * actions, on the bucket and its objects, unless the request comes through one of the user's
 * endpoints or the region's Ground Truth endpoint, from one of the user's VPCs, or is made by one of
 * the named principals, or through an endpoint of one of the named organizations. All exemptions sit in
 * one statement's condition (one StringNotEquals block, and ArnNotEquals for the VPCs' ARNs): IAM ANDs
 * a condition's operators and keys, so the Deny applies only when every exemption fails. Split across
 * statements they would each deny on their own, and Ground Truth (whose requests come from its own VPC)
 * would be locked out.
 */
public final class GroundTruthPolicy {
    /**
     * IAM's grammar allows only A-Z, a-z and 0-9 in a Sid (reference_policies_elements_sid.html), but S3
     * bucket policies take more: the Ground Truth page's own policy, which S3 accepts, has the Sid
     * {@code Access-to-specific-VPCE-only}, and the S3 User Guide's examples use spaces and periods. S3
     * documents no grammar of its own, so gtvpc takes the characters those accepted examples use.
     */
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]*");

    private GroundTruthPolicy() {
    }

    /** What was generated, and the endpoint gtvpc used for Ground Truth. */
    public record Generated(Policy policy, String groundTruthEndpoint, List<String> notes) {
        public Generated {
            notes = List.copyOf(notes);
        }
    }

    public static Generated generate(GenerateRequest request, RegionTable table) {
        List<String> notes = new ArrayList<>();
        RegionTable.checkName("--region", request.region());
        Optional<RegionInfo> info = table.find(request.region());
        String partition = info.map(i -> i.partition().value()).orElse(AwsIds.partitionOf(request.region()));
        String gtEndpoint;
        if (request.gtEndpointOverride().isPresent()) {
            gtEndpoint = request.gtEndpointOverride().get();
            AwsIds.checkVpceId(gtEndpoint).ifPresent(p -> {
                throw GtvpcException.badInput("--gt-endpoint: " + p);
            });
            // another region's endpoint never carries this region's requests: the policy would lock Ground Truth out
            for (RegionInfo other : table.regions()) {
                if (other.groundTruthEndpoint().value().equals(gtEndpoint) && !other.region().equals(request.region())) {
                    throw GtvpcException.badInput("--gt-endpoint: " + gtEndpoint + " is Ground Truth's endpoint in "
                            + other.region() + ", not in " + request.region() + "; drop --gt-endpoint to use "
                            + request.region() + "'s" + info.map(i -> " (" + i.groundTruthEndpoint().value() + ")").orElse("")
                            + ", or give the region the bucket is in");
                }
            }
            info.filter(i -> !i.groundTruthEndpoint().value().equals(gtEndpoint)).ifPresent(i -> notes.add(
                    "using Ground Truth endpoint " + gtEndpoint + " from --gt-endpoint instead of the table's "
                            + i.groundTruthEndpoint().value() + " for " + request.region()));
        } else {
            gtEndpoint = info.map(i -> i.groundTruthEndpoint().value()).orElseThrow(() -> GtvpcException.badInput(
                    "--region: " + table.unknownRegion(request.region()) + ", or its endpoint with --gt-endpoint vpce-…"));
        }
        AwsIds.checkBucketName(request.bucket()).ifPresent(p -> {
            throw GtvpcException.badInput("--bucket: " + p);
        });
        if (request.vpcs().isEmpty() && request.vpces().isEmpty() && request.vpceOrgs().isEmpty()) {
            throw GtvpcException.badInput("name at least one --vpc, --vpce or --vpce-org: without them the policy would let only"
                    + " Ground Truth and the listed roles reach the bucket");
        }
        for (String org : request.vpceOrgs()) {
            AwsIds.checkOrgId(org).ifPresent(p -> {
                throw GtvpcException.badInput("--vpce-org: " + p);
            });
        }
        checkAccount("--vpc-account", request.vpcAccount());
        checkAccount("--bucket-account", request.bucketAccount());
        for (String vpc : request.vpcs()) {
            AwsIds.checkVpcId(vpc).ifPresent(p -> {
                throw GtvpcException.badInput("--vpc: " + p);
            });
        }
        for (String vpce : request.vpces()) {
            AwsIds.checkVpceId(vpce).ifPresent(p -> {
                throw GtvpcException.badInput("--vpce: " + p);
            });
        }
        for (String arn : request.principalArns()) {
            AwsIds.checkPrincipalArn(arn, partition).ifPresent(p -> {
                throw GtvpcException.badInput("--role-arn: " + p);
            });
        }
        if (request.actions().isEmpty()) {
            throw GtvpcException.badInput("--actions names no action");
        }
        if (request.sid().isEmpty() || !SID.matcher(request.sid()).matches()) {
            throw GtvpcException.badInput("--sid: '" + request.sid() + "' is not a Sid gtvpc writes: letters and digits, then"
                    + " also hyphens, underscores, periods and spaces (as S3 accepts in the AWS page's Access-to-specific-VPCE-only)");
        }
        if (request.actions().stream().anyMatch(a -> Wildcards.matchesIgnoreCase(a, "s3:PutBucketPolicy"))) {
            notes.add("the Deny covers s3:PutBucketPolicy: from outside the VPC only the listed roles and the account's"
                    + " root user will be able to change or delete this policy");
        }

        List<String> endpoints = distinct(request.vpces(), gtEndpoint);
        List<ConditionEntry> exemptions = new ArrayList<>();
        exemptions.add(new ConditionEntry("aws:SourceVpce", ConditionValues.strings(endpoints)));
        if (!request.vpcs().isEmpty() && request.style().vpcById()) {
            exemptions.add(new ConditionEntry("aws:SourceVpc", ConditionValues.strings(distinct(request.vpcs(), null))));
        }
        if (!request.vpceOrgs().isEmpty()) {
            exemptions.add(new ConditionEntry("aws:VpceOrgID", ConditionValues.strings(distinct(request.vpceOrgs(), null))));
        }
        if (!request.principalArns().isEmpty()) {
            exemptions.add(new ConditionEntry("aws:PrincipalArn",
                    ConditionValues.strings(distinct(request.principalArns(), null))));
        }
        SetQualifier qualifier = request.style() == PolicyStyle.AWS_DOC ? SetQualifier.FOR_ALL_VALUES : SetQualifier.NONE;
        List<ConditionBlock> blocks = new ArrayList<>();
        blocks.add(new ConditionBlock(ConditionOperator.of(qualifier, OperatorType.STRING_NOT_EQUALS, false), exemptions));
        if (!request.vpcs().isEmpty() && !request.style().vpcById()) {
            blocks.add(new ConditionBlock(ConditionOperator.of(SetQualifier.NONE, OperatorType.ARN_NOT_EQUALS, false),
                    List.of(new ConditionEntry("aws:SourceVpcArn", ConditionValues.strings(vpcArns(request, partition))))));
        }

        String bucketArn = "arn:" + partition + ":s3:::" + request.bucket();
        Statement deny = Statement.builder()
                .sid(request.sid())
                .effect(Effect.DENY)
                .principal(PrincipalBlock.everyone())
                .action(new ActionBlock(false, Values.natural(request.actions())))
                .resource(new ResourceBlock(false, Values.list(List.of(bucketArn, bucketArn + "/*"))))
                .condition(new Condition(blocks))
                .build();
        return new Generated(Policy.builder().statement(deny).build(), gtEndpoint, notes);
    }

    /**
     * The VPCs' ARNs, {@code arn:PARTITION:ec2:REGION:ACCOUNT:vpc/VPC_ID}: the VPC is taken to be in the
     * bucket's Region. With no owner known the account is {@code *}, as in the IAM guide's own
     * aws:SourceVpcArn example: VPC IDs are unique within a Region, so it admits no other VPC (--help and the
     * README say so; a note on every run without an account was noise in every pipeline).
     */
    private static List<String> vpcArns(GenerateRequest request, String partition) {
        String owner = request.vpcOwner().orElse("*");
        return distinct(request.vpcs(), null).stream()
                .map(vpc -> "arn:" + partition + ":ec2:" + request.region() + ":" + owner + ":vpc/" + vpc).toList();
    }

    private static void checkAccount(String option, Optional<String> account) {
        account.filter(a -> !AwsIds.isAccountId(a)).ifPresent(a -> {
            throw GtvpcException.badInput(option + ": '" + a + "' is not a 12-digit account ID");
        });
    }

    private static List<String> distinct(List<String> values, String last) {
        LinkedHashSet<String> set = new LinkedHashSet<>(values);
        if (last != null) {
            set.add(last);
        }
        return List.copyOf(set);
    }
}
