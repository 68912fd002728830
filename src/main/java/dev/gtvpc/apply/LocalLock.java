package dev.gtvpc.apply;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A cooperative lock for one bucket: an exclusive OS file lock on {@code DIR/<bucket>.lock}, held from
 * before the plan's read until after the settle re-read, so gtvpc runs that share DIR (one machine,
 * or a file system whose locks are honoured across machines) apply one after another. It binds only
 * gtvpc runs that use it: the console, the AWS CLI, Terraform and gtvpc elsewhere ignore it.
 *
 * <p>The file is never deleted (deleting a lock file lets two runs lock two different files); the
 * OS releases the lock when the process ends, however it ends.
 */
public final class LocalLock implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final FileChannel channel;
    private final FileLock lock;

    private LocalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, waiting up to {@code wait} while another run holds it ({@code onWait} is told
     * once, with who holds it).
     */
    public static LocalLock acquire(Path dir, String bucket, Duration wait, Clock clock, Consumer<String> onWait) {
        Path file = dir.resolve(bucket + ".lock");
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            throw new GtvpcException(ExitCode.BAD_INPUT, "--lock: cannot open " + file + " (" + e.getMessage() + "); nothing was"
                    + " changed — choose a writable --backup-dir", e);
        }
        Instant deadline = clock.instant().plus(wait);
        boolean told = false;
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // another apply in this same process holds it
                }
                if (lock != null) {
                    String holder = "pid " + ProcessHandle.current().pid() + " since " + clock.instant() + "\n";
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(false);
                    return new LocalLock(channel, lock);
                }
                if (!told) {
                    onWait.accept("Waiting for the lock on bucket " + bucket + " (" + file + ", held by " + holder(file)
                            + "), up to " + wait.toSeconds() + " s.");
                    told = true;
                }
                if (!clock.instant().isBefore(deadline)) {
                    channel.close();
                    throw new GtvpcException(ExitCode.CHECK_FAILED, "refused: another gtvpc run has held the lock on bucket "
                            + bucket + " (" + file + ", " + holder(file) + ") for more than " + wait.toSeconds() + " s; nothing was"
                            + " changed — try again when it has finished, or raise --lock-wait");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new GtvpcException(ExitCode.BAD_INPUT, "--lock: cannot lock " + file + " (" + e.getMessage() + "); nothing was"
                    + " changed", e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            Thread.currentThread().interrupt();
            throw new GtvpcException(ExitCode.CHECK_FAILED, "interrupted while waiting for the lock on bucket " + bucket
                    + "; nothing was changed");
        }
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "another run" : text;
        } catch (IOException e) {
            return "another run";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel; nothing else to undo
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }
}
