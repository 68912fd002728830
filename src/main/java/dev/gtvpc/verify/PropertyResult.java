package dev.gtvpc.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * One property for one subject (a VPC, an endpoint, a role…): proved over every request checked, or the
 * first that breaks it; {@code reason} says why a result is VACUOUS or DEPENDS; {@code overUnknowns}, for a
 * policy with values its source leaves unknown, how the property fared for each class of their values.
 */
public record PropertyResult(String property, String subject, Status status, long requests, Optional<Counterexample> counterexample,
        Optional<String> reason, Optional<OverUnknowns.Outcomes> overUnknowns) {
    /**
     * PROVED: every request of the space was checked and the property held, and at least one reached a
     * statement. REFUTED: a request breaks it (the counterexample). UNDECIDED: some request had no
     * decision (an operator gtvpc does not know, a statement S3 refuses). VACUOUS: no request was
     * checked, or no statement reaches any of them: nothing to prove. DEPENDS: the answer turns on
     * something gtvpc was not told (the reason says what).
     */
    public enum Status { PROVED, REFUTED, UNDECIDED, VACUOUS, DEPENDS }

    public PropertyResult {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(overUnknowns, "overUnknowns");
    }

    public PropertyResult(String property, String subject, Status status, long requests, Optional<Counterexample> counterexample,
            Optional<String> reason) {
        this(property, subject, status, requests, counterexample, reason, Optional.empty());
    }

    public PropertyResult(String property, String subject, Status status, long requests, Optional<Counterexample> counterexample) {
        this(property, subject, status, requests, counterexample, Optional.empty(), Optional.empty());
    }

    static PropertyResult vacuous(String property, String subject, String why) {
        return vacuous(property, subject, 0, why);
    }

    static PropertyResult vacuous(String property, String subject, long requests, String why) {
        return new PropertyResult(property, subject, Status.VACUOUS, requests, Optional.empty(), Optional.of(why));
    }
}
