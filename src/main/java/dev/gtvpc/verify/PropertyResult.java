package dev.gtvpc.verify;

import java.util.Optional;

/** One property for one subject (a VPC, an endpoint, a role…): proved over every request checked, or the first that breaks it. */
public record PropertyResult(String property, String subject, Status status, long requests, Optional<Counterexample> counterexample) {
    /** UNDECIDED: some request had no decision (an operator gtvpc does not know, a statement S3 refuses). */
    public enum Status { PROVED, REFUTED, UNDECIDED }
}
