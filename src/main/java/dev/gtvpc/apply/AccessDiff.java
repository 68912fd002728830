package dev.gtvpc.apply;

import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.policy.ActionBlock;
import dev.gtvpc.policy.Effect;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.Wildcards;
import dev.gtvpc.verify.AccessMatrix;
import dev.gtvpc.verify.Verifier;
import dev.gtvpc.verify.VerifyInputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who can do what before and after an apply: the access matrix of {@code verify} for both policies,
 * over the same origins, callers and actions, reduced to the cells that change.
 */
public final class AccessDiff {
    private AccessDiff() {
    }

    /** The actions either policy's Deny statements cover, and the policy actions (a lock-out shows there). */
    public static List<String> actionsInPlay(List<Policy> policies, S3ActionCatalog catalog) {
        Set<String> actions = new LinkedHashSet<>(Verifier.POLICY_ACTIONS);
        for (Policy p : policies) {
            for (Statement s : p.statements()) {
                if (s.effect().filter(Effect.DENY::equals).isEmpty() || s.action().isEmpty()) {
                    continue;
                }
                ActionBlock block = s.action().get();
                for (S3ActionCatalog.Action a : catalog.actions()) {
                    boolean named = block.actions().items().stream().anyMatch(pattern -> Wildcards.matchesIgnoreCase(pattern, a.qualifiedName()));
                    if (named != block.negated()) {
                        actions.add(a.qualifiedName());
                    }
                }
            }
        }
        return List.copyOf(actions);
    }

    /**
     * The changed cells, one entry per row and transition, in the matrix's row order. An absent policy
     * is one without statements: it denies nothing. Both matrices come from one request space: each
     * policy's own space tells apart only the values it names, so their shapes differ (issue 17.6).
     */
    public static List<AccessChange> diff(Optional<Policy> before, Optional<Policy> after, VerifyInputs inputs) {
        List<AccessMatrix> both = Verifier.accessMatrices(List.of(before.orElse(Policy.builder().build()),
                after.orElse(Policy.builder().build())), inputs);
        AccessMatrix a = both.get(0);
        AccessMatrix b = both.get(1);
        List<AccessChange> changes = new ArrayList<>();
        for (int o = 0; o < a.origins().size(); o++) {
            for (int c = 0; c < a.callers().size(); c++) {
                Map<List<Optional<Decision>>, List<String>> byTransition = new LinkedHashMap<>();
                for (int x = 0; x < a.actions().size(); x++) {
                    Optional<Decision> was = a.cells()[o][c][x];
                    Optional<Decision> now = b.cells()[o][c][x];
                    if (!was.equals(now)) {
                        byTransition.computeIfAbsent(List.of(was, now), k -> new ArrayList<>()).add(a.actions().get(x));
                    }
                }
                for (Map.Entry<List<Optional<Decision>>, List<String>> e : byTransition.entrySet()) {
                    changes.add(new AccessChange(a.origins().get(o), a.callers().get(c), e.getValue(), e.getKey().get(0), e.getKey().get(1)));
                }
            }
        }
        return changes;
    }
}
