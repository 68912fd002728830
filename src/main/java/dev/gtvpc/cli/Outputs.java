package dev.gtvpc.cli;

import dev.gtvpc.GtvpcException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a command's result to standard output or, with {@code -o FILE}, to a file.
 *
 * <p>A regular file (or one that does not exist yet) is written whole or not at all: a temporary file
 * beside it, then a rename, so a failed run never leaves a half-written policy where a script expects
 * a good one. Anything else is written <em>through</em>, never renamed over: a symbolic link's target
 * (the link stays a link), a FIFO, {@code /dev/stdout}, {@code /dev/null}, {@code /dev/full}. Renaming
 * over those would replace the link or the device node (as root, {@code -o /dev/full} once did) instead
 * of writing to what the user named.
 */
final class Outputs {
    private Outputs() {
    }

    /** A replaced file keeps its mode; a new one gets rw-r--r-- rather than the temporary file's rw-------. */
    private static void keepPermissions(Path target, Path temp, boolean exists) throws IOException {
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> mode = exists
                ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
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
        if (file.isBlank()) {
            throw GtvpcException.badInput(option + ": the file name is empty; name a file, or - for standard output");
        }
        Path target;
        try {
            target = Path.of(file).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw GtvpcException.badInput(option + ": '" + file + "' is not a file name (" + e.getReason() + ")");
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            attributes = null;
        } catch (IOException e) {
            throw cannotWrite(option, file, e);
        }
        if (attributes != null && Files.isDirectory(target)) {
            throw GtvpcException.badInput(option + ": " + file + " is a directory; name a file in it");
        }
        if (attributes == null || attributes.isRegularFile()) {
            replace(text, option, file, target, attributes != null);
        } else {
            writeThrough(text, option, file, target);
        }
    }

    /** The whole-or-nothing write, for a regular file or a new one. */
    private static void replace(String text, String option, String file, Path target, boolean exists) {
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw GtvpcException.badInput(option + ": cannot write " + file + ": directory " + dir + " does not exist");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            keepPermissions(target, temp, exists);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw cannotWrite(option, file, e);
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

    /**
     * Opens what {@code target} names, following links, and writes into it. A link to a missing file
     * creates that file, as the shell's {@code >} would. Not whole-or-nothing: a device or a pipe has no
     * "beside it" to stage a copy in, and a link's target is the user's file to keep in place.
     */
    private static void writeThrough(String text, String option, String file, Path target) {
        try (OutputStream stream = Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            stream.write(text.getBytes(StandardCharsets.UTF_8));
            stream.flush();
        } catch (IOException e) {
            throw cannotWrite(option, file, e);
        }
    }

    private static GtvpcException cannotWrite(String option, String file, IOException e) {
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such directory";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return GtvpcException.badInput(option + ": cannot write " + file + ": " + why);
    }
}
