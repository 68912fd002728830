package dev.gtvpc.apply;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a new policy joins the one a bucket has: the new policy's statements replace current statements
 * with the same Sid, where they stood; all other current statements are kept; new statements that
 * replace nothing come last. A new statement without a Sid is added unless the same statement is
 * already there, so applying a policy twice changes nothing.
 */
public final class Merge {
    private Merge() {
    }

    public static Policy merge(Optional<Policy> current, Policy proposed) {
        if (current.isEmpty() || current.get().statements().isEmpty()) {
            return proposed;
        }
        Map<String, Statement> bySid = new LinkedHashMap<>();
        List<Statement> withoutSid = new ArrayList<>();
        for (Statement s : proposed.statements()) {
            if (s.sid().isPresent()) {
                bySid.put(s.sid().get(), s);
            } else {
                withoutSid.add(s);
            }
        }
        List<Statement> merged = new ArrayList<>();
        for (Statement s : current.get().statements()) {
            Statement replacement = s.sid().map(bySid::remove).orElse(null);
            merged.add(replacement != null ? replacement : s);
        }
        merged.addAll(bySid.values());
        for (Statement s : withoutSid) {
            if (!merged.contains(s)) {
                merged.add(s);
            }
        }
        Policy base = current.get();
        return Policy.builder()
                .version(proposed.version().or(base::version).orElse(Policy.VERSION_2012))
                .id(proposed.id().or(base::id).orElse(null))
                .statements(merged)
                .build();
    }
}
