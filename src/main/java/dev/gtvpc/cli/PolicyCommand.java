package dev.gtvpc.cli;

import picocli.CommandLine.Command;

@Command(name = "policy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Write, lint, prove, simulate and test S3 bucket policies (offline); get, apply and roll back a bucket's"
                + " policy (AWS).",
        subcommands = {PolicyGenerateCommand.class, PolicyLintCommand.class, PolicyVerifyCommand.class, PolicySimulateCommand.class, PolicyTestCommand.class,
            PolicyGetCommand.class, PolicyApplyCommand.class, PolicyRollbackCommand.class})
public final class PolicyCommand {
}
