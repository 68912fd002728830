package dev.gtvpc.apply;

import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.Statement;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.PolicyWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The statement-level difference between the bucket's policy and the one an apply writes. */
public final class StatementDiff {
    private StatementDiff() {
    }

    /**
     * Statements are paired by Sid; statements without one are paired by content. The result follows
     * the order of {@code after}, then the removed statements in the order of {@code before}. A pair
     * written differently is CHANGED unless {@code sameMeaning} says the two decide alike: S3 returns a
     * policy in its own spelling (an account ID as its root ARN, for one), and applying the same policy
     * again must not look like a change.
     */
    public static List<StatementChange> diff(Optional<Policy> before, Optional<Policy> after,
            java.util.function.BiPredicate<Statement, Statement> sameMeaning) {
        List<Statement> old = new ArrayList<>(before.map(Policy::statements).orElse(List.of()));
        List<Statement> now = after.map(Policy::statements).orElse(List.of());
        List<StatementChange> changes = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            Statement s = now.get(i);
            String label = s.label(i);
            int match = indexOf(old, s);
            if (match < 0) {
                changes.add(new StatementChange(StatementChange.Kind.ADDED, label, prefixed("+ ", lines(s))));
                continue;
            }
            Statement previous = old.remove(match);
            if (previous.equals(s) || sameMeaning.test(previous, s)) {
                changes.add(new StatementChange(StatementChange.Kind.KEPT, label, List.of()));
            } else {
                changes.add(new StatementChange(StatementChange.Kind.CHANGED, label, lineDiff(lines(previous), lines(s))));
            }
        }
        List<Statement> all = before.map(Policy::statements).orElse(List.of());
        for (Statement s : old) {
            changes.add(new StatementChange(StatementChange.Kind.REMOVED, s.label(all.indexOf(s)), prefixed("- ", lines(s))));
        }
        return changes;
    }

    private static int indexOf(List<Statement> statements, Statement s) {
        for (int i = 0; i < statements.size(); i++) {
            Statement candidate = statements.get(i);
            boolean sameSid = s.sid().isPresent() && s.sid().equals(candidate.sid());
            boolean sameUnnamed = s.sid().isEmpty() && candidate.sid().isEmpty() && candidate.equals(s);
            if (sameSid || sameUnnamed) {
                return i;
            }
        }
        return -1;
    }

    /** The statement as pretty JSON, one line per element. */
    static List<String> lines(Statement s) {
        Json.Obj doc = PolicyWriter.toJson(Policy.builder().statement(s).build());
        Json.Value statements = doc.get("Statement").orElseThrow();
        Json.Value statement = statements instanceof Json.Arr arr ? arr.items().get(0) : statements;
        return List.of(Json.write(statement, true).split("\n"));
    }

    private static List<String> prefixed(String prefix, List<String> lines) {
        return lines.stream().map(l -> prefix + l).toList();
    }

    /** A longest-common-subsequence line diff; statements are short, so the quadratic table is cheap. */
    static List<String> lineDiff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add("  " + a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add("- " + a.get(i++));
            } else {
                out.add("+ " + b.get(j++));
            }
        }
        while (i < a.size()) {
            out.add("- " + a.get(i++));
        }
        while (j < b.size()) {
            out.add("+ " + b.get(j++));
        }
        return out;
    }
}
