package dev.gtvpc;

/**
 * The one way the core reports a problem the user must act on. The message is a complete sentence
 * fit for one line on stderr; the CLI prints it and exits with {@link #exitCode()}.
 */
public class GtvpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public GtvpcException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public GtvpcException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static GtvpcException badInput(String message) {
        return new GtvpcException(ExitCode.BAD_INPUT, message);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
