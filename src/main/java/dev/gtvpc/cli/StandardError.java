package dev.gtvpc.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Standard error as every command writes it: each line passes {@link Redactor} before it is written
 * (issue 17.7). It is the writer picocli hands every command as {@code getErr()}, so a command's own
 * notes and warnings, an error line, a stack trace with {@code --verbose} and a renderer printing
 * findings all go the one way, and none can forget the redaction. Text is held back only until its
 * line ends or the writer is flushed (a progress line redrawn with {@code \r} is flushed as it is).
 */
final class StandardError extends Writer {
    private final Writer out;
    private final Supplier<Map<String, String>> environment;
    private final StringBuilder pending = new StringBuilder();
    private Redactor redactor;

    private StandardError(Writer out, Supplier<Map<String, String>> environment) {
        this.out = out;
        this.environment = environment;
    }

    /** {@code err} behind redaction with the secrets of {@code environment} (asked for at the first line written). */
    static PrintWriter around(Writer err, Supplier<Map<String, String>> environment) {
        return new PrintWriter(new StandardError(err, environment), true);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            pending.append(buf[i]);
            if (buf[i] == '\n') {
                emit();
            }
        }
    }

    @Override
    public void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        if (pending.length() == 0) {
            return;
        }
        if (redactor == null) {
            redactor = Redactor.of(environment.get());
        }
        out.write(redactor.redact(pending.toString()));
        pending.setLength(0);
    }
}
