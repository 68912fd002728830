package dev.gtvpc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "gtvpc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        // subcommands: CommandTree registers them, building only those a run needs
        synopsisSubcommandLabel = "COMMAND",
        description = {
            // one element a paragraph: picocli wraps it at the terminal's width, and the man page fills it
            "S3 bucket policies that keep SageMaker Ground Truth labeling data inside your VPC, while letting the region's"
                    + " Ground Truth service endpoint and your chosen roles through: generate them, lint them, prove them, and"
                    + " decide requests against them as IAM does (offline); apply them to a bucket safely (plan, checks, backup,"
                    + " read-back) and roll them back (AWS).",
            "",
            "Also the rest of the page: the VPC endpoint policy, identity policies, the job's VpcConfig.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  gtvpc policy generate --region us-east-1 --bucket my-labeling-data \\",
            "      --vpc vpc-0abc1234def567890 > policy.json",
            "  gtvpc policy lint --region us-east-1 policy.json",
            "  gtvpc policy verify policy.json --region us-east-1 --vpc vpc-0abc1234def567890 --matrix",
            "  gtvpc policy simulate policy.json --action s3:GetObject --resource arn:aws:s3:::bucket/a.jpg",
            "  gtvpc policy apply policy.json --bucket my-labeling-data --region us-east-1 --dry-run",
            "  gtvpc regions list",
            "  source <(gtvpc completion bash)    # shell completion (bash; zsh: gtvpc completion zsh)",
            "",
            "Exit codes: 0 done, 1 a check failed, 2 bad input, 3 AWS or network error,",
            "70 internal error (a bug in gtvpc: please report it with the --verbose output)."})
public final class GtvpcCommand {
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, also print the stack trace.")
    boolean verbose;

    /**
     * Set by {@link ExitCodes#run} for tests; otherwise the process's, made when a command first asks
     * (only the AWS commands do), so offline runs do not copy the environment or probe the console.
     */
    RunContext context;

    static RunContext context(picocli.CommandLine.Model.CommandSpec spec) {
        GtvpcCommand root = (GtvpcCommand) spec.root().userObject();
        if (root.context == null) {
            root.context = RunContext.system();
        }
        return root.context;
    }
}
