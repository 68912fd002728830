package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one line on stderr for a run that failed, {@code gtvpc: what is wrong; what to do}, and the
 * stack trace after it only with {@code --verbose}. Secrets are taken out on the way by
 * {@link StandardError}, the writer every command's stderr is.
 */
final class ErrorLine {
    private ErrorLine() {
    }

    /** A usage error, worded by {@link UsageErrors}. */
    static void usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        print(cmd, UsageErrors.describe(e, cmd, args), e);
    }

    /** What a command threw: gtvpc's own error as it is worded, anything else as the bug it is. */
    static void failure(Exception e, CommandLine cmd) {
        print(cmd, e instanceof GtvpcException g ? oneLine(g.getMessage()) : "internal error: " + oneLine(String.valueOf(e))
                + " — this is a bug in gtvpc; run again with --verbose and report the output", e);
    }

    private static void print(CommandLine cmd, String message, Throwable e) {
        PrintWriter err = cmd.getErr();
        err.println("gtvpc: " + message);
        if (verbose(cmd)) {
            err.print(stackTrace(e));
        }
        err.flush();
    }

    private static boolean verbose(CommandLine cmd) {
        CommandLine root = cmd;
        for (CommandLine c = cmd; c != null; c = c.getParent()) {
            CommandLine.ParseResult pr = c.getParseResult();
            if (pr != null && pr.hasMatchedOption("--verbose")) {
                return true;
            }
            root = c;
        }
        return root.getCommand() instanceof GtvpcCommand g && g.verbose;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** The exception chain, one frame a line, for --verbose. */
    static String stackTrace(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            out.append(c == t ? "" : "Caused by: ").append(c).append('\n');
            for (StackTraceElement frame : c.getStackTrace()) {
                out.append("\tat ").append(frame).append('\n');
            }
        }
        return out.toString();
    }
}
