package dev.gtvpc.space;

import java.util.List;
import java.util.Set;

/**
 * Every value gtvpc invents to stand for "one nobody names": a fresh endpoint, VPC, object key, bucket,
 * action, organization, service, role and condition value, the addresses tried first, and two accounts
 * no policy names (an outsider's, and the AWS account that owns a service's endpoint). Lint, verify,
 * apply and audit all take them from here, so that they agree on who is outside: a request lint tries
 * is one verify's classes hold.
 *
 * <p>A fixed value stands for "any other" only while no policy names it; they are written so that one
 * naming them by chance is not credible (an endpoint and VPC ID of all f's, names that say gtvpc). The two
 * accounts are chosen per space, counting down from 999999999999 past every account the policies or the
 * perimeter name, so they are never one a policy names.
 */
public final class Witnesses {
    public static final String FRESH_VPCE = "vpce-0fffffffffffffff0";
    public static final String FRESH_VPC = "vpc-0fffffffffffffff0";
    public static final String FRESH_KEY = "gtvpc-verify/object";
    public static final String OTHER_BUCKET = "gtvpc-verify-other-bucket";
    public static final String UNLISTED_ACTION = "s3:GtvpcVerifyUnlistedAction";
    private static final String UNLISTED_ACTION_NAME = UNLISTED_ACTION.substring("s3:".length());
    public static final String FRESH_ORG = "o-gtvpcverify0";
    public static final String FRESH_ORG_PATH = FRESH_ORG + "/r-gtvp/";
    public static final String FRESH_SERVICE = "gtvpc-verify.amazonaws.com";
    public static final String FRESH_VALUE = "gtvpc-verify-fresh";
    public static final String FRESH_ROLE = "gtvpc-verify-fresh";
    public static final String SESSION_NAME = "gtvpc-verify";
    public static final String SERVICE_LINKED_ROLE = "aws-service-role/" + FRESH_SERVICE + "/AWSServiceRoleForGtvpcVerify";
    /** The organization assumed for the bucket's account when a policy tests one but names no valid ID. */
    public static final String ASSUMED_ORG = "o-gtvpcassumed";
    /** The bucket's account when nothing names it: no real account has this ID, and the output says it was assumed. */
    public static final String UNKNOWN_ACCOUNT = "000000000000";
    /**
     * The account a proof shared by several accounts runs on (audit renames each bucket's account to it
     * and back): no real account has this ID, and it is not UNKNOWN_ACCOUNT, which the output reports.
     */
    public static final String SHARED_ACCOUNT = "000000000001";
    /**
     * The VPC and endpoint IDs a shared proof runs on instead of an account's own (audit appends two hex
     * digits, one ID per network, and renames back): no run of twelve digits, so SHARED_ACCOUNT is never
     * found inside one, and none is FRESH_VPC or FRESH_VPCE.
     */
    public static final String SHARED_VPC_PREFIX = "vpc-0aaaaaaaaaaaaaa";
    public static final String SHARED_VPCE_PREFIX = "vpce-0aaaaaaaaaaaaaa";
    /** The bucket when neither the user nor the policy names one. */
    public static final String UNKNOWN_BUCKET = "bucket";
    /** The region when lint is given none: it only places aws:SourceVpcArn, which a policy seldom tests without --region. */
    public static final String UNKNOWN_REGION = "us-east-1";
    /**
     * Regions a same-ID VPC of another Region is placed in (VPC IDs are unique only within a Region): the
     * first that is neither the bucket's nor the VPC's. A Region of the bucket's partition.
     */
    static String otherRegion(String partition, String... avoid) {
        List<String> candidates = switch (partition) {
            case "aws-cn" -> List.of("cn-northwest-1", "cn-north-1");
            case "aws-us-gov" -> List.of("us-gov-west-1", "us-gov-east-1");
            default -> List.of("eu-west-1", "us-west-2", "ap-southeast-2");
        };
        return candidates.stream().filter(r -> !List.of(avoid).contains(r)).findFirst().orElse(candidates.get(0));
    }

    /** Where the internet is tried first (documentation ranges, RFC 5737 and RFC 3849), before the policy's range boundaries. */
    static final String INTERNET_V4 = "192.0.2.1";
    static final String INTERNET_V6 = "2001:db8::1";
    /** Where inside a VPC a request is tried first (RFC 1918 and RFC 4193), before the policy's range boundaries. */
    static final String VPC_V4 = "10.0.0.1";
    static final String VPC_V6 = "fd00::1";

    private static final long OUTSIDER_FROM = 999999999999L;

    private final String outsider;
    private final String awsOwner;

    private Witnesses(String outsider, String awsOwner) {
        this.outsider = outsider;
        this.awsOwner = awsOwner;
    }

    /** The accounts to invent next to {@code named}: neither is one of them. */
    static Witnesses avoiding(Set<String> named) {
        String outsider = freshAccount(named, OUTSIDER_FROM, null);
        return new Witnesses(outsider, freshAccount(named, OUTSIDER_FROM - 1, outsider));
    }

    /** An account no policy and no input names: "another account", whose principals are strangers. */
    public String outsider() {
        return outsider;
    }

    /** The AWS-owned account that owns a service's VPC endpoint (Ground Truth's, for one). */
    public String awsOwner() {
        return awsOwner;
    }

    /** A string a wildcard pattern matches: * becomes "x", ? becomes "y". */
    public static String witness(String pattern) {
        return pattern.replace("*", "x").replace("?", "y");
    }

    private static String freshAccount(Set<String> used, long from, String taken) {
        for (long n = from; ; n--) {
            String candidate = Long.toString(n);
            if (!used.contains(candidate) && !candidate.equals(taken)) {
                return candidate;
            }
        }
    }

    /** An action the catalogue does not list yet (a future one), in its namespace; the s3 one acts on objects, as most do. */
    static ActionClass unlistedAction(dev.gtvpc.catalogue.S3ActionCatalog catalog) {
        String service = catalog.actions().stream().findFirst().map(a -> a.service()).orElse("s3");
        return new ActionClass(service + ":" + UNLISTED_ACTION_NAME, service.equals("s3"));
    }

    /** Whether {@code action} is the stand-in for actions the catalogue does not list. */
    public static boolean unlisted(String action) {
        return action.endsWith(":" + UNLISTED_ACTION_NAME);
    }
}
