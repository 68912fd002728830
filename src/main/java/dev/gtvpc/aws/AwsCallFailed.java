package dev.gtvpc.aws;

import dev.gtvpc.ExitCode;
import dev.gtvpc.GtvpcException;
import java.util.Objects;

/**
 * A failed AWS call, still exit code 3 with one line for the user, but with enough structure for a
 * caller that can carry on: preflight turns an access-denied call into a failed check naming the
 * missing permission instead of giving up on every other check.
 */
public final class AwsCallFailed extends GtvpcException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, as far as a caller needs to tell them apart. */
    public enum Reason {
        /** The caller's identity policy (or a resource policy, SCP…) does not allow the call. */
        ACCESS_DENIED,
        /** The thing asked about does not exist (S3's NoSuchBucket). */
        NOT_FOUND,
        /** Anything else: network, credentials, throttling, service errors. */
        OTHER
    }

    private final String operation;
    private final Reason reason;
    private final String errorCode;
    private final int httpStatus;

    /** A failure with no answer from the service (network, timeout, credentials). */
    public AwsCallFailed(String operation, Reason reason, String errorCode, String message, Throwable cause) {
        this(operation, reason, errorCode, 0, message, cause);
    }

    /** @param httpStatus the status of the service's answer; 0 when there was none */
    public AwsCallFailed(String operation, Reason reason, String errorCode, int httpStatus, String message, Throwable cause) {
        super(ExitCode.AWS_ERROR, message, cause);
        this.operation = Objects.requireNonNull(operation, "operation");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.httpStatus = httpStatus;
    }

    /** The HTTP status of the service's answer; 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * Whether a write that failed so may still have been carried out: no answer (a reset, a timeout)
     * or a 5xx. A 4xx is the service refusing the request, which it then did not carry out.
     */
    public boolean mayHaveTakenEffect() {
        return httpStatus == 0 || httpStatus >= 500;
    }

    /** The API call, e.g. "GetBucketLocation". */
    public String operation() {
        return operation;
    }

    public Reason reason() {
        return reason;
    }

    /** The service's error code, e.g. "AccessDenied"; "" when there was none (a network failure). */
    public String errorCode() {
        return errorCode;
    }
}
