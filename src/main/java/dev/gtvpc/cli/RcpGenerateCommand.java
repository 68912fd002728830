package dev.gtvpc.cli;

import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.rcp.NetworkRcp;
import dev.gtvpc.rcp.NetworkRcpCheck;
import dev.gtvpc.rcp.NetworkRcpRequest;
import dev.gtvpc.render.PolicyRenderer;
import dev.gtvpc.space.Witnesses;
import dev.gtvpc.verify.VerifyInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate",
        header = "Write the network-perimeter RCP of AWS's data-perimeter guidance, with your exceptions.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Write the resource control policy that denies requests to the resources of your organization's member"
                    + " accounts unless they come through a VPC endpoint of the organization (aws:VpceOrgID) — the shape of"
                    + " aws-samples/data-perimeter-policy-examples, resource_control_policies/network_perimeter_vpceorgid_rcp.json."
                    + " AWS services acting on their own or with your credentials and EC2's infrastructure role stay"
                    + " exempt, as there; the other exceptions are the ones you name.",
            "",
            "Ground Truth reaches your buckets through its own service endpoint, which an AWS account owns, not your"
                    + " organization: under this RCP a labeling job is denied unless --ground-truth names the job's"
                    + " region, which exempts that region's Ground Truth endpoint (aws:SourceVpce).",
            "",
            "The RCP is proved before it is printed, as policy verify --no-bucket-policy --rcp proves it for a member"
                    + " account's bucket: every exception it writes gets through (the dp:exclude:network tags aside: the"
                    + " principals are taken to carry none), and every other origin and principal is denied.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc rcp generate --org-id o-a1b2c3d4e5 > network-perimeter-rcp.json",
            "  gtvpc rcp generate --org-id o-a1b2c3d4e5 --cidr 203.0.113.0/24 --vpce-account 444455556666 \\",
            "      --ground-truth us-east-1,eu-west-1 --only-tagged -o network-perimeter-rcp.json"})
public final class RcpGenerateCommand implements Callable<Integer>, OptionWording.Worded {
    @Spec
    CommandSpec spec;

    @Mixin
    Inside.RequiredOrgId org;

    @Mixin
    Inside.Cidrs cidrs;

    @Option(names = "--vpce-account", paramLabel = "ACCOUNT", split = ",",
            description = "A third party whose VPC endpoints are inside (aws:VpceAccount). Repeatable.")
    List<String> endpointAccounts = new ArrayList<>();

    @Option(names = "--service-account", paramLabel = "ACCOUNT", split = ",",
            description = "An account whose principals are inside from any network (aws:PrincipalAccount), e.g. the"
                    + " Elastic Load Balancing account that delivers access logs. Repeatable.")
    List<String> serviceAccounts = new ArrayList<>();

    @Option(names = "--ground-truth", paramLabel = "REGION", split = ",", completionCandidates = Converters.Regions.class,
            description = "A region whose Ground Truth service endpoint is inside (aws:SourceVpce, from the region table)."
                    + " Repeatable.")
    List<String> groundTruthRegions = new ArrayList<>();

    @Option(names = "--exclude-tags",
            description = "Principals and resources tagged dp:exclude:network=true are outside the perimeter's reach. The"
                    + " guidance warns: only with an identity perimeter that limits who may tag.")
    boolean excludeTags;

    @Option(names = "--only-tagged",
            description = "The perimeter reaches only principals tagged dp:include:network=true, as the guidance's does.")
    boolean onlyTagged;

    @Option(names = "--actions", paramLabel = "LIST", split = ",", completionCandidates = Converters.RcpActions.class,
            description = "The actions the Deny covers (default: the guidance's cognito-identity:*, ecr:*, kms:*, s3:*, sqs:*).")
    List<String> actions = new ArrayList<>();

    @Option(names = "--sid", paramLabel = "SID", defaultValue = NetworkRcpRequest.DEFAULT_SID,
            description = "The statement's Sid (default: ${DEFAULT-VALUE}, the guidance's).")
    String sid;

    @Mixin
    OutputOptions output;

    @Mixin
    GroundTruthOptions groundTruth;

    /** What the shared options mean for this command (see {@link OptionWording}). */
    @Override
    public Map<String, String> wording() {
        return Map.of(
                "--org-id", "Your organization (o-…): its VPC endpoints are inside the perimeter.",
                "--cidr", "A corporate address range (IPv4) whose requests over the internet are inside (aws:SourceIp). Repeatable.");
    }

    @Override
    public Integer call() {
        org.check();
        cidrs.check();
        Validate.each("--cidr", cidrs.ranges, c -> c.contains(":") ? Optional.of("'" + c + "' is an IPv6 range: rcp generate"
                + " takes IPv4 ranges (a.b.c.d/n)") : Optional.empty());
        List<NetworkRcpRequest.ServiceEndpoint> endpoints = new ArrayList<>();
        List<VerifyInputs.TrustedEndpoint> trusted = new ArrayList<>();
        if (!groundTruthRegions.isEmpty()) {
            RegionTable table = groundTruth.table();
            for (String region : groundTruthRegions) {
                String vpce = table.require("--ground-truth", region).groundTruthEndpoint().value();
                endpoints.add(new NetworkRcpRequest.ServiceEndpoint(vpce, "Ground Truth in " + region));
                trusted.add(GroundTruthAccess.endpoint(vpce, region));
            }
        }
        NetworkRcpRequest request = new NetworkRcpRequest(org.id, cidrs.ranges, endpointAccounts, serviceAccounts, excludeTags, onlyTagged,
                endpoints, actions.isEmpty() ? NetworkRcpRequest.GUIDANCE_ACTIONS : actions, sid);
        Policy rcp = NetworkRcp.generate(request);
        NetworkRcpCheck.check(request, rcp, trusted, groundTruthRegions.isEmpty() ? Witnesses.UNKNOWN_REGION : groundTruthRegions.get(0));
        output.write(PolicyRenderer.json(rcp, output.compact), spec.commandLine().getOut());
        Validate.warnPlaceholders(spec.commandLine().getErr(), "the RCP", "--org-id", org.id, "--vpce-account", endpointAccounts,
                "--service-account", serviceAccounts);
        return 0;
    }
}
