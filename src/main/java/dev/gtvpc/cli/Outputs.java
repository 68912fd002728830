package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a command's result to standard output or, with {@code -o FILE}, to a file. A file is written
 * whole or not at all (a temporary file beside it, then a rename), so a failed run never leaves a
 * half-written policy where a script expects a good one.
 */
final class Outputs {
    private Outputs() {
    }

    /** A replaced file keeps its mode; a new one gets rw-r--r-- rather than the temporary file's rw-------. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> mode = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, mode);
    }

    static void write(String text, String file, PrintWriter out) {
        write(text, file, out, "-o");
    }

    /** As {@link #write(String, String, PrintWriter)}, naming {@code option} in its errors. */
    static void write(String text, String file, PrintWriter out, String option) {
        if (file == null || file.equals("-")) {
            out.print(text);
            out.flush();
            return;
        }
        Path target = Path.of(file).toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw GtvpcException.badInput(option + ": " + file + " is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw GtvpcException.badInput(option + ": cannot write " + file + ": directory " + dir + " does not exist");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            keepPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException e) {
            throw GtvpcException.badInput(option + ": cannot write " + file + ": no such directory");
        } catch (IOException e) {
            throw GtvpcException.badInput(option + ": cannot write " + file + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the rename succeeded or the write failed; a stray temp file is all that can remain
                }
            }
        }
    }
}
