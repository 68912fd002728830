package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.PolicyKind;

/** What the services that require Version 2012-10-17 answer without it. */
final class Versions {
    private Versions() {
    }

    static String refusal(PolicyKind kind) {
        return switch (kind) {
            case IDENTITY -> "IAM refuses a managed policy without Version 2012-10-17 (CreatePolicy: \"Policy document must be version"
                    + " 2012-10-17 or greater\"); an inline policy (--policy-type identity-inline) may omit it";
            case SCP, RCP -> "every " + (kind == PolicyKind.SCP ? "SCP" : "RCP") + " must include \"Version\": \"2012-10-17\""
                    + " (AWS Organizations refuses it otherwise)";
            default -> kind.service() + " refuses the policy without Version 2012-10-17";
        };
    }
}
