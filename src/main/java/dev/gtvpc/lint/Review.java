package dev.gtvpc.lint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Findings after suppressions: each finding with its fingerprint and the suppression that hides it,
 * and what the suppressions themselves call for (an expired entry, an entry that matches nothing).
 */
public record Review(List<Target> targets, List<Note> notes) {
    public Review {
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
    }

    /** A target's findings, in the linter's order. */
    public record Target(LintTarget target, List<Judged> findings) {
        public Target {
            Objects.requireNonNull(target, "target");
            findings = List.copyOf(findings);
        }

        public LintReport report() {
            return target.report();
        }

        public List<Judged> active() {
            return findings.stream().filter(j -> !j.suppressed()).toList();
        }
    }

    /**
     * A finding, its fingerprint, the suppression that hides it (empty when none does) and the expired
     * entry that would have (empty unless one matched).
     */
    public record Judged(Finding finding, String fingerprint, Optional<Suppression> suppression, Optional<Suppression> expired) {
        public Judged {
            Objects.requireNonNull(finding, "finding");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(suppression, "suppression");
            Objects.requireNonNull(expired, "expired");
        }

        public boolean suppressed() {
            return suppression.isPresent();
        }
    }

    /** What a suppression calls for: a warning (an expired entry) or information (a stale entry). */
    public record Note(Level level, String message) {
        public enum Level {
            WARNING("warning", "warning"),
            INFO("info", "note");

            private final String id;
            private final String sarif;

            Level(String id, String sarif) {
                this.id = id;
                this.sarif = sarif;
            }

            public String id() {
                return id;
            }

            public String sarif() {
                return sarif;
            }
        }

        public Note {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Whether an unsuppressed finding is at least as severe as {@code threshold}. */
    public boolean reaches(Severity threshold) {
        return targets.stream().flatMap(t -> t.active().stream()).anyMatch(j -> j.finding().severity().reaches(threshold));
    }

    public int suppressedCount() {
        return (int) targets.stream().flatMap(t -> t.findings().stream()).filter(Judged::suppressed).count();
    }
}
