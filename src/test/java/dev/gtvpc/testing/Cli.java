package dev.gtvpc.testing;

import dev.gtvpc.cli.ExitCodes;
import dev.gtvpc.cli.RunContext;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs gtvpc in-process, as {@code ./gtvpc ARGS} would, and captures what it prints. Standard input is
 * the run's own (empty unless given), so runs may overlap: nothing global is swapped.
 */
public final class Cli {
    public record Result(int exit, String out, String err) {
    }

    private Cli() {
    }

    public static Result run(String... args) {
        return runWithStdin(null, args);
    }

    /** Runs with another environment, terminal and clock, as the AWS-facing tests need; {@code stdin} may be null (empty). */
    public static Result runIn(RunContext context, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RunContext run = stdin == null ? context : context.withStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int exit = ExitCodes.run(args, new PrintWriter(out, true), new PrintWriter(err, true), run);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Like {@link #runIn} without stdin: for runs that must overlap, such as two applies on one bucket at once. */
    public static Result runConcurrently(RunContext context, String... args) {
        return runIn(context, null, args);
    }

    public static Result runWithStdin(String stdin, String... args) {
        return runIn(AwsEnv.offlineContext(), stdin, args);
    }
}
