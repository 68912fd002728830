package dev.gtvpc.apply;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished write: where the backup is, the policy as S3 returned it afterwards (empty: none), and
 * a note when the policy changed again after the write in a way that kept what was written, and
 * whether the read-back was denied after a confirmed lock-out (readBack is then empty).
 */
public record WriteOutcome(Path backup, Optional<String> readBack, Optional<String> note, boolean readBackDenied) {
    public WriteOutcome(Path backup, Optional<String> readBack, Optional<String> note) {
        this(backup, readBack, note, false);
    }

    public WriteOutcome {
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(readBack, "readBack");
        Objects.requireNonNull(note, "note");
    }
}
