package dev.gtvpc.cli;

import picocli.CommandLine.Command;

@Command(name = "policy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Write, lint, prove, simulate and test S3 bucket policies (offline).",
        subcommands = {PolicyGenerateCommand.class, PolicyLintCommand.class, PolicyVerifyCommand.class, PolicySimulateCommand.class, PolicyTestCommand.class})
public final class PolicyCommand {
}
