package dev.gtvpc.lint.rules;

import dev.gtvpc.lint.LintContext;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.PrincipalEntry;
import java.util.Optional;

/** What a policy is about, as the rules that make up requests need it: its bucket and its account. */
public final class Subject {
    private Subject() {
    }

    /** The policy's bucket: --bucket, else the first bucket its Resource names. */
    public static String bucket(LintContext c) {
        if (c.options().bucket().isPresent()) {
            return c.options().bucket().get();
        }
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().resource().isPresent()) {
                for (String r : s.statement().resource().get().resources().items()) {
                    Optional<String> b = S3Resources.bucket(r);
                    if (b.isPresent()) {
                        return b.get();
                    }
                }
            }
        }
        return "bucket";
    }

    /** An account the policy names (its principals or role ARNs), in ARNs of the requests the rules make up; a stand-in otherwise. */
    public static String account(LintContext c) {
        for (PolicyScan.StatementAt s : c.statements()) {
            if (s.statement().principal().isPresent()) {
                for (PrincipalEntry e : s.statement().principal().get().entries()) {
                    for (String id : e.ids().items()) {
                        if (AwsIds.isAccountId(id)) {
                            return id;
                        }
                    }
                }
            }
        }
        for (PolicyScan.EntryAt e : c.conditionEntries()) {
            for (String v : e.entry().values().texts()) {
                String[] parts = v.split(":");
                if (parts.length > 4 && AwsIds.isAccountId(parts[4])) {
                    return parts[4];
                }
            }
        }
        return "000000000000";
    }
}
