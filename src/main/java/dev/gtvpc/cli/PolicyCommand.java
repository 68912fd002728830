package dev.gtvpc.cli;

import picocli.CommandLine.Command;

@Command(name = "policy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Write, lint, prove, simulate and test S3 bucket policies (offline); get, apply and roll back a bucket's"
                + " policy (AWS).")
public final class PolicyCommand {
}
