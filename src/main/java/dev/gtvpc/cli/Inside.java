package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.eval.PolicyValues;
import dev.gtvpc.groundtruth.RegionInfo;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.OperatorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The perimeter's inside — the region, the bucket, the networks, principals and organization that
 * must get in — as the options that say it, each declared once: name, label, split, completion
 * candidates and the check of its value. A command mixes in the ones it takes ({@code @Mixin}) and
 * says in its own words what each means for it ({@link OptionWording.Worded}). An option a command
 * requires and another does not is declared twice, required and not: picocli fixes that in the
 * declaration.
 *
 * <p>Where a value came from — the command line, the configuration file ({@link ConfigDefaults}, which
 * fills these same options), or the option's default — is {@link ConfigDefaults#origin}'s to say. The
 * groups hold no {@code @Spec}: each one picocli injects costs start-up time in every command that
 * mixes the group in.
 */
final class Inside {
    private Inside() {
    }

    /** Where an option's value came from. */
    enum Origin {
        /** Typed by the user on this run's command line. */
        COMMAND_LINE,
        /** The configuration file ({@code .gtvpc.yaml}) gave it, and the command line did not. */
        CONFIG_FILE,
        /** The option's default: it was not given. */
        DEFAULT
    }

    // ------------------------------------------------------------------ --region

    /** {@code --region}: checked against the region table the same way by every command that takes it. */
    abstract static class Region {
        static final String DESCRIPTION = "The AWS Region of the bucket, e.g. us-east-1.";

        String name;

        Optional<String> given() {
            return Optional.ofNullable(name);
        }

        /** A name of the wrong shape is refused before any table is asked ({@code US-EAST-1}, {@code us-east}). */
        void checkName() {
            RegionTable.checkName("--region", name);
        }

        /** The table's row for the region; a region it does not have is bad input naming those it has. */
        RegionInfo require(RegionTable table) {
            return table.require("--region", name);
        }

        /** As {@link #require}, when the region was given. */
        Optional<RegionInfo> requireIfGiven(RegionTable table) {
            return given().map(r -> table.require("--region", r));
        }
    }

    static final class OptionalRegion extends Region {
        @Option(names = "--region", paramLabel = "REGION", completionCandidates = Converters.Regions.class, description = DESCRIPTION)
        void region(String region) {
            name = region;
        }
    }

    static final class RequiredRegion extends Region {
        @Option(names = "--region", required = true, paramLabel = "REGION", completionCandidates = Converters.Regions.class,
                description = DESCRIPTION)
        void region(String region) {
            name = region;
        }
    }

    // ------------------------------------------------------------------ --bucket

    /** {@code --bucket}: one bucket's name, a name S3 would take. */
    abstract static class Bucket {
        static final String DESCRIPTION = "The bucket's name.";

        String name;

        Optional<String> given() {
            return Optional.ofNullable(name);
        }

        /** A name S3 would take for a new bucket. */
        void check() {
            Validate.bucket(name);
        }

        /** A name a bucket of {@code region} may have, older rules included (a bucket that exists is named already). */
        void checkExisting(String region) {
            Validate.each("--bucket", List.of(name), b -> AwsIds.checkExistingBucketName(b, region));
        }
    }

    static final class OptionalBucket extends Bucket {
        @Option(names = "--bucket", paramLabel = "BUCKET", description = DESCRIPTION)
        void bucket(String bucket) {
            name = bucket;
        }
    }

    static final class RequiredBucket extends Bucket {
        @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = DESCRIPTION)
        void bucket(String bucket) {
            name = bucket;
        }
    }

    /** {@code --bucket}, repeatable: the buckets a generated policy names. */
    static final class Buckets {
        @Option(names = "--bucket", required = true, paramLabel = "BUCKET", split = ",",
                description = "A bucket the labeling job reads or writes (input, output). Repeatable.")
        List<String> names = new ArrayList<>();
    }

    // ------------------------------------------------------------------ networks

    /** {@code --vpc}: a VPC whose requests must get in. */
    abstract static class Vpcs {
        static final String DESCRIPTION = "Your VPC: it must get in (repeatable).";

        abstract List<String> ids();

        void check() {
            Validate.vpcs(ids());
        }
    }

    static final class OptionalVpcs extends Vpcs {
        @Option(names = "--vpc", paramLabel = "VPC_ID", split = ",", description = DESCRIPTION)
        List<String> ids = new ArrayList<>();

        @Override
        List<String> ids() {
            return ids;
        }
    }

    static final class RequiredVpcs extends Vpcs {
        @Option(names = "--vpc", required = true, paramLabel = "VPC_ID", split = ",", description = DESCRIPTION)
        List<String> ids = new ArrayList<>();

        @Override
        List<String> ids() {
            return ids;
        }
    }

    /** {@code --vpce}: a VPC endpoint whose requests must get in. */
    static final class Vpces {
        @Option(names = "--vpce", paramLabel = "VPCE_ID", split = ",", description = "Your VPC endpoint: it must get in (repeatable).")
        List<String> ids = new ArrayList<>();

        void check() {
            Validate.vpces(ids);
        }
    }

    /** {@code --cidr}: an address range whose requests over the internet must get in. */
    static final class Cidrs {
        @Option(names = "--cidr", paramLabel = "CIDR", split = ",",
                description = "An address range (a corporate network) whose requests over the internet must get in (repeatable).")
        List<String> ranges = new ArrayList<>();

        void check() {
            Validate.each("--cidr", ranges, c -> PolicyValues.readable(OperatorType.IP_ADDRESS, c) ? Optional.empty()
                    : Optional.of("'" + c + "' is not an IP address or CIDR range such as 203.0.113.0/24"));
        }
    }

    // ------------------------------------------------------------------ principals

    /** {@code --role-arn}: a role (or user) that must get in from anywhere. */
    static final class Roles {
        @Option(names = "--role-arn", paramLabel = "ARN", split = ",", description = "A role that must get in from anywhere (repeatable).")
        List<String> arns = new ArrayList<>();

        /** Each an IAM principal ARN of {@code partition}. */
        void check(String partition) {
            Validate.each("--role-arn", arns, arn -> AwsIds.checkPrincipalArn(arn, partition));
        }
    }

    /** {@code --admin-arn}: an administrator who must keep managing the policy. */
    static final class Admin {
        @Option(names = "--admin-arn", paramLabel = "ARN",
                description = "An administrator who must keep managing the policy from anywhere.")
        String arn;

        Optional<String> given() {
            return Optional.ofNullable(arn);
        }

        void check(String partition) {
            given().ifPresent(a -> Validate.each("--admin-arn", List.of(a), x -> AwsIds.checkPrincipalArn(x, partition)));
        }
    }

    /** {@code --trusted-account}: an account outside the organization whose principals must get in. */
    static final class TrustedAccounts {
        @Option(names = "--trusted-account", paramLabel = "ACCOUNT", split = ",",
                description = "An account outside the organization (a partner, a log-delivery account) whose principals must get in"
                        + " from anywhere (account-can-access); they are then not \"outside\" (repeatable).")
        List<String> ids = new ArrayList<>();

        void check() {
            Validate.each("--trusted-account", ids, Inside::accountProblem);
        }
    }

    // ------------------------------------------------------------------ the bucket's account and organization

    /** {@code --bucket-account}: the account that owns the bucket. */
    static final class BucketAccount {
        @Option(names = "--bucket-account", paramLabel = "ACCOUNT", description = "The bucket owner's account.")
        String id;

        Optional<String> given() {
            return Optional.ofNullable(id);
        }

        void check() {
            given().ifPresent(a -> Validate.each("--bucket-account", List.of(a), Inside::accountProblem));
        }
    }

    /** {@code --org-id}: the organization (o-…) of the bucket's account. */
    static final class OrgId {
        static final String DESCRIPTION = "The bucket account's organization (o-…).";

        @Option(names = "--org-id", paramLabel = "ORG_ID", description = DESCRIPTION)
        String id;

        Optional<String> given() {
            return Optional.ofNullable(id);
        }

        void check() {
            given().ifPresent(o -> Validate.each("--org-id", List.of(o), AwsIds::checkOrgId));
        }
    }

    /** {@code --org-id}, required: a policy for the whole organization (an RCP) names it. */
    static final class RequiredOrgId {
        @Option(names = "--org-id", required = true, paramLabel = "ORG_ID", description = OrgId.DESCRIPTION)
        String id;

        void check() {
            Validate.each("--org-id", List.of(id), AwsIds::checkOrgId);
        }
    }

    /** {@code --org-path}: the bucket account's path in its organization; it needs {@code --org-id}. */
    static final class OrgPaths {
        @Option(names = "--org-path", paramLabel = "PATH", split = ",",
                description = "The bucket account's organization path (o-…/r-…/ou-…/), for aws:PrincipalOrgPaths (repeatable).")
        List<String> paths = new ArrayList<>();

        /** Each a path of the form AWS gives, in the organization {@code org} names. */
        void check(OrgId org) {
            Validate.each("--org-path", paths, AwsIds::checkOrgPath);
            if (org.given().isEmpty() && !paths.isEmpty()) {
                throw GtvpcException.badInput("--org-path: give --org-id too (the organization the path starts with)");
            }
        }
    }

    private static Optional<String> accountProblem(String account) {
        return AwsIds.isAccountId(account) ? Optional.empty() : Optional.of("'" + account + "' is not a 12-digit account ID");
    }
}
