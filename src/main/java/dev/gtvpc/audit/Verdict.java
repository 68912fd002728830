package dev.gtvpc.audit;

import java.util.Arrays;
import java.util.Optional;

/** What an audit says of one bucket, in the order the summary lists them (best first). */
public enum Verdict {
    /** The perimeter is proved (everyone outside the networks and principals is denied, they get in) and Ground Truth gets in. */
    GT_READY("gt-ready"),
    /** The perimeter is proved; Ground Truth is not let in (or was not asked about). */
    PERIMETER_PROVED("perimeter-proved"),
    /** A property is disproved: the counterexample is the request that breaks it. */
    REFUTED("refuted"),
    /** The policy allows anonymous callers or any AWS account (lint's public-allow). */
    PUBLIC("public"),
    /** Administrators working normally would lose Get/Put/DeleteBucketPolicy (lint's lockout-risk). */
    LOCKOUT_RISK("lockout-risk"),
    /** Neither proved nor refuted: vacuous, depending on what was not given, or undecided; the detail says which. */
    UNPROVED("unproved"),
    /** The bucket has no bucket policy. */
    NO_POLICY("no-policy"),
    /** The policy could not be read (the read failed, or gtvpc cannot parse the text); the detail says why. */
    UNREADABLE("unreadable");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Verdict> fromId(String id) {
        return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Verdict::id).toList());
    }
}
