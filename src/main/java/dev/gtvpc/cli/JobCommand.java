package dev.gtvpc.cli;

import picocli.CommandLine.Command;

@Command(name = "job",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "The labeling job's own configuration for a VPC: VpcConfig and a CreateLabelingJob request (offline;"
                + " 'gtvpc jobs' is the command that looks at the jobs in your account).")
public final class JobCommand {
}
