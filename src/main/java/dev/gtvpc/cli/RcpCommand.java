package dev.gtvpc.cli;

import picocli.CommandLine.Command;

@Command(name = "rcp",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Resource control policies (RCPs) of AWS Organizations: the network perimeter of AWS's data-perimeter"
                + " guidance, for every bucket of the organization's member accounts (offline).")
public final class RcpCommand {
}
