package dev.gtvpc.lint;

import dev.gtvpc.groundtruth.GroundTruthAccess;
import dev.gtvpc.groundtruth.RegionTable;
import dev.gtvpc.policy.io.ParsedPolicy;

/** The context a rule sees for a policy, as the linter makes it, for tests that look at what the rules would ask. */
public final class LintContexts {
    private LintContexts() {
    }

    public static LintContext of(ParsedPolicy parsed, LintOptions options) {
        return new LintContext(parsed.policy(), parsed.sourceMap(), options, GroundTruthAccess.service(RegionTable.bundled()), java.util.List.of());
    }
}
