package dev.gtvpc.lint;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import dev.gtvpc.util.Suggestions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The baseline file: the findings a team has accepted, one entry each, keyed by target address, rule
 * and fingerprint. {@code message} is for the human reading the file and plays no part in matching;
 * {@code reason} and {@code expires} (an ISO date, UTC; the entry holds through that day) are written
 * by hand.
 *
 * <pre>
 * {
 *   "version": 1,
 *   "entries": [
 *     {
 *       "target": "policies/labels.json",
 *       "rule": "placeholder-left",
 *       "fingerprint": "3f9c0a1b2c3d4e5f",
 *       "message": "...",
 *       "reason": "the account ID is filled in by the deploy job",
 *       "expires": "2027-03-31"
 *     }
 *   ]
 * }
 * </pre>
 *
 * Reading is strict — an unknown member, a rule gtvpc does not have, a malformed date or an entry
 * written twice is refused — because a mistyped {@code expires} silently ignored would suppress a
 * finding forever.
 */
public final class Baseline {
    /** The file format's version; a file of another version is refused rather than half-read. */
    public static final int VERSION = 1;

    private static final List<String> ENTRY_MEMBERS = List.of("target", "rule", "fingerprint", "message", "reason", "expires");
    private static final List<String> TOP_MEMBERS = List.of("version", "entries");

    private Baseline() {
    }

    /** Reads the baseline {@code text} of the file {@code name}; anything malformed is one bad-input line naming its place. */
    public static List<Suppression> read(String text, String name) {
        Json.Value root;
        try {
            root = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw bad(name, e.location(), "not JSON: " + e.getMessage());
        }
        if (!(root instanceof Json.Obj top)) {
            throw bad(name, root.location(), "a baseline is a JSON object with \"version\" and \"entries\", not " + root.typeName());
        }
        members(name, top, TOP_MEMBERS, "the baseline");
        Json.Value version = top.get("version").orElseThrow(() -> bad(name, top.location(), "no \"version\" (this gtvpc writes version " + VERSION + ")"));
        if (!(version instanceof Json.Num n) || !n.text().equals(Integer.toString(VERSION))) {
            throw bad(name, version.location(), "version " + Json.write(version, false) + " is not one this gtvpc reads (it reads " + VERSION
                    + "; rewrite the file with --create-baseline)");
        }
        Json.Value entries = top.get("entries").orElseThrow(() -> bad(name, top.location(), "no \"entries\" list"));
        if (!(entries instanceof Json.Arr list)) {
            throw bad(name, entries.location(), "\"entries\" is a list, not " + entries.typeName());
        }
        List<Suppression> result = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Json.Value item : list.items()) {
            if (!(item instanceof Json.Obj entry)) {
                throw bad(name, item.location(), "an entry is an object, not " + item.typeName());
            }
            members(name, entry, ENTRY_MEMBERS, "an entry");
            String target = string(name, entry, "target", true).orElseThrow();
            String rule = string(name, entry, "rule", true).orElseThrow();
            if (Rules.find(rule).isEmpty()) {
                throw bad(name, entry.get("rule").orElseThrow().location(), "no rule '" + rule + "'" + Suggestions.didYouMean(rule, Rules.ids()));
            }
            String fingerprint = string(name, entry, "fingerprint", true).orElseThrow();
            if (!fingerprint.matches("[0-9a-f]{16}")) {
                throw bad(name, entry.get("fingerprint").orElseThrow().location(), "fingerprint \"" + fingerprint
                        + "\" is not one gtvpc writes (16 hex digits)");
            }
            Optional<String> message = string(name, entry, "message", false);
            Optional<String> reason = string(name, entry, "reason", false).filter(r -> !r.isBlank());
            Optional<String> expiresText = string(name, entry, "expires", false);
            Optional<LocalDate> expires = Optional.empty();
            if (expiresText.isPresent()) {
                try {
                    expires = Optional.of(LocalDate.parse(expiresText.get()));
                } catch (DateTimeParseException e) {
                    throw bad(name, entry.get("expires").orElseThrow().location(), "expires \"" + expiresText.get()
                            + "\" is not a date as YYYY-MM-DD");
                }
            }
            if (!keys.add(target + "\u0000" + rule + "\u0000" + fingerprint)) {
                throw bad(name, entry.location(), "the entry for " + rule + " on " + target + " (fingerprint " + fingerprint + ") is written twice");
            }
            result.add(new Suppression(Suppression.Kind.EXTERNAL, rule, target, Optional.of(fingerprint), reason, expires,
                    "baseline " + name, message));
        }
        return result;
    }

    /**
     * A baseline of every finding in {@code review} that no in-source skip covers (invalid JSON is never
     * baselined), sorted by target, rule and fingerprint so it diffs well. An entry of {@code previous}
     * for the same finding keeps its reason and expiry: rewriting a baseline does not lose what people wrote.
     */
    public static String write(Review review, List<Suppression> previous) {
        return Json.write(Json.obj(List.of(
                Json.member("version", new Json.Num(Integer.toString(VERSION), SourceLocation.START)),
                Json.member("entries", Json.arr(entries(review, previous))))), true) + "\n";
    }

    private static List<Json.Value> entries(Review review, List<Suppression> previous) {
        Map<String, Json.Obj> entries = new LinkedHashMap<>();
        for (Review.Target t : review.targets()) {
            for (Review.Judged j : t.findings()) {
                boolean inSource = j.suppression().filter(s -> s.kind() == Suppression.Kind.IN_SOURCE).isPresent();
                if (inSource || j.finding().ruleId().equals(Suppressions.UNSUPPRESSIBLE)) {
                    continue;
                }
                String address = t.target().address();
                String key = address + "\u0000" + j.finding().ruleId() + "\u0000" + j.fingerprint();
                if (entries.containsKey(key)) {
                    continue;
                }
                Optional<Suppression> old = previous.stream()
                        .filter(s -> s.kind() == Suppression.Kind.EXTERNAL && s.covers(address, j.finding().ruleId(), j.fingerprint())).findFirst();
                List<Json.Member> members = new ArrayList<>(List.of(
                        Json.member("target", Json.str(address)),
                        Json.member("rule", Json.str(j.finding().ruleId())),
                        Json.member("fingerprint", Json.str(j.fingerprint())),
                        Json.member("message", Json.str(j.finding().message()))));
                old.flatMap(Suppression::reason).ifPresent(r -> members.add(Json.member("reason", Json.str(r))));
                old.flatMap(Suppression::expires).ifPresent(d -> members.add(Json.member("expires", Json.str(d.toString()))));
                entries.put(key, Json.obj(members));
            }
        }
        List<String> order = new ArrayList<>(entries.keySet());
        order.sort(Comparator.naturalOrder());
        List<Json.Value> sorted = new ArrayList<>();
        for (String k : order) {
            sorted.add(entries.get(k));
        }
        return sorted;
    }

    /** How many entries {@link #write} writes for {@code review}: one per distinct target, rule and fingerprint. */
    public static int count(Review review) {
        return entries(review, List.of()).size();
    }

    private static void members(String name, Json.Obj obj, List<String> allowed, String what) {
        Set<String> seen = new HashSet<>();
        for (Json.Member m : obj.members()) {
            if (!allowed.contains(m.name())) {
                throw bad(name, m.nameLocation(), what + " has no member \"" + m.name() + "\"" + Suggestions.didYouMean(m.name(), allowed)
                        + " (it has " + String.join(", ", allowed) + ")");
            }
            if (!seen.add(m.name())) {
                throw bad(name, m.nameLocation(), "\"" + m.name() + "\" is written twice in " + what);
            }
        }
    }

    private static Optional<String> string(String name, Json.Obj entry, String member, boolean required) {
        Optional<Json.Value> v = entry.get(member);
        if (v.isEmpty()) {
            if (required) {
                throw bad(name, entry.location(), "an entry has no \"" + member + "\"");
            }
            return Optional.empty();
        }
        if (!(v.get() instanceof Json.Str s)) {
            throw bad(name, v.get().location(), "\"" + member + "\" is a string, not " + v.get().typeName());
        }
        if (required && s.value().isEmpty()) {
            throw bad(name, s.location(), "\"" + member + "\" is empty");
        }
        return Optional.of(s.value());
    }

    private static GtvpcException bad(String name, SourceLocation at, String message) {
        return GtvpcException.badInput("--baseline " + name + ":" + at + ": " + message);
    }
}
