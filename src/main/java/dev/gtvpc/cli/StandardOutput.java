package dev.gtvpc.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Standard output that remembers why a write failed. A {@link PrintWriter} never throws: it sets a flag
 * ({@link #checkError()}) and drops the exception, and {@code System.out} (a {@code PrintStream}) does
 * the same one level further down, so {@code gtvpc generate > /dev/full} used to exit 0 with nothing
 * written. This writer goes straight to file descriptor 1 and keeps the first failure's reason for the
 * one error line {@link ExitCodes} prints.
 */
public final class StandardOutput extends PrintWriter {
    private final Recorder recorder;

    private StandardOutput(Recorder recorder) {
        super(recorder, true);
        this.recorder = recorder;
    }

    /** The process's standard output, bypassing {@code System.out}'s silent error flag. */
    public static StandardOutput ofProcess() {
        return of(new FileOutputStream(FileDescriptor.out));
    }

    public static StandardOutput of(OutputStream stream) {
        return new StandardOutput(new Recorder(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
    }

    /** Why the first failed write failed (the operating system's words: "No space left on device"). */
    public Optional<String> failure() {
        return Optional.ofNullable(recorder.failure);
    }

    /**
     * Whether the reader went away on purpose ({@code gtvpc … | head}): the write failed with EPIPE.
     * The JVM ignores SIGPIPE, so the error arrives as an IOException carrying the C library's words.
     */
    public boolean readerClosed() {
        return BROKEN_PIPE.equals(recorder.failure);
    }

    private static final String BROKEN_PIPE = "Broken pipe";

    private static final class Recorder extends Writer {
        private final Writer out;
        private String failure;

        Recorder(Writer out) {
            this.out = out;
        }

        private IOException record(IOException e) {
            if (failure == null) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            return e;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            try {
                out.write(buf, off, len);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw record(e);
            }
        }
    }
}
