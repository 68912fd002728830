package dev.gtvpc.verify;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import java.util.List;

/**
 * Every property's result, what was only sampled, what was assumed ({@code notes}), and the access
 * matrix (null unless asked for).
 */
public record VerificationReport(List<PropertyResult> results, List<String> samplingNotes, AccessMatrix matrix, List<String> notes) {
    public VerificationReport {
        results = List.copyOf(results);
        samplingNotes = List.copyOf(samplingNotes);
        notes = List.copyOf(notes);
    }

    public VerificationReport(List<PropertyResult> results, List<String> samplingNotes, AccessMatrix matrix) {
        this(results, samplingNotes, matrix, List.of());
    }

    /** The same report with one more thing the reader must know was assumed. */
    public VerificationReport withNote(String note) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new VerificationReport(results, samplingNotes, matrix, all);
    }

    /** Every property proved: a vacuous one is not. */
    public boolean proved() {
        return results.stream().allMatch(r -> r.status() == PropertyResult.Status.PROVED);
    }

    /** Every property proved, counting vacuous ones as passing when {@code vacuousPasses}. */
    public boolean passed(boolean vacuousPasses) {
        return results.stream().allMatch(r -> r.status() == PropertyResult.Status.PROVED
                || vacuousPasses && r.status() == PropertyResult.Status.VACUOUS);
    }

    /**
     * The report when every property is proved; else the first that is not, as a bug in gtvpc: a generator's
     * self-check ({@code what} names its output, "the generated policy") must never fail on the user's input.
     */
    public VerificationReport requireProved(String what) {
        for (PropertyResult r : results) {
            if (r.status() != PropertyResult.Status.PROVED) {
                throw new GtvpcException(ExitCode.CHECK_FAILED, "internal error: " + what + " does not prove " + r.property()
                        + " for " + r.subject() + r.counterexample().map(c -> " (" + c.request().action() + " by " + c.caller().label()
                        + " from " + c.origin() + " is " + c.decision().map(Enum::name).orElse("undecided") + ")").orElse("")
                        + "; this is a bug in gtvpc, please report it with the command you ran");
            }
        }
        return this;
    }

    public boolean undecided() {
        return results.stream().anyMatch(r -> r.status() == PropertyResult.Status.UNDECIDED);
    }

    public long requests() {
        return results.stream().mapToLong(PropertyResult::requests).sum();
    }
}
