package dev.gtvpc.apply;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A finished write: where the backup is, and the policy as S3 returned it afterwards (empty: none). */
public record WriteOutcome(Path backup, Optional<String> readBack) {
    public WriteOutcome {
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(readBack, "readBack");
    }
}
