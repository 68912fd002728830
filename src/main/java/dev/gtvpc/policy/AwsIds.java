package dev.gtvpc.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shapes of the AWS identifiers gtvpc handles, each check returning what is wrong in words a
 * user can act on, or empty when the identifier is well formed.
 */
public final class AwsIds {
    private static final Pattern VPCE = Pattern.compile("vpce-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern VPC = Pattern.compile("vpc-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-[a-z]+)+-[0-9]+");
    private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern IAM_PATH = Pattern.compile("/(?:[\\x21-\\x7E&&[^/]]+/)*");
    private static final Pattern BUCKET_CHARS = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(?:\\.[0-9]{1,3}){3}");
    private static final Pattern SUBNET = Pattern.compile("subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern KMS_KEY_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");
    private static final Pattern KMS_ALIAS = Pattern.compile("alias/[a-zA-Z0-9/_-]{1,250}");

    private static final Pattern ORG_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern ORG_PATH = Pattern.compile("o-[a-z0-9]{10,32}/r-[0-9a-z]{4,32}/(?:ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}/)*");
    private static final Pattern LEGACY_BUCKET = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    private AwsIds() {
    }

    /** An AWS Organizations ID: {@code o-} and 10 to 32 lowercase letters or digits (Organizations API, Organization.Id). */
    public static Optional<String> checkOrgId(String id) {
        return ORG_ID.matcher(id).matches() ? Optional.empty()
                : Optional.of("'" + id + "' is not an organization ID: expected o- and 10 to 32 lowercase letters or digits");
    }

    /**
     * An organization path as aws:PrincipalOrgPaths holds it: {@code o-…/r-…/} then OU IDs, each followed by
     * a slash (reference_policies_condition-keys.html, aws:PrincipalOrgPaths).
     */
    public static Optional<String> checkOrgPath(String path) {
        return ORG_PATH.matcher(path).matches() ? Optional.empty()
                : Optional.of("'" + path + "' is not an organization path: expected o-…/r-…/ou-…/ (each part followed by /)");
    }

    /** A VPC endpoint ID: {@code vpce-} and 8 or 17 lowercase hexadecimal digits. */
    public static boolean isVpceId(String id) {
        return VPCE.matcher(id).matches();
    }

    /** A VPC ID: {@code vpc-} and 8 or 17 lowercase hexadecimal digits. */
    public static boolean isVpcId(String id) {
        return VPC.matcher(id).matches();
    }

    public static boolean isAccountId(String id) {
        return ACCOUNT.matcher(id).matches();
    }

    public static boolean isRegionName(String region) {
        return REGION.matcher(region).matches();
    }

    public static Optional<String> checkVpceId(String id) {
        if (isVpceId(id)) {
            return Optional.empty();
        }
        if (isVpcId(id)) {
            return Optional.of("'" + id + "' is a VPC ID, not a VPC endpoint ID (vpce-…); pass it as a VPC");
        }
        return Optional.of("'" + id + "' is not a VPC endpoint ID: expected 'vpce-' and 8 or 17 lowercase hex digits,"
                + " e.g. vpce-0abc1234def567890");
    }

    public static Optional<String> checkVpcId(String id) {
        if (isVpcId(id)) {
            return Optional.empty();
        }
        if (isVpceId(id)) {
            return Optional.of("'" + id + "' is a VPC endpoint ID, not a VPC ID (vpc-…); pass it as an endpoint");
        }
        return Optional.of("'" + id + "' is not a VPC ID: expected 'vpc-' and 8 or 17 lowercase hex digits,"
                + " e.g. vpc-0abc1234def567890");
    }

    /** The partition a region belongs to, from its name's prefix. */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-isof-") || region.startsWith("eu-isof-")) {
            return "aws-iso-f";
        }
        if (region.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }

    /**
     * Checks an ARN that {@code aws:PrincipalArn} can hold: an IAM role or user. An STS assumed-role
     * session ARN is refused with the role ARN to use instead, because the key holds the role's ARN
     * for every session of it.
     */
    public static Optional<String> checkPrincipalArn(String arn, String expectedPartition) {
        Optional<Arn> parsed = Arn.parse(arn);
        if (parsed.isEmpty()) {
            return Optional.of("'" + arn + "' is not an ARN; expected arn:" + expectedPartition + ":iam::ACCOUNT:role/NAME");
        }
        Arn a = parsed.get();
        if (a.service().equals("sts") && a.resource().startsWith("assumed-role/")) {
            String[] parts = a.resource().split("/");
            String role = parts.length >= 2 ? parts[1] : "NAME";
            return Optional.of("'" + arn + "' is an assumed-role session; aws:PrincipalArn holds the role's ARN for every"
                    + " session, so use arn:" + a.partition() + ":iam::" + a.account() + ":role/" + role
                    + " (with the role's path, if it has one, before the name)");
        }
        if (!a.partition().equals(expectedPartition)) {
            return Optional.of("'" + arn + "' is in partition '" + a.partition() + "' but the region is in '"
                    + expectedPartition + "'");
        }
        if (!a.service().equals("iam") || !a.region().isEmpty()) {
            return Optional.of("'" + arn + "' is not an IAM role or user ARN; expected arn:" + expectedPartition
                    + ":iam::ACCOUNT:role/NAME");
        }
        if (!isAccountId(a.account())) {
            return Optional.of("'" + arn + "' has account '" + a.account() + "'; an account ID is 12 digits");
        }
        if (arn.contains("*") || arn.contains("?")) {
            return Optional.of("'" + arn + "' has a wildcard; the StringNotEquals exemption compares whole ARNs,"
                    + " so name each role exactly");
        }
        String resource = a.resource();
        int slash = resource.indexOf('/');
        String type = slash < 0 ? resource : resource.substring(0, slash);
        if (!type.equals("role") && !type.equals("user") || slash < 0) {
            return Optional.of("'" + arn + "' is not an IAM role or user ARN; expected arn:" + expectedPartition
                    + ":iam::ACCOUNT:role/NAME");
        }
        String rest = resource.substring(slash);
        int last = rest.lastIndexOf('/');
        String path = rest.substring(0, last + 1);
        String name = rest.substring(last + 1);
        // AWS's own roles in customer accounts are named aws:… (arn:aws:iam::ACCOUNT:role/aws:ec2-infrastructure, which the
        // data-perimeter guidance exempts); nobody else can create such a name
        String own = type.equals("role") && path.equals("/") && name.startsWith("aws:") ? name.substring(4) : name;
        if (!IAM_PATH.matcher(path).matches() || !IAM_NAME.matcher(own).matches() || name.length() > 64) {
            return Optional.of("'" + arn + "' has an invalid " + type + " name or path; names use letters, digits"
                    + " and +=,.@_- (at most 64)");
        }
        return Optional.empty();
    }

    /**
     * S3's rules for general purpose bucket names
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
     */
    public static Optional<String> checkBucketName(String name) {
        String problem = null;
        if (name.length() < 3 || name.length() > 63) {
            problem = "must be 3 to 63 characters long";
        } else if (!BUCKET_CHARS.matcher(name).matches()) {
            problem = "may hold only lowercase letters, digits, dots and hyphens";
        } else if (!isLetterOrDigit(name.charAt(0)) || !isLetterOrDigit(name.charAt(name.length() - 1))) {
            problem = "must begin and end with a letter or digit";
        } else if (name.contains("..")) {
            problem = "must not have two dots in a row";
        } else if (IPV4.matcher(name).matches()) {
            problem = "must not look like an IP address";
        } else {
            for (String prefix : new String[] {"xn--", "sthree-", "amzn-s3-demo-"}) {
                if (name.startsWith(prefix)) {
                    problem = "must not start with the reserved prefix '" + prefix + "'";
                }
            }
            for (String suffix : new String[] {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"}) {
                if (name.endsWith(suffix)) {
                    problem = "must not end with the reserved suffix '" + suffix + "'";
                }
            }
        }
        return Optional.ofNullable(problem).map(p -> "bucket name '" + name + "' " + p + bucketMeant(name).map(b -> "; did you mean " + b + "?")
                .orElse(" (S3 bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html)"));
    }

    /** The bucket's name in an S3 URI (s3://b/key) or a bucket or object ARN (arn:aws:s3:::b/key), which users give for a name. */
    static Optional<String> bucketMeant(String given) {
        String rest = given.startsWith("s3://") ? given.substring(5)
                : given.matches("arn:aws[a-z-]*:s3:::.+") ? given.substring(given.indexOf(":::") + 3) : null;
        if (rest == null) {
            return Optional.empty();
        }
        String bucket = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        return bucket.isEmpty() || !BUCKET_CHARS.matcher(bucket).matches() ? Optional.empty() : Optional.of(bucket);
    }

    /** The region name a user meant by {@code given}, when it is one in another case or without a hyphen (US-EAST-1, us-east1). */
    public static Optional<String> regionMeant(String given) {
        String lower = given.toLowerCase(java.util.Locale.ROOT).strip();
        if (isRegionName(lower)) {
            return Optional.of(lower);
        }
        // us-east1, useast1, us-gov-west1: a hyphen before the trailing digit or after the two-letter prefix
        String hyphenated = lower.replaceFirst("^([a-z]{2})-?(.*?)-?(\\d+)$", "$1-$2-$3");
        return isRegionName(hyphenated) ? Optional.of(hyphenated) : Optional.empty();
    }

    /** A directory bucket's name (S3 Express One Zone): BASE--ZONE-ID--x-s3, directory-bucket-naming-rules.html. */
    private static final Pattern DIRECTORY_BUCKET = Pattern.compile("(.+)--([a-z0-9]+(?:-[a-z0-9]+)*-az[0-9]+)--x-s3");

    /** Whether {@code name} ends as a directory bucket's does ({@code --x-s3}); {@link #checkDirectoryBucketName} says if it is one. */
    public static boolean namesDirectoryBucket(String name) {
        return name.endsWith("--x-s3");
    }

    /**
     * Why {@code name} cannot be a directory bucket's, if it cannot: BASE--ZONE-ID--x-s3 (usw2-az1, a Local Zone's
     * usw2-lax1-az1), 3 to 63 characters, the base following the general purpose rules.
     */
    public static Optional<String> checkDirectoryBucketName(String name) {
        Matcher m = DIRECTORY_BUCKET.matcher(name);
        String rules = " (directory bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/directory-bucket-naming-rules.html)";
        if (!m.matches()) {
            return Optional.of("directory bucket name '" + name + "' is not BASE--ZONE-ID--x-s3, as amzn-s3-demo-bucket--usw2-az1--x-s3" + rules);
        }
        if (name.length() > 63) {
            return Optional.of("directory bucket name '" + name + "' is longer than 63 characters" + rules);
        }
        String base = m.group(1).startsWith("amzn-s3-demo-") ? m.group(1).replace("amzn-s3-demo-", "amzn-demo-") : m.group(1);
        return checkBucketName(base).map(p -> "the base of directory bucket name '" + name + "': " + p);
    }

    /**
     * A name an existing bucket can have in {@code region}: today's rules, or in us-east-1 the legacy ones
     * (up to 255 letters of either case, digits, dots, hyphens and underscores), under which buckets made
     * before March 2018 were named ("Legacy bucket naming rules"). The documentation's own example
     * names ({@code amzn-s3-demo-…}) are accepted: a policy copied from the docs names them.
     */
    public static Optional<String> checkExistingBucketName(String name, String region) {
        if (name.startsWith("amzn-s3-demo-") && checkBucketName(name.replace("amzn-s3-demo-", "amzn-demo-")).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> current = checkBucketName(name);
        if (current.isPresent() && !region.equals("us-east-1") && LEGACY_BUCKET.matcher(name).matches()) {
            return Optional.of(current.get() + "; names like this are legacy ones, possible only for buckets made in us-east-1"
                    + " before March 2018, and the region is " + region);
        }
        if (current.isEmpty() || !region.equals("us-east-1")) {
            return current;
        }
        return LEGACY_BUCKET.matcher(name).matches() ? Optional.empty()
                : Optional.of("bucket name '" + name + "' follows neither today's nor the legacy us-east-1 naming rules"
                        + " (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html)");
    }

    /** A subnet ID: {@code subnet-} and 8 or 17 lowercase hexadecimal digits. */
    public static Optional<String> checkSubnetId(String id) {
        return SUBNET.matcher(id).matches() ? Optional.empty() : Optional.of("'" + id + "' is not a subnet ID: expected"
                + " 'subnet-' and 8 or 17 lowercase hex digits, e.g. subnet-0abc1234def567890");
    }

    /** A security group ID ({@code sg-…}); a group's name is refused, since VpcConfig takes only IDs. */
    public static Optional<String> checkSecurityGroupId(String id) {
        return SECURITY_GROUP.matcher(id).matches() ? Optional.empty() : Optional.of("'" + id + "' is not a security"
                + " group ID: expected 'sg-' and 8 or 17 lowercase hex digits, e.g. sg-0abc1234def567890 (not the group's name)");
    }

    /**
     * A KMS key as SageMaker's {@code VolumeKmsKeyId} takes it: a key ID, a key ARN, an alias name or
     * an alias ARN. An ARN must be in {@code region}: SageMaker encrypts the volume with a key of the
     * job's own region.
     */
    public static Optional<String> checkKmsKey(String key, String region) {
        if (KMS_KEY_ID.matcher(key).matches() || KMS_ALIAS.matcher(key).matches() && !key.startsWith("alias/aws/")) {
            return Optional.empty();
        }
        String expected = "expected a key ID (1234abcd-12ab-34cd-56ef-1234567890ab), a key ARN, alias/NAME or an alias ARN";
        if (key.startsWith("alias/aws/")) {
            return Optional.of("'" + key + "' is an AWS managed key; name a customer managed key or alias");
        }
        Optional<Arn> arn = Arn.parse(key);
        if (arn.isEmpty() || !arn.get().service().equals("kms")) {
            return Optional.of("'" + key + "' is not a KMS key: " + expected);
        }
        Arn a = arn.get();
        String resource = a.resource();
        boolean wellFormed = a.partition().equals(partitionOf(region)) && isAccountId(a.account())
                && (resource.startsWith("key/") && KMS_KEY_ID.matcher(resource.substring(4)).matches()
                        || KMS_ALIAS.matcher(resource).matches());
        if (!wellFormed) {
            return Optional.of("'" + key + "' is not a KMS key ARN: expected arn:" + partitionOf(region) + ":kms:" + region
                    + ":ACCOUNT:key/KEY_ID or …:alias/NAME");
        }
        if (!a.region().equals(region)) {
            return Optional.of("'" + key + "' is in region '" + a.region() + "' but the labeling job runs in '" + region
                    + "'; use a key of " + region);
        }
        return Optional.empty();
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
