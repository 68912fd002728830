package dev.gtvpc.cli;

import dev.gtvpc.apply.Applier;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * While a write runs, a SIGINT (Ctrl-C) or SIGTERM stops the JVM wherever the write is; the JVM runs
 * its shutdown hooks first. This one prints what is known of the bucket's state and where the backup
 * is, so that an interrupted apply never leaves the user guessing (issue 17.5). Closed — the hook
 * removed — as soon as the write returns or fails, which then reports for itself.
 */
final class InterruptReport implements AutoCloseable {
    private final Thread hook;

    private InterruptReport(Thread hook) {
        this.hook = hook;
    }

    static InterruptReport during(Applier applier, String bucket, String region, PrintWriter err) {
        Thread hook = new Thread(() -> {
            err.println(message(applier.progress(), bucket, region));
            err.flush();
        }, "gtvpc-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptReport(hook);
    }

    static String message(Optional<Applier.Progress> progress, String bucket, String region) {
        if (progress.isEmpty()) {
            return "gtvpc: interrupted while the backup of bucket " + bucket + "'s policy was being written: nothing was sent to S3,"
                    + " the bucket has its previous policy";
        }
        Applier.Progress p = progress.get();
        String check = "check with 'gtvpc policy get --bucket " + bucket + " --region " + region + "'";
        return "gtvpc: interrupted during the write to bucket " + bucket + ": " + p.state() + "; backup of the previous policy: "
                + p.backup() + (p.sent()
                        ? "; " + check + ", and to put the previous policy back: gtvpc policy rollback --bucket " + bucket
                                + " --backup " + p.backup()
                        : "");
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and reports
        }
    }
}
