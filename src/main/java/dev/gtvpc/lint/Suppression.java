package dev.gtvpc.lint;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision that a finding is accepted: of which rule, on which target (its address: a file's path,
 * or a resource address such as {@code aws_s3_bucket_policy.labels} when the input layer names one),
 * for which element (its {@link Fingerprint}; empty for an in-source skip, which covers every finding of
 * the rule on the resource it is written on), why, and until when. It is data applied after the rules
 * have run ({@link Suppressions}), so no rule knows about it.
 *
 * @param origin where it was written, for the user: {@code baseline lint-baseline.json}, or the
 *     resource's Metadata for an in-source skip
 * @param message the finding's message when the entry was made, for the human reading the file
 */
public record Suppression(Kind kind, String rule, String address, Optional<String> fingerprint, Optional<String> reason,
        Optional<LocalDate> expires, String origin, Optional<String> message) {

    /** Where a suppression is kept, in SARIF's words (SARIF 2.1.0 §3.35.2). */
    public enum Kind {
        /** Written beside the element, in the source file (CloudFormation Metadata). */
        IN_SOURCE("inSource"),
        /** Kept apart from the source: a baseline file. */
        EXTERNAL("external");

        private final String sarif;

        Kind(String sarif) {
            this.sarif = sarif;
        }

        public String sarif() {
            return sarif;
        }
    }

    public Suppression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
        if (kind == Kind.EXTERNAL && fingerprint.isEmpty()) {
            // a baseline entry names one element; only a skip written on the resource itself may cover all of them
            throw new IllegalArgumentException("a baseline entry names a fingerprint");
        }
    }

    /** An in-source skip of every finding of {@code rule} on the target at {@code address}. */
    public static Suppression inSource(String rule, String address, Optional<String> reason, String origin) {
        return new Suppression(Kind.IN_SOURCE, rule, address, Optional.empty(), reason, Optional.empty(), origin, Optional.empty());
    }

    /** Whether it names this finding: same target and rule, and the same element unless it covers every element. */
    public boolean covers(String targetAddress, String ruleId, String findingFingerprint) {
        return address.equals(targetAddress) && rule.equals(ruleId) && fingerprint.map(findingFingerprint::equals).orElse(true);
    }

    /** Expired once {@code today} is past its expiry date: an entry that expires on a day still holds that day. */
    public boolean expiredOn(LocalDate today) {
        return expires.map(today::isAfter).orElse(false);
    }

    /** What SARIF's {@code justification} and the text output say: the reason, or that none was given, where, and until when. */
    public String justification() {
        return reason.orElse("no reason given") + " (" + origin + expires.map(d -> ", until " + d).orElse("") + ")";
    }

    /** The reason, or that none was given, and where it was written. */
    public String reasonAndOrigin() {
        return reason.orElse("no reason given") + " (" + origin + ")";
    }

    /** The entry as a user finds it in its file: rule, target, fingerprint and the message it was written for. */
    public String describe() {
        String about = fingerprint.map(f -> "fingerprint " + f).orElse("every element") + message.map(m -> ": " + m).orElse("");
        return rule + " on " + address + " (" + about + ")";
    }
}
