package dev.gtvpc;

/**
 * What a run of gtvpc tells its caller. The numbers are part of the CLI contract (README, DESIGN.md)
 * and are mapped in exactly one place, {@code cli.ExitCodes}.
 */
public enum ExitCode {
    /** Done; the check passed. */
    OK(0),
    /** The check failed: findings, a disproved property, an unexpected decision, a refused apply. */
    CHECK_FAILED(1),
    /** Bad input: usage, malformed JSON, malformed IDs or ARNs, unknown region. */
    BAD_INPUT(2),
    /** AWS or network error. */
    AWS_ERROR(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
