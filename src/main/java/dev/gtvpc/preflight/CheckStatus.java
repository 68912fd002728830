package dev.gtvpc.preflight;

/** A prerequisite's state. Only FAIL makes preflight exit 1; WARN is a risk the user should know about. */
public enum CheckStatus {
    PASS,
    WARN,
    FAIL
}
