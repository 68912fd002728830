package dev.gtvpc.groundtruth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code policy generate} needs. {@code gtEndpointOverride} replaces the table's endpoint
 * (for a region added after release); {@code sid} defaults to the AWS page's Sid so that applying the
 * generated policy replaces a statement copied from the page.
 */
public record GenerateRequest(
        String region,
        String bucket,
        List<String> vpcs,
        List<String> vpces,
        List<String> principalArns,
        Optional<String> gtEndpointOverride,
        List<String> actions,
        PolicyStyle style,
        String sid) {

    public static final String DEFAULT_SID = "DenyAccessFromNonGTandCustomerVPC";

    public GenerateRequest {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        vpcs = List.copyOf(vpcs);
        vpces = List.copyOf(vpces);
        principalArns = List.copyOf(principalArns);
        Objects.requireNonNull(gtEndpointOverride, "gtEndpointOverride");
        actions = List.copyOf(actions);
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(sid, "sid");
    }
}
