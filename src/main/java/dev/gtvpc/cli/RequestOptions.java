package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.eval.DerivedKeys;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One request, as options: its action and resource, who asks, the bucket's account and organization,
 * where it comes from, and any other condition key. The checks are the ones a case line of
 * {@code --cases} gets ({@link RequestChecks}), worded for the options.
 */
final class RequestOptions implements OptionWording.Worded {
    @Option(names = "--action", paramLabel = "ACTION", description = "The request's action, e.g. s3:GetObject.")
    String action;

    @Option(names = "--resource", paramLabel = "ARN",
            description = "The resource: arn:aws:s3:::BUCKET for bucket actions, arn:aws:s3:::BUCKET/KEY for objects.")
    String resource;

    @Option(names = "--principal-arn", paramLabel = "ARN", defaultValue = "anonymous",
            description = "Who asks: an IAM role, user or root ARN, an assumed-role session ARN, a service principal"
                    + " (sagemaker.amazonaws.com) or anonymous (the default).")
    String principal;

    @Option(names = "--session", paramLabel = "NAME",
            description = "The request comes from session NAME of the --principal-arn role: aws:PrincipalArn is then the"
                    + " role's ARN as given, path included (a session ARN does not show the path).")
    String session;

    @Mixin
    Inside.OrgId orgId;

    @Mixin
    Inside.OrgPaths orgPaths;

    @Mixin
    Inside.BucketAccount bucketAccount;

    @Option(names = "--source-vpce", paramLabel = "VPCE_ID", description = "Sets aws:SourceVpce: the request comes through this endpoint.")
    String sourceVpce;

    @Option(names = "--source-vpc", paramLabel = "VPC_ID", description = "Sets aws:SourceVpc: the endpoint's VPC.")
    String sourceVpc;

    @Option(names = "--source-vpc-arn", paramLabel = "ARN",
            description = "Sets aws:SourceVpcArn, arn:aws:ec2:REGION:ACCOUNT:vpc/VPC_ID: the endpoint's VPC with the Region it is in"
                    + " and the account that owns it, which tell apart VPCs of one ID (an ID is unique only within a Region, and an"
                    + " interface endpoint may reach a bucket of another Region). Sets aws:SourceVpc to its ID too.")
    String sourceVpcArn;

    @Option(names = "--source-ip", paramLabel = "IP", description = "Sets aws:SourceIp (requests over the internet).")
    String sourceIp;

    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "Any condition key; repeat a key for a multivalued one (--context aws:TagKeys=a --context aws:TagKeys=b).")
    List<String> context = new ArrayList<>();

    /** After the request options themselves are checked, what is left wrong came from --context. */
    private static final RequestChecks.Names CONTEXT_NAMES = new RequestChecks.Names("--action", "--resource", "--principal-arn",
            "--bucket-account", "--context aws:SourceVpce", "--context aws:SourceVpc", "--context aws:SourceVpcArn", "--context aws:SourceIp",
            true);

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--org-id", "The bucket account's organization (o-…): principals of the bucket's account carry"
                        + " aws:PrincipalOrgID, the bucket aws:ResourceOrgID.",
                "--org-path", "The bucket account's organization path (o-…/r-…/ou-…/), for aws:PrincipalOrgPaths and"
                        + " aws:ResourceOrgPaths (repeatable).",
                "--bucket-account", "The bucket owner's account: tells whether NOT_DENIED means \"identity policies decide\" or \"denied\".");
    }

    /** Whether any option of a request was given (a batch takes its requests from the case file instead). */
    boolean anyGiven() {
        return action != null || resource != null || !context.isEmpty() || sourceVpce != null || sourceVpc != null || sourceVpcArn != null
                || sourceIp != null
                || bucketAccount.given().isPresent() || session != null || orgId.given().isPresent() || !orgPaths.paths.isEmpty();
    }

    /** Whether the request names both its action and its resource, as one must. */
    boolean complete() {
        return action != null && resource != null;
    }

    /**
     * Whether aws:PrincipalArn is left for gtvpc to derive from an assumed-role session ARN, which
     * does not show the role's path ({@code --session} and {@code --context aws:PrincipalArn=} say it).
     */
    boolean principalArnGuessed(Request request) {
        return session == null && request.principal().kind() == RequestPrincipal.Kind.ASSUMED_ROLE
                && context.stream().noneMatch(kv -> kv.toLowerCase(Locale.ROOT).startsWith("aws:principalarn="));
    }

    /**
     * The request, each option checked, the keys derived from the principal and the organization set; with
     * {@code allowUnknownAction}, an S3 action the catalogue does not hold is decided by its name.
     */
    Request request(boolean allowUnknownAction) {
        if (action != null) {
            RequestChecks.action(action, allowUnknownAction).ifPresent(p -> {
                throw GtvpcException.badInput("--action: " + p);
            });
        }
        if (resource != null) {
            RequestChecks.resource(resource).ifPresent(p -> {
                throw GtvpcException.badInput("--resource: " + p);
            });
        }
        Map<String, List<String>> network = new LinkedHashMap<>();
        if (sourceVpce != null) {
            network.put("aws:SourceVpce", List.of(sourceVpce));
        }
        if (sourceVpcArn != null) {
            java.util.regex.Matcher vpc = RequestChecks.VPC_ARN.matcher(sourceVpcArn);
            if (vpc.matches() && sourceVpc != null && !sourceVpc.equals(vpc.group(4))) {
                throw GtvpcException.badInput("--source-vpc-arn: " + sourceVpcArn + " is the ARN of " + vpc.group(4) + ", and --source-vpc"
                        + " says " + sourceVpc + ": a request comes from one VPC; drop --source-vpc");
            }
            if (vpc.matches() && sourceVpc == null) {
                network.put("aws:SourceVpc", List.of(vpc.group(4)));
            }
        }
        if (sourceVpc != null) {
            network.put("aws:SourceVpc", List.of(sourceVpc));
        }
        if (sourceVpcArn != null) {
            network.put("aws:SourceVpcArn", List.of(sourceVpcArn));
        }
        if (sourceIp != null) {
            network.put("aws:SourceIp", List.of(sourceIp));
        }
        RequestChecks.check(new Request("s3:GetObject", "arn:aws:s3:::b", RequestPrincipal.ANONYMOUS, Optional.empty(),
                ContextKeys.of(network)), RequestChecks.Names.OPTIONS).ifPresent(p -> {
                    throw GtvpcException.badInput(p);
                });
        bucketAccount.check();
        Map<String, List<String>> values = new LinkedHashMap<>(network);
        for (String kv : context) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw GtvpcException.badInput("--context: '" + kv + "' is not KEY=VALUE");
            }
            String key = kv.substring(0, eq);
            String existing = values.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(key);
            List<String> list = new ArrayList<>(values.getOrDefault(existing, List.of()));
            list.add(kv.substring(eq + 1));
            values.put(existing, list);
        }
        RequestPrincipal who = RequestPrincipal.parse(principal);
        Optional<String> roleArn = Optional.empty();
        if (session != null) {
            who = RequestPrincipal.sessionOf(principal, session).orElseThrow(() -> GtvpcException.badInput(
                    "--session: --principal-arn must then be the role's ARN (arn:aws:iam::ACCOUNT:role/PATH/NAME), not '"
                            + principal + "'"));
            roleArn = Optional.of(principal);
        }
        orgId.check();
        orgPaths.check(orgId);
        if ((orgId.given().isPresent() || !orgPaths.paths.isEmpty()) && bucketAccount.given().isEmpty()) {
            throw GtvpcException.badInput("--org-id: give --bucket-account too: the organization is the bucket account's");
        }
        Request request = new Request(action, resource, who, bucketAccount.given(), ContextKeys.of(values))
                .withDerivedKeys(new DerivedKeys.Facts(roleArn, orgId.given(), orgPaths.paths));
        RequestChecks.check(request, CONTEXT_NAMES, allowUnknownAction).ifPresent(problem -> {
            throw GtvpcException.badInput(problem);
        });
        return request;
    }
}
