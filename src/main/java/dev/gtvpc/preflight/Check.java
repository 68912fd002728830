package dev.gtvpc.preflight;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of the checklist.
 *
 * @param id stable, for scripts: bucket-region, bucket-policy, policy-lockout, s3-endpoint, endpoint-policy,
 *     subnets, security-groups, in-progress-jobs
 * @param title what must hold, in the user's terms, naming the resource
 * @param evidence what AWS answered that decided the status, one fact a line
 * @param fix what to do, present unless the status is PASS
 */
public record Check(String id, String title, CheckStatus status, List<String> evidence, Optional<String> fix) {
    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(fix, "fix");
        if (status != CheckStatus.PASS && fix.isEmpty()) {
            throw new IllegalArgumentException("a " + status + " check needs a fix: " + id);
        }
    }

    static Check pass(String id, String title, List<String> evidence) {
        return new Check(id, title, CheckStatus.PASS, evidence, Optional.empty());
    }

    static Check warn(String id, String title, List<String> evidence, String fix) {
        return new Check(id, title, CheckStatus.WARN, evidence, Optional.of(fix));
    }

    static Check fail(String id, String title, List<String> evidence, String fix) {
        return new Check(id, title, CheckStatus.FAIL, evidence, Optional.of(fix));
    }
}
