package dev.gtvpc.audit;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of a task the audit ran on its pool, with the task's own exception rethrown as it was thrown. */
final class Futures {
    private Futures() {
    }

    static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            // a GtvpcException of a read or a proof must reach the CLI as itself, not wrapped
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
