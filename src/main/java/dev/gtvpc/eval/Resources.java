package dev.gtvpc.eval;

import dev.gtvpc.policy.Wildcards;
import java.util.Optional;

/**
 * Matches Resource patterns against a resource ARN
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 * A full ARN pattern is matched part by part: partition, service, region and account each on their
 * own, then the resource part, where {@code *} crosses {@code /} and {@code :}. A pattern with fewer
 * than six parts (such as {@code "*"}) is matched as a whole, so a trailing {@code *} reaches past
 * colons. Matching is case-sensitive. Policy variables work only in the resource part.
 */
final class Resources {
    private Resources() {
    }

    static boolean matches(String pattern, String resource, ContextKeys context, boolean variables) {
        String[] pp = pattern.split(":", 6);
        if (pp.length < 6) {
            return Wildcards.matches(pattern, resource);
        }
        String[] rp = resource.split(":", 6);
        if (rp.length < 6) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if (!Wildcards.matches(pp[i], rp[i])) {
                return false;
            }
        }
        if (variables && PolicyVariables.hasVariable(pp[5])) {
            Optional<PolicyVariables.Resolved> resolved = PolicyVariables.resolve(pp[5], context);
            // "the resource that includes a policy variable with no value will not match any resource"
            return resolved.isPresent() && Patterns.like(resolved.get(), rp[5]);
        }
        return Wildcards.matches(pp[5], rp[5]);
    }
}
