package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.render.OutputFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a generator's result goes and how JSON is laid out: the same two options on every generator. */
public final class OutputOptions {
    @Option(names = "--compact", description = "JSON on one line.")
    boolean compact;

    @Option(names = "-o", paramLabel = "FILE",
            description = "Write to FILE instead of standard output (all or nothing: never a half-written file).")
    Path output;

    /** --compact lays out JSON; with another --format it would be silently ignored, so it is refused. */
    void checkFormat(OutputFormat format) {
        if (compact && format != OutputFormat.JSON) {
            throw GtvpcException.badInput("--compact applies to --format json only");
        }
    }

    void write(String text, PrintWriter out) {
        Outputs.write(text, Inputs.name(output), out);
    }
}
