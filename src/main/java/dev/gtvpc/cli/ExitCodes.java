package dev.gtvpc.cli;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The one place that turns a run's outcome into its exit code: what the command returned, what it
 * threw, and whether its output could be written. Every failure is one line on stderr
 * ({@link ErrorLine}), with the stack trace only with {@code --verbose}.
 */
public final class ExitCodes {
    /** An unexpected exception: a bug in gtvpc, not bad input (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }

    /** Runs {@code args} as the process does and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, null);
    }

    /** Runs {@code args} with another environment, terminal, clock and standard input (tests); null: the process's. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, RunContext context) {
        PrintWriter redacted = StandardError.around(err, () -> environment(context));
        int code = CommandLines.build(out, redacted, context, CommandTree.path(args)).execute(args);
        return outputChecked(code, out, redacted);
    }

    /** Every command, for what describes them all: completion scripts, the man page. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return CommandLines.all(out, err);
    }

    private static Map<String, String> environment(RunContext context) {
        return context != null ? context.environment() : System.getenv();
    }

    /**
     * A result that could not be written is not a success: a full disk, a closed or broken standard
     * output turns exit 0 or 1 into 2, with one line saying so. (An AWS error or a bug keeps its code.)
     * A reader that closed the pipe ({@code | head}) took what it wanted: the run keeps its code and
     * says nothing, as git, grep and the AWS CLI are quiet there. Not exit 141 (a death by SIGPIPE, git's
     * and grep's): under {@code set -o pipefail}, the norm in CI scripts, that fails a pipeline whose
     * reader chose to stop.
     */
    static int outputChecked(int code, PrintWriter out, PrintWriter err) {
        if (!out.checkError() || out instanceof StandardOutput s && s.readerClosed()) {
            return code;
        }
        String why = out instanceof StandardOutput s ? s.failure().map(f -> " (" + f + ")").orElse("") : "";
        err.println("gtvpc: standard output: cannot write" + why + "; the output is missing or cut short");
        err.flush();
        return code == ExitCode.OK.code() || code == ExitCode.CHECK_FAILED.code() ? ExitCode.BAD_INPUT.code() : code;
    }

    /** picocli's usage errors: bad input. */
    static int onUsageError(CommandLine.ParameterException e, String[] args) {
        java.util.Optional<String> configProblem = ConfigDefaults.problem(e.getCommandLine());
        if (configProblem.isPresent()) {
            // a file that could not be read may be why an option is missing: its problem is the one to fix
            ErrorLine.failure(dev.gtvpc.GtvpcException.badInput(configProblem.get()), e.getCommandLine());
            return ExitCode.BAD_INPUT.code();
        }
        ErrorLine.usage(e, args);
        return ExitCode.BAD_INPUT.code();
    }

    /** What a command threw: gtvpc's own errors carry their code; anything else is a bug. */
    static int onFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        ErrorLine.failure(e, cmd);
        return e instanceof GtvpcException g ? g.exitCode().code() : INTERNAL_ERROR;
    }
}
