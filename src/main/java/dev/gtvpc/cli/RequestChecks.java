package dev.gtvpc.cli;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.PolicyValues;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.util.Suggestions;
import java.util.Locale;
import java.util.Optional;

/**
 * What a simulated request must be before it is worth deciding: a request AWS could receive. A
 * misspelt action ({@code s3:GetObjekt}) or a VPC ID under aws:SourceVpce is matched by no statement,
 * so the decision printed would be a true answer to a question nobody meant to ask. The same checks
 * serve {@code policy simulate}'s options and the lines of {@code --cases} / {@code policy test}; only
 * the names in the messages differ ({@link Names}).
 */
final class RequestChecks {
    /** How a message names each part of the request: an option ({@code --action}) or a case field. */
    record Names(String action, String resource, String principal, String bucketAccount, String vpce, String vpc,
            String vpcArn, String ip, boolean options) {
        static final Names OPTIONS = new Names("--action", "--resource", "--principal-arn", "--bucket-account",
                "--source-vpce", "--source-vpc", "--source-vpc-arn", "--source-ip", true);
        static final Names CASE_FIELDS = new Names("\"action\"", "\"resource\"", "\"principal\"", "\"bucketAccount\"",
                "\"context\" aws:SourceVpce", "\"context\" aws:SourceVpc", "\"context\" aws:SourceVpcArn", "\"context\" aws:SourceIp",
                false);

        /** Where the other kind of ID goes. */
        String vpcePlace() {
            return options ? "--source-vpce" : "aws:SourceVpce";
        }

        String vpcPlace() {
            return options ? "--source-vpc" : "aws:SourceVpc";
        }
    }

    /** What an action's name is in every service's list: letters and digits, starting with a letter. */
    private static final java.util.regex.Pattern ACTION_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private RequestChecks() {
    }

    /** The first problem of {@code request}, worded for {@code names}; empty when AWS could receive it. */
    static Optional<String> check(Request request, Names names) {
        return check(request, names, false);
    }

    /**
     * As {@link #check(Request, Names)}; with {@code allowUnknownAction}, an S3 action of a plausible name that the
     * catalogue does not hold is no problem: it is decided by its name (the evaluation's notes say so).
     */
    static Optional<String> check(Request request, Names names, boolean allowUnknownAction) {
        Optional<String> p = action(request.action(), allowUnknownAction).map(m -> names.action() + ": " + m);
        if (p.isEmpty()) {
            p = resource(request.resource()).map(m -> names.resource() + ": " + m);
        }
        if (p.isEmpty()) {
            p = principal(request.principal()).map(m -> names.principal() + ": " + m);
        }
        if (p.isEmpty()) {
            p = request.bucketAccount().filter(a -> !AwsIds.isAccountId(a))
                    .map(a -> names.bucketAccount() + ": '" + a + "' is not a 12-digit account ID");
        }
        if (p.isEmpty()) {
            p = context(request.context(), names);
        }
        return p;
    }

    static Optional<String> action(String action) {
        return action(action, false);
    }

    static Optional<String> action(String action, boolean allowUnknown) {
        S3ActionCatalog catalog = S3ActionCatalog.bundled();
        if (action.contains("*") || action.contains("?")) {
            return Optional.of("'" + action + "' is a pattern; a request has one action, e.g. s3:GetObject");
        }
        int colon = action.indexOf(':');
        if (colon < 0) {
            return Optional.of(catalog.find(action).map(a -> "'" + action + "' needs its service prefix: " + a.qualifiedName())
                    .orElse("'" + action + "' is not an action; expected s3:NAME, e.g. s3:GetObject"));
        }
        if (!action.substring(0, colon).equalsIgnoreCase("s3")) {
            return Optional.of("'" + action + "' is not an S3 action; a bucket policy decides s3: actions");
        }
        if (catalog.find(action).isPresent() || allowUnknown && ACTION_NAME.matcher(action.substring(colon + 1)).matches()) {
            return Optional.empty();
        }
        // the catalogue's date, because an action AWS added since is refused too; the day is enough
        String date = catalog.dataDate().length() > 10 ? catalog.dataDate().substring(0, 10) : catalog.dataDate();
        if (allowUnknown) {
            return Optional.of("'" + action + "' is not an action name (letters and digits, starting with a letter, as S3's are)");
        }
        String typo = Suggestions.didYouMean(action, catalog.actions().stream().map(S3ActionCatalog.Action::qualifiedName).toList());
        // a near miss is most likely a typo; otherwise the action may be newer than the catalogue
        return Optional.of("'" + action + "' is not an S3 action in gtvpc's catalogue of " + date + (!typo.isEmpty() ? typo
                : "; if S3 added it since, --allow-unknown-action (a case: \"allowUnknownAction\": true) decides it by its name"));
    }

    static Optional<String> resource(String resource) {
        String expected = "; expected arn:aws:s3:::BUCKET (bucket actions) or arn:aws:s3:::BUCKET/KEY (object actions)";
        Optional<Arn> arn = Arn.parse(resource);
        if (arn.isEmpty()) {
            return Optional.of("'" + resource + "' is not an ARN" + expected);
        }
        if (!arn.get().service().equals("s3")) {
            return Optional.of("'" + resource + "' is not an S3 resource" + expected);
        }
        if (arn.get().resource().isEmpty() || arn.get().resource().startsWith("/")) {
            return Optional.of("'" + resource + "' names no bucket" + expected);
        }
        return Optional.empty();
    }

    static Optional<String> principal(RequestPrincipal who) {
        if (who.kind() == RequestPrincipal.Kind.OTHER) {
            return Optional.of("'" + who.id() + "' is not a principal: give an IAM role, user or root ARN, an assumed-role"
                    + " session ARN, a 12-digit account ID, a service principal (sagemaker.amazonaws.com) or anonymous");
        }
        Optional<String> account = who.account().filter(a -> !AwsIds.isAccountId(a));
        return account.map(a -> "'" + who.id() + "' has account '" + a + "'; an account ID is 12 digits");
    }

    /** The network keys whose values have a fixed form; other keys are the policy author's vocabulary. */
    private static Optional<String> context(ContextKeys context, Names names) {
        for (ContextKeys.Entry e : context.entries()) {
            String key = e.key().toLowerCase(Locale.ROOT);
            for (String v : e.values()) {
                Optional<String> p = switch (key) {
                    case "aws:sourcevpce" -> vpce(v, names);
                    case "aws:sourcevpc" -> vpc(v, names);
                    case "aws:sourcevpcarn" -> vpcArn(v, names);
                    case "aws:sourceip", "aws:vpcsourceip" -> PolicyValues.address(v) ? Optional.empty()
                            : Optional.of((key.equals("aws:sourceip") ? names.ip() : label(names, "aws:VpcSourceIp"))
                                    + ": '" + v + "' is not an IP address (IPv4 or IPv6, without a /prefix)");
                    default -> Optional.empty();
                };
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static String label(Names names, String key) {
        return names.options() ? "--context " + key : "\"context\" " + key;
    }

    private static Optional<String> vpce(String v, Names names) {
        if (AwsIds.isVpceId(v)) {
            return Optional.empty();
        }
        if (AwsIds.isVpcId(v)) {
            return Optional.of(names.vpce() + ": '" + v + "' is a VPC ID, not a VPC endpoint ID; give it as " + names.vpcPlace());
        }
        return Optional.of(names.vpce() + ": '" + v + "' is not a VPC endpoint ID: expected vpce- and 8 or 17 lowercase hex"
                + " digits, e.g. vpce-0abc1234def567890");
    }

    /** What aws:SourceVpcArn holds: the VPC's ARN, whose Region and account tell apart VPCs of one ID. */
    static final java.util.regex.Pattern VPC_ARN = java.util.regex.Pattern.compile("arn:(aws|aws-cn|aws-us-gov):ec2:([a-z0-9-]+):([0-9]{12}):vpc/(vpc-[0-9a-f]+)");

    private static Optional<String> vpcArn(String v, Names names) {
        java.util.regex.Matcher m = VPC_ARN.matcher(v);
        if (m.matches() && AwsIds.isRegionName(m.group(2)) && AwsIds.isVpcId(m.group(4))) {
            return Optional.empty();
        }
        if (AwsIds.isVpcId(v)) {
            return Optional.of(names.vpcArn() + ": '" + v + "' is a VPC ID, not its ARN; give it as " + names.vpcPlace()
                    + ", or its ARN arn:aws:ec2:REGION:ACCOUNT:vpc/" + v);
        }
        return Optional.of(names.vpcArn() + ": '" + v + "' is not a VPC ARN: expected arn:aws:ec2:REGION:ACCOUNT:vpc/VPC_ID, e.g."
                + " arn:aws:ec2:us-east-1:111122223333:vpc/vpc-0abc1234def567890");
    }

    private static Optional<String> vpc(String v, Names names) {
        if (AwsIds.isVpcId(v)) {
            return Optional.empty();
        }
        if (AwsIds.isVpceId(v)) {
            return Optional.of(names.vpc() + ": '" + v + "' is a VPC endpoint ID, not a VPC ID; give it as " + names.vpcePlace());
        }
        return Optional.of(names.vpc() + ": '" + v + "' is not a VPC ID: expected vpc- and 8 or 17 lowercase hex digits,"
                + " e.g. vpc-0abc1234def567890");
    }
}
