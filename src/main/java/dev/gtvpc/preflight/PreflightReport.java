package dev.gtvpc.preflight;

import java.util.List;
import java.util.Objects;

/** The checklist, in the order of the AWS page, and who ran it (STS GetCallerIdentity). */
public record PreflightReport(PreflightRequest request, String callerArn, String account, List<Check> checks) {
    public PreflightReport {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(callerArn, "callerArn");
        Objects.requireNonNull(account, "account");
        checks = List.copyOf(checks);
    }

    public long count(CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** No check failed (warnings allowed): exit 0. */
    public boolean ok() {
        return count(CheckStatus.FAIL) == 0;
    }
}
