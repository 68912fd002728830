package dev.gtvpc.lint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies suppressions to findings after every rule has run: in-source skips first (they sit beside
 * the element), then baseline entries. An expired entry no longer hides its finding and says so; an
 * entry that matches no finding of a target this run linted is reported as stale, since either the
 * defect was fixed or its element changed (and a changed element must be reviewed again).
 */
public final class Suppressions {
    /** Invalid JSON is never suppressed: nothing in such a file was linted, and its run exits 2 regardless. */
    static final String UNSUPPRESSIBLE = "invalid-json";

    private Suppressions() {
    }

    /**
     * @param baseline the entries of the baseline file, in file order (empty without one); each names a fingerprint
     * @param today the date expiry is judged on (UTC), from the run's clock
     * @param ruleRan whether a rule ran in this run: an entry for a disabled rule cannot match, so it is not stale
     */
    public static Review review(List<LintTarget> targets, List<Suppression> baseline, LocalDate today, Predicate<String> ruleRan) {
        Set<Integer> used = new HashSet<>();
        // baseline entries always name a fingerprint: index them, so a run is linear in findings plus entries
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < baseline.size(); i++) {
            Suppression s = baseline.get(i);
            byKey.computeIfAbsent(key(s.address(), s.rule(), s.fingerprint().orElse("")), k -> new ArrayList<>()).add(i);
        }
        List<Review.Target> reviewed = new ArrayList<>();
        // which rules this run judged on each address: all that ran on a policy that read; only the
        // reader's own rules on JSON that did not read as a policy (a duplicate key); none on invalid JSON
        Map<String, Predicate<String>> judgedOn = new HashMap<>();
        for (LintTarget t : targets) {
            Predicate<String> here = t.report().policy().isPresent() ? ruleRan
                    : t.document().isPresent() ? id -> ruleRan.test(id) && Rules.find(id).filter(r -> r instanceof ReadProblemRule).isPresent()
                    : id -> false;
            judgedOn.merge(t.address(), here, Predicate::or);
            List<Review.Judged> judged = new ArrayList<>();
            for (Finding f : t.report().findings()) {
                String fp = Fingerprint.of(f, t.document(), t.text());
                if (f.ruleId().equals(UNSUPPRESSIBLE)) {
                    judged.add(new Review.Judged(f, fp, Optional.empty(), Optional.empty()));
                    continue;
                }
                Optional<Suppression> active = Optional.empty();
                Optional<Suppression> expired = Optional.empty();
                for (Suppression s : t.inSource()) {
                    if (s.covers(t.address(), f.ruleId(), fp)) {
                        if (!s.expiredOn(today)) {
                            active = active.or(() -> Optional.of(s));
                        } else {
                            expired = expired.or(() -> Optional.of(s));
                        }
                    }
                }
                for (int i : byKey.getOrDefault(key(t.address(), f.ruleId(), fp), List.of())) {
                    Suppression s = baseline.get(i);
                    if (s.covers(t.address(), f.ruleId(), fp)) {
                        used.add(i);
                        if (!s.expiredOn(today)) {
                            active = active.or(() -> Optional.of(s));
                        } else {
                            expired = expired.or(() -> Optional.of(s));
                        }
                    }
                }
                judged.add(new Review.Judged(f, fp, active, active.isPresent() ? Optional.empty() : expired));
            }
            reviewed.add(new Review.Target(t, judged));
        }
        List<Review.Note> notes = new ArrayList<>();
        Set<String> notLinted = new LinkedHashSet<>();
        Set<String> unread = new LinkedHashSet<>();
        for (int i = 0; i < baseline.size(); i++) {
            Suppression s = baseline.get(i);
            if (used.contains(i)) {
                if (s.expiredOn(today)) {
                    notes.add(new Review.Note(Review.Note.Level.WARNING, s.origin() + ": the entry for " + s.describe() + " expired on "
                            + s.expires().orElseThrow() + s.reason().map(r -> " (reason: " + r + ")").orElse("")
                            + ": its finding is reported again; fix it, or renew the entry with a new expires date"));
                }
            } else if (!judgedOn.containsKey(s.address())) {
                notLinted.add(s.address());
            } else if (!judgedOn.get(s.address()).test(s.rule())) {
                // a rule turned off is neither stale nor in use; one that ran elsewhere could not run on this unreadable file
                if (ruleRan.test(s.rule())) {
                    unread.add(s.address());
                }
            } else {
                notes.add(new Review.Note(Review.Note.Level.INFO, s.origin() + ": the entry for " + s.describe()
                        + " matches no finding in this run (the defect is gone, its statement changed, or this run's options do not raise it)"
                        + s.expires().filter(today::isAfter).map(d -> " and expired on " + d).orElse("")
                        + "; remove it, or rewrite the baseline with --create-baseline"));
            }
        }
        for (String address : unread) {
            notes.add(new Review.Note(Review.Note.Level.INFO, baseline.get(0).origin() + ": " + address
                    + " could not be read as a policy, so its entries for other rules than the reader's were not checked"));
        }
        if (!notLinted.isEmpty()) {
            // an entry for a file this run did not lint is neither stale nor in use: say it went unchecked
            String first = notLinted.iterator().next();
            String origin = baseline.get(0).origin();
            notes.add(new Review.Note(Review.Note.Level.INFO, origin + ": entries for " + notLinted.size()
                    + (notLinted.size() == 1 ? " target" : " targets") + " this run did not lint (" + first
                    + (notLinted.size() > 1 ? ", …" : "") + ") were not checked"));
        }
        return new Review(reviewed, notes);
    }

    private static String key(String address, String rule, String fingerprint) {
        return address + "\u0000" + rule + "\u0000" + fingerprint;
    }
}
