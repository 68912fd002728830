package dev.gtvpc.cli;

import picocli.CommandLine.Command;

@Command(name = "iam-policy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Identity policies with the S3 permissions the Ground Truth VPC page lists for the job's"
                + " execution role and for console users (offline).")
public final class IamPolicyCommand {
}
