package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/** Reads a text input named on the command line: a file, or {@code -} for the run's standard input. */
final class Inputs {
    private final Supplier<InputStream> stdin;

    Inputs(Supplier<InputStream> stdin) {
        this.stdin = stdin;
    }

    /** What {@code spec}'s run reads: its {@link RunContext}'s standard input, asked for only when {@code -} is read. */
    static Inputs of(CommandSpec spec) {
        return new Inputs(() -> GtvpcCommand.context(spec).stdin());
    }

    /**
     * The name a file option or argument was given by (null when it was not): they are typed as paths,
     * which lets completion offer file names, and named as text in messages and reports.
     */
    static String name(Path file) {
        return file == null ? null : file.toString();
    }

    /** The run's standard input. */
    InputStream stdin() {
        return stdin.get();
    }

    /** Where bytes stop being UTF-8: the 1-based byte offset, and its line and column for an editor. */
    record NotUtf8(long byteOffset, int line, int column) {
        String describe() {
            return "not UTF-8 text at byte " + byteOffset + " (line " + line + ", column " + column + ")"
                    + (byteOffset == 1 ? "; is it a binary file, or in another encoding (save it as UTF-8)?" : "; save it as UTF-8");
        }
    }

    /** The text of {@code name}, or a bad-input error naming {@code what} (the option or argument). */
    String read(String name, String what) {
        byte[] bytes = bytes(name, what);
        Object decoded = decode(bytes);
        if (decoded instanceof NotUtf8 bad) {
            throw GtvpcException.badInput(what + ": " + display(name) + " is " + bad.describe());
        }
        return (String) decoded;
    }

    /** The bytes of {@code name}; missing, a directory or unreadable is a bad-input error naming {@code what}. */
    byte[] bytes(String name, String what) {
        try {
            if (name.equals("-")) {
                return stdin().readAllBytes();
            }
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw GtvpcException.badInput(what + ": " + name + " is a directory, not a file");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw GtvpcException.badInput(what + ": no such file: " + name);
        } catch (AccessDeniedException e) {
            throw GtvpcException.badInput(what + ": permission denied: " + name);
        } catch (FileSystemException e) {
            throw GtvpcException.badInput(what + ": cannot read " + name + ": " + (e.getReason() == null ? e.getMessage() : e.getReason()));
        } catch (IOException e) {
            throw GtvpcException.badInput(what + ": cannot read " + name + ": " + e.getMessage());
        }
    }

    /** The text, or where it stops being UTF-8 ({@link NotUtf8}). */
    static Object decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            return notUtf8(bytes, in.position());
        }
        out.flip();
        return out.toString();
    }

    private static NotUtf8 notUtf8(byte[] bytes, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new NotUtf8(index + 1L, line, index - lineStart + 1);
    }

    private static String display(String name) {
        return name.equals("-") ? "standard input" : name;
    }
}
