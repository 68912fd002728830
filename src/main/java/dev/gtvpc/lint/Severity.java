package dev.gtvpc.lint;

import java.util.Optional;

/** IAM Access Analyzer's four finding types, most severe first. */
public enum Severity {
    /** Part of the policy does not work, or S3 refuses it. */
    ERROR("error"),
    /** The policy grants or leaves open more than it seems to. */
    SECURITY_WARNING("security-warning"),
    /** Works, but not as best practice says. */
    WARNING("warning"),
    /** Could be clearer or shorter. */
    SUGGESTION("suggestion");

    private final String id;

    Severity(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean reaches(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Optional<Severity> fromId(String id) {
        for (Severity s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
