package dev.gtvpc.testing;

import dev.gtvpc.cli.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs gtvpc in-process, as {@code ./gtvpc ARGS} would, and captures what it prints. */
public final class Cli {
    public record Result(int exit, String out, String err) {
    }

    private Cli() {
    }

    public static Result run(String... args) {
        return runWithStdin(null, args);
    }

    /** Runs with another environment, terminal and clock, as the AWS-facing tests need. */
    public static synchronized Result runIn(dev.gtvpc.cli.RunContext context, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream previous = System.in;
        if (stdin != null) {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            int exit = ExitCodes.run(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
            return new Result(exit, out.toString(), err.toString());
        } finally {
            System.setIn(previous);
        }
    }

    /**
     * Like {@link #runIn} without stdin, and not serialized with other runs: for runs that must
     * overlap, such as two applies on one bucket at once.
     */
    public static Result runConcurrently(dev.gtvpc.cli.RunContext context, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ExitCodes.run(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
        return new Result(exit, out.toString(), err.toString());
    }

    public static Result runWithStdin(String stdin, String... args) {
        return runIn(dev.gtvpc.cli.RunContext.system(), stdin, args);
    }
}
