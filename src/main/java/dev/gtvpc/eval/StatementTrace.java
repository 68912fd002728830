package dev.gtvpc.eval;

import dev.gtvpc.policy.Effect;
import java.util.List;
import java.util.Optional;

/**
 * What one statement did for a request: whether it applies, and the reason — the element that did
 * not match, or the condition keys that held (all of them, when it applies; the first that failed
 * otherwise).
 */
public record StatementTrace(int index, Optional<String> sid, Effect effect, Outcome outcome, String reason,
        List<ConditionTrace> conditions) {

    /**
     * APPLIES: the statement's Effect takes hold. DELEGATES: an Allow whose Principal names only the
     * caller's account, and the bucket is in that account: it grants nothing by itself ("AWS account
     * principals": the account's identity policies decide). ERROR: gtvpc cannot evaluate it.
     */
    public enum Outcome { APPLIES, DOES_NOT_APPLY, DELEGATES, ERROR }

    public StatementTrace {
        conditions = List.copyOf(conditions);
    }

    /** The statement's Sid, or {@code #index} when it has none. */
    public String label() {
        return dev.gtvpc.policy.Statement.label(sid, index);
    }

    public boolean applies() {
        return outcome == Outcome.APPLIES;
    }
}
