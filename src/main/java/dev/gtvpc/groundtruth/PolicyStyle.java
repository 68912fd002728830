package dev.gtvpc.groundtruth;

/**
 * How the generated Deny statement writes its exemptions. The styles decide the same requests alike,
 * but for the VPCs: strict names them by ARN ({@code aws:SourceVpcArn}, Region and owner included, as
 * AWS now asks of S3 bucket policies because VPC IDs are unique only within a Region), the other two by
 * ID ({@code aws:SourceVpc}), as the policies copied from the pages do.
 */
public enum PolicyStyle {
    /**
     * One {@code StringNotEquals} block, and the VPCs by ARN under {@code ArnNotEquals}: a condition's
     * operators and keys are ANDed, so a request that matches any one exemption is exempt.
     */
    STRICT("strict"),
    /** As strict, with the VPCs by ID ({@code aws:SourceVpc}) in the same block: the shape gtvpc wrote before. */
    LEGACY("legacy"),
    /**
     * The AWS page's historic {@code ForAllValues:StringNotEquals}. For the single-valued keys used
     * here it decides exactly as {@code StringNotEquals} does (true when the key is absent, NOR over
     * the values when present); it is kept for users who must match the page, and lint flags it.
     */
    AWS_DOC("aws-doc");

    private final String cliName;

    PolicyStyle(String cliName) {
        this.cliName = cliName;
    }

    /** True when the VPCs are named by ID ({@code aws:SourceVpc}) rather than by ARN. */
    public boolean vpcById() {
        return this != STRICT;
    }

    public String cliName() {
        return cliName;
    }
}
