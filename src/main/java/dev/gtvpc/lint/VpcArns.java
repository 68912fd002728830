package dev.gtvpc.lint;

import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.ConditionBlock;
import dev.gtvpc.policy.ConditionEntry;
import dev.gtvpc.policy.ConditionOperator;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.OperatorType;
import dev.gtvpc.policy.SetQualifier;
import dev.gtvpc.policy.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * aws:SourceVpc by VPC ID and its Region-bound form aws:SourceVpcArn ({@code arn:PARTITION:ec2:REGION:ACCOUNT:vpc/VPC_ID}),
 * as the rule source-vpc-without-region judges them and {@code lint --fix} rewrites them. A VPC ID is unique only
 * within a Region (AWS Health notice; IAM User Guide, global condition keys: "AWS recommends to use aws:SourceVpcArn
 * instead of aws:SourceVpc if aws:SourceVpcArn is supported by the service", S3 is); since November 2025 an S3
 * interface endpoint can be reached from a VPC of another Region, so an ID alone names a VPC in every Region.
 *
 * <p>What an entry on aws:SourceVpc means for the VPC it names depends on the statement's effect and the
 * operator's polarity ({@link Use}); only a positive entry can be bound to a Region by the statement itself — an
 * ArnEquals/ArnLike (or String) entry on aws:SourceVpcArn whose every value names a Region, ANDed with it. A
 * negated entry exempts or withholds by ID, and nothing ANDed with it can take that back for another Region.
 * aws:RequestedRegion binds nothing here: in a bucket policy it is the bucket's Region, not the VPC's, and a
 * cross-Region endpoint makes them differ. aws:SourceVpce binds nothing either: endpoint IDs are Regional too.
 */
public final class VpcArns {
    public static final String SOURCE_VPC = "aws:SourceVpc";
    public static final String SOURCE_VPC_ARN = "aws:SourceVpcArn";
    // what a Like value on aws:SourceVpc may be and still map onto the ARN's resource part
    private static final Pattern LIKE_VALUE = Pattern.compile("vpc-[0-9a-f*?]*|\\*");

    /** What an aws:SourceVpc entry does to the VPC it names, by effect and polarity. */
    public enum Use {
        /** Allow, positive: grants to the VPC. */
        GRANTS("grants to"),
        /** Deny, negated: the VPC is exempt from the Deny. */
        EXEMPTS("exempts"),
        /** Deny, positive: denies the VPC. */
        DENIES("denies"),
        /** Allow, negated: grants to every VPC but this one. */
        WITHHOLDS("withholds from");

        private final String verb;

        Use(String verb) {
            this.verb = verb;
        }

        /** How the message says it: "this Deny also exempts …". */
        public String verb() {
            return verb;
        }

        static Use of(Effect effect, boolean negated) {
            if (effect == Effect.ALLOW) {
                return negated ? WITHHOLDS : GRANTS;
            }
            return negated ? EXEMPTS : DENIES;
        }
    }

    private VpcArns() {
    }

    /** Whether {@code key} is aws:SourceVpc (IAM compares key names without case). */
    public static boolean isSourceVpc(String key) {
        return key.toLowerCase(Locale.ROOT).equals("aws:sourcevpc");
    }

    /**
     * What the entry under {@code operator} does, when it is a String-operator entry on aws:SourceVpc in a statement of
     * {@code effect}; empty for anything else (Null, a wrong operator family: other rules say what is wrong with those).
     * A set qualifier on this single-valued key changes what a missing key does, not whom the ID lets in or keeps out.
     */
    public static Optional<Use> use(Optional<Effect> effect, ConditionOperator operator, ConditionEntry entry) {
        if (effect.isEmpty() || !isSourceVpc(entry.key()) || operator.type().isEmpty()
                || operator.type().get().family() != OperatorType.Family.STRING) {
            return Optional.empty();
        }
        return Optional.of(Use.of(effect.get(), operator.type().get().negated()));
    }

    /**
     * Whether a positive aws:SourceVpc entry is bound to a Region by the statement's other blocks: an entry on
     * aws:SourceVpcArn under a positive ARN or String operator without a set qualifier, every value of which names
     * a Region. A negated entry is never bound by its own statement (see the class comment).
     */
    public static boolean regionBound(Use use, List<ConditionBlock> blocks) {
        if (use == Use.EXEMPTS || use == Use.WITHHOLDS) {
            return false;
        }
        for (ConditionBlock b : blocks) {
            ConditionOperator op = b.operator();
            boolean positive = op.type().isPresent() && !op.type().get().negated() && op.qualifier() == SetQualifier.NONE
                    && (op.type().get().family() == OperatorType.Family.ARN || op.type().get().family() == OperatorType.Family.STRING);
            for (ConditionEntry e : b.entries()) {
                if (positive && e.key().equalsIgnoreCase(SOURCE_VPC_ARN) && !e.values().texts().isEmpty()
                        && e.values().texts().stream().allMatch(VpcArns::namesRegion)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namesRegion(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[3].isEmpty() && !Wildcards.hasWildcard(parts[3]) && !parts[3].contains("${");
    }

    /** The ARN operator that compares aws:SourceVpcArn as {@code operator} compared aws:SourceVpc; empty for the IgnoreCase ones. */
    public static Optional<ConditionOperator> arnOperator(ConditionOperator operator) {
        OperatorType arn = switch (operator.type().orElseThrow()) {
            case STRING_EQUALS -> OperatorType.ARN_EQUALS;
            case STRING_NOT_EQUALS -> OperatorType.ARN_NOT_EQUALS;
            case STRING_LIKE -> OperatorType.ARN_LIKE;
            case STRING_NOT_LIKE -> OperatorType.ARN_NOT_LIKE;
            default -> null;
        };
        return Optional.ofNullable(arn).map(t -> ConditionOperator.of(SetQualifier.NONE, t, operator.ifExists()));
    }

    /**
     * The value that names VPC {@code value} of {@code region} owned by any account — the form of the IAM guide's own
     * example (a VPC ID is unique within a Region, so the account adds nothing the ID does not say, and the owner of a
     * shared VPC need not be the bucket's) — or empty when {@code value} is not a VPC ID (or, under a Like operator,
     * a pattern of one).
     */
    public static Optional<String> arn(String region, String value, boolean like) {
        if (!(AwsIds.isVpcId(value) || like && LIKE_VALUE.matcher(value).matches())) {
            return Optional.empty();
        }
        return Optional.of("arn:" + AwsIds.partitionOf(region) + ":ec2:" + region + ":*:vpc/" + value);
    }

    /** Each value's ARN in {@code region}; empty when one of them is not a VPC ID. */
    public static Optional<List<String>> arns(String region, List<String> values, boolean like) {
        List<String> arns = new ArrayList<>();
        for (String v : values) {
            Optional<String> arn = arn(region, v, like);
            if (arn.isEmpty()) {
                return Optional.empty();
            }
            arns.add(arn.get());
        }
        return Optional.of(arns);
    }

    /** Whether the operator is a Like one (its values may hold wildcards). */
    public static boolean like(ConditionOperator operator) {
        OperatorType positive = operator.type().orElseThrow().positive();
        return positive == OperatorType.STRING_LIKE || positive == OperatorType.ARN_LIKE;
    }
}
