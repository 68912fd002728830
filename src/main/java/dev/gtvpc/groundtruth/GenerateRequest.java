package dev.gtvpc.groundtruth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code policy generate} needs. {@code gtEndpointOverride} replaces the table's endpoint
 * (for a region added after release); {@code sid} defaults to the AWS page's Sid so that applying the
 * generated policy replaces a statement copied from the page. {@code vpcAccount} owns the VPCs (the
 * account in their {@code aws:SourceVpcArn}), {@code bucketAccount} the bucket (the VPCs' owner when
 * no other is given); {@code vpceOrgs} are organizations whose endpoints keep access ({@code aws:VpceOrgID}).
 */
public record GenerateRequest(
        String region,
        String bucket,
        List<String> vpcs,
        List<String> vpces,
        List<String> vpceOrgs,
        List<String> principalArns,
        Optional<String> vpcAccount,
        Optional<String> bucketAccount,
        Optional<String> gtEndpointOverride,
        List<String> actions,
        PolicyStyle style,
        String sid) {

    public static final String DEFAULT_SID = "DenyAccessFromNonGTandCustomerVPC";

    /** The account in the VPCs' ARNs: the one given for them, else the bucket's; empty when neither is known. */
    public Optional<String> vpcOwner() {
        return vpcAccount.or(() -> bucketAccount);
    }

    public GenerateRequest {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        vpcs = List.copyOf(vpcs);
        vpces = List.copyOf(vpces);
        vpceOrgs = List.copyOf(vpceOrgs);
        Objects.requireNonNull(vpcAccount, "vpcAccount");
        Objects.requireNonNull(bucketAccount, "bucketAccount");
        principalArns = List.copyOf(principalArns);
        Objects.requireNonNull(gtEndpointOverride, "gtEndpointOverride");
        actions = List.copyOf(actions);
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(sid, "sid");
    }
}
