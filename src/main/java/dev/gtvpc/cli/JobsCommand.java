package dev.gtvpc.cli;

import picocli.CommandLine.Command;

@Command(name = "jobs",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "SageMaker Ground Truth labeling jobs that use a bucket (talks to AWS).")
public final class JobsCommand {
}
