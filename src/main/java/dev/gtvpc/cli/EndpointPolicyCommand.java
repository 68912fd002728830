package dev.gtvpc.cli;

import picocli.CommandLine.Command;

@Command(name = "endpoint-policy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "The policy of the VPC's S3 endpoint, so the VPC reaches the labeling buckets and Ground Truth's"
                + " system buckets (offline).")
public final class EndpointPolicyCommand {
}
