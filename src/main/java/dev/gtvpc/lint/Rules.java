package dev.gtvpc.lint;

import dev.gtvpc.lint.rules.AssumedRolePrincipalArn;
import dev.gtvpc.lint.rules.BucketMismatch;
import dev.gtvpc.lint.rules.DuplicateSid;
import dev.gtvpc.lint.rules.ForAllValuesSingleValuedKey;
import dev.gtvpc.lint.rules.groundtruth.GtActionsOpen;
import dev.gtvpc.lint.rules.groundtruth.GtEndpointMissing;
import dev.gtvpc.lint.rules.groundtruth.GtEndpointWrongRegion;
import dev.gtvpc.lint.rules.groundtruth.GtSplitExemptions;
import dev.gtvpc.lint.rules.IfExistsDenyGap;
import dev.gtvpc.lint.rules.InvalidAction;
import dev.gtvpc.lint.rules.InvalidArn;
import dev.gtvpc.lint.rules.InvalidArnAccount;
import dev.gtvpc.lint.rules.PolicyTypeElement;
import dev.gtvpc.lint.rules.NotPrincipalAllow;
import dev.gtvpc.lint.rules.UnknownConditionKey;
import dev.gtvpc.lint.rules.DenyMissesBucket;
import dev.gtvpc.lint.rules.EndpointAllowsNothing;
import dev.gtvpc.lint.rules.groundtruth.GtSystemBucketsBlocked;
import dev.gtvpc.lint.rules.InvalidVersion;
import dev.gtvpc.lint.rules.InvalidVpcFormat;
import dev.gtvpc.lint.rules.InvalidVpceFormat;
import dev.gtvpc.lint.rules.KeyCaseDuplicate;
import dev.gtvpc.lint.rules.KeyNameCase;
import dev.gtvpc.lint.rules.LockoutRisk;
import dev.gtvpc.lint.rules.MissingAction;
import dev.gtvpc.lint.rules.MissingEffect;
import dev.gtvpc.lint.rules.MissingPrincipal;
import dev.gtvpc.lint.rules.MissingResource;
import dev.gtvpc.lint.rules.MissingStatement;
import dev.gtvpc.lint.rules.MissingVersion;
import dev.gtvpc.lint.rules.OldVersion;
import dev.gtvpc.lint.rules.OperatorValueType;
import dev.gtvpc.lint.rules.OwnNetworkDenied;
import dev.gtvpc.lint.rules.PlaceholderLeft;
import dev.gtvpc.lint.rules.PrincipalInIdentityPolicy;
import dev.gtvpc.lint.rules.PublicAllow;
import dev.gtvpc.lint.rules.ResourceTypeMismatch;
import dev.gtvpc.lint.rules.UnknownOperator;
import dev.gtvpc.lint.rules.VpcIdInSourceVpce;
import dev.gtvpc.lint.rules.VpceIdInSourceVpc;
import dev.gtvpc.lint.rules.WildcardOnVpcKey;
import dev.gtvpc.policy.io.ReadProblem;
import java.util.List;
import java.util.Optional;

/** Every lint rule, in the order --list-rules shows them and findings at one location are sorted. */
public final class Rules {
    private static final String GRAMMAR = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html";

    public static final List<Rule> ALL = List.of(
            new ReadProblemRule(ReadProblem.Kind.INVALID_JSON, "The document is not JSON.",
                    "fix the JSON at the position given (a missing comma, a stray character…)", GRAMMAR),
            new ReadProblemRule(ReadProblem.Kind.DUPLICATE_KEY, "A key written twice in one object (JSON parsers keep only the last).",
                    "merge the two members into one", GRAMMAR),
            new ReadProblemRule(ReadProblem.Kind.WRONG_TYPE, "A value of the wrong JSON type (a number for Action, …).",
                    "write the value in the type the element takes", GRAMMAR),
            new ReadProblemRule(ReadProblem.Kind.UNKNOWN_ELEMENT, "An element the policy grammar does not define.",
                    "remove it or correct its spelling (element names are case-sensitive)", GRAMMAR),
            new ReadProblemRule(ReadProblem.Kind.CONFLICTING_ELEMENTS, "Principal with NotPrincipal, Action with NotAction, …",
                    "keep one of the two", GRAMMAR),
            new ReadProblemRule(ReadProblem.Kind.INVALID_EFFECT, "Effect other than \"Allow\" or \"Deny\".",
                    "write \"Allow\" or \"Deny\" (case-sensitive)",
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html"),
            new ReadProblemRule(ReadProblem.Kind.TOO_LARGE, "The policy is over S3's 20 KB limit.",
                    "remove redundant statements or values; list patterns instead of many values",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html"),
            new MissingVersion(),
            new OldVersion(),
            new InvalidVersion(),
            new MissingStatement(),
            new MissingEffect(),
            new MissingPrincipal(),
            new PrincipalInIdentityPolicy(),
            new MissingAction(),
            new MissingResource(),
            new DuplicateSid(),
            new UnknownOperator(),
            new OperatorValueType(),
            new InvalidAction(),
            new InvalidArn(),
            new InvalidArnAccount(),
            new PolicyTypeElement(),
            new NotPrincipalAllow(),
            new PlaceholderLeft(),
            new ForAllValuesSingleValuedKey(),
            new VpcIdInSourceVpce(),
            new VpceIdInSourceVpc(),
            new InvalidVpceFormat(),
            new InvalidVpcFormat(),
            new WildcardOnVpcKey(),
            new AssumedRolePrincipalArn(),
            new UnknownConditionKey(),
            new IfExistsDenyGap(),
            new KeyCaseDuplicate(),
            new KeyNameCase(),
            new ResourceTypeMismatch(),
            new BucketMismatch(),
            new PublicAllow(),
            new DenyMissesBucket(),
            new EndpointAllowsNothing(),
            new GtEndpointMissing(),
            new GtEndpointWrongRegion(),
            new GtSplitExemptions(),
            new GtActionsOpen(),
            new GtSystemBucketsBlocked(),
            new OwnNetworkDenied(),
            new LockoutRisk(),
            new ReadProblemRule(ReadProblem.Kind.UNREADABLE, "A file that cannot be read (missing, no permission, an I/O"
                    + " error); reported so every format lists every input.",
                    "check the path and its permissions; lint reads *.json files and directories of them",
                    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html"));

    private Rules() {
    }

    public static Optional<Rule> find(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return ALL.stream().map(Rule::id).toList();
    }

    static ReadProblemRule forKind(ReadProblem.Kind kind) {
        return ALL.stream().filter(r -> r instanceof ReadProblemRule p && p.kind() == kind).map(ReadProblemRule.class::cast)
                .findFirst().orElseThrow();
    }

    static int order(String id) {
        return ids().indexOf(id);
    }
}
