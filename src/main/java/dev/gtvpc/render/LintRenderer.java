package dev.gtvpc.render;

import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.LintReport;
import dev.gtvpc.lint.Review;
import dev.gtvpc.lint.Rule;
import dev.gtvpc.lint.Rules;
import dev.gtvpc.lint.Severity;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lint findings as compiler-style text, as a JSON array, or as SARIF 2.1.0 for code scanning. */
public final class LintRenderer {
    private LintRenderer() {
    }

    /** {@code FILE:LINE:COL: SEVERITY RULE-ID: message}, the fix indented below, then a summary line. */
    public static String text(List<LintReport> reports) {
        StringBuilder out = new StringBuilder();
        int[] counts = new int[Severity.values().length];
        for (LintReport r : reports) {
            for (Finding f : r.findings()) {
                counts[f.severity().ordinal()]++;
                finding(out, r.source(), r.address(), f);
            }
        }
        out.append(summary(reports, counts, 0, false)).append('\n');
        return out.toString();
    }

    /**
     * As {@link #text(List)}, after suppressions: a suppressed finding is left out unless
     * {@code showSuppressed}, when it is listed with the suppression's justification; a finding whose
     * suppression expired says so. The summary counts the findings that are not suppressed, and how
     * many are.
     */
    public static String text(Review review, boolean showSuppressed) {
        return findings(review, showSuppressed) + summary(review.targets().stream().map(Review.Target::report).toList(), counts(review),
                review.suppressedCount(), showSuppressed) + "\n";
    }

    /** As {@link #text(Review, boolean)} without the summary line (--quiet). */
    public static String findings(Review review, boolean showSuppressed) {
        StringBuilder out = new StringBuilder();
        for (Review.Target t : review.targets()) {
            for (Review.Judged j : t.findings()) {
                if (j.suppressed() && !showSuppressed) {
                    continue;
                }
                finding(out, t.report().source(), t.report().address(), j.finding());
                j.suppression().ifPresent(s -> out.append("    suppressed: ").append(s.justification()).append('\n'));
                j.expired().ifPresent(s -> out.append("    suppression expired on ").append(s.expires().orElseThrow()).append(", so it is reported: ")
                        .append(s.reasonAndOrigin()).append('\n'));
            }
        }
        return out.toString();
    }

    private static int[] counts(Review review) {
        int[] counts = new int[Severity.values().length];
        review.targets().forEach(t -> t.active().forEach(j -> counts[j.finding().severity().ordinal()]++));
        return counts;
    }

    private static void finding(StringBuilder out, String source, java.util.Optional<String> address, Finding f) {
        out.append(source).append(':').append(f.location()).append(": ").append(f.severity().id()).append(' ')
                .append(f.ruleId()).append(": ").append(address.map(a -> a + ": ").orElse("")).append(f.message()).append('\n');
        if (!f.alsoAt().isEmpty()) {
            out.append("    also at: ").append(String.join(", ", f.alsoAt().stream().map(p -> p.location().toString()).toList()))
                    .append('\n');
        }
        out.append("    fix: ").append(f.fix()).append('\n');
    }

    /**
     * "N files"; when policies were read from plans or templates, "N files, M policies" — a plan is one
     * file however many policies it holds.
     */
    public static String filesAndPolicies(List<LintReport> reports) {
        long files = reports.stream().map(LintReport::source).distinct().count();
        String words = files + (files == 1 ? " file" : " files");
        if (reports.stream().anyMatch(r -> r.address().isPresent())) {
            words += ", " + reports.size() + (reports.size() == 1 ? " policy" : " policies");
        }
        return words;
    }

    /** The text format's last line for {@code review}: files, findings by severity, suppressed. */
    public static String summary(Review review) {
        return summary(review.targets().stream().map(Review.Target::report).toList(), counts(review), review.suppressedCount(), false);
    }

    /** "N files: ..."; when policies were read from plans or templates, "N files, M policies: ...". */
    private static String summary(List<LintReport> reports, int[] counts, int suppressed, boolean shown) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        String fileWord = filesAndPolicies(reports);
        String hidden = suppressed == 0 ? "" : "; " + suppressed + " suppressed" + (shown ? " (listed above)" : " (--show-suppressed lists them)");
        if (total == 0) {
            return fileWord + ": no findings" + hidden;
        }
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int n = counts[s.ordinal()];
            String word = s.id().replace('-', ' ');
            parts.add(n + " " + word + (n == 1 ? "" : "s"));
        }
        return fileWord + ": " + total + (total == 1 ? " finding (" : " findings (") + String.join(", ", parts) + ")" + hidden;
    }

    /**
     * A stable array: file, rule, severity, message, fix, pointer, line, column, fingerprint (what a
     * baseline entry matches) — one object per finding — and alsoAt, the other places of the same
     * defect (pointer, line, column each). A suppressed finding is left out unless
     * {@code showSuppressed}; then it carries {@code suppression} (kind, justification).
     */
    public static String json(Review review, boolean showSuppressed) {
        List<Json.Value> items = new ArrayList<>();
        for (Review.Target t : review.targets()) {
            for (Review.Judged j : t.findings()) {
                if (j.suppressed() && !showSuppressed) {
                    continue;
                }
                Finding f = j.finding();
                List<Json.Member> members = new ArrayList<>(List.of(
                        Json.member("file", Json.str(t.report().source()))));
                t.report().address().ifPresent(a -> members.add(Json.member("address", Json.str(a))));
                members.addAll(List.of(
                        Json.member("rule", Json.str(f.ruleId())),
                        Json.member("severity", Json.str(f.severity().id())),
                        Json.member("message", Json.str(f.message())),
                        Json.member("fix", Json.str(f.fix())),
                        Json.member("pointer", Json.str(f.pointer())),
                        Json.member("line", number(f.location().line())),
                        Json.member("column", number(f.location().column())),
                        Json.member("alsoAt", Json.arr(f.alsoAt().stream().map(p -> (Json.Value) Json.obj(List.of(
                                Json.member("pointer", Json.str(p.pointer())),
                                Json.member("line", number(p.location().line())),
                                Json.member("column", number(p.location().column()))))).toList())),
                        Json.member("fingerprint", Json.str(j.fingerprint()))));
                j.suppression().ifPresent(s -> members.add(Json.member("suppression", Json.obj(List.of(
                        Json.member("kind", Json.str(s.kind().sarif())),
                        Json.member("justification", Json.str(s.justification())))))));
                items.add(Json.obj(members));
            }
        }
        return Json.write(Json.arr(items), true) + "\n";
    }

    /** SARIF for files named relative to the working directory (the paths as given): see {@link LintSarif}. */
    public static String sarif(Review review, String version) {
        return LintSarif.log(review, version, java.nio.file.Path.of("").toAbsolutePath());
    }

    /** As {@link #sarif(Review, String)}, absolute paths resolved against {@code workingDirectory}. */
    public static String sarif(Review review, String version, java.nio.file.Path workingDirectory) {
        return LintSarif.log(review, version, workingDirectory);
    }

    /** --list-rules: id, severity, group and summary of every rule. */
    public static String rules(boolean json) {
        if (json) {
            List<Json.Value> items = new ArrayList<>();
            for (Rule r : Rules.ALL) {
                items.add(Json.obj(List.of(
                        Json.member("id", Json.str(r.id())),
                        Json.member("severity", Json.str(r.severity().id())),
                        Json.member("group", Json.str(r.group().id())),
                        Json.member("summary", Json.str(r.summary())),
                        Json.member("helpUri", Json.str(r.helpUri())))));
            }
            return Json.write(Json.arr(items), true) + "\n";
        }
        int width = Rules.ids().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        String group = "";
        for (Rule r : Rules.ALL) {
            if (!r.group().id().equals(group)) {
                group = r.group().id();
                out.append(out.length() == 0 ? "" : "\n").append(group).append(":\n");
            }
            out.append("  ").append(r.id()).append(" ".repeat(width - r.id().length() + 2))
                    .append(String.format(Locale.ROOT, "%-17s", r.severity().id())).append(r.summary()).append('\n');
        }
        return out.toString();
    }

    private static Json.Num number(int n) {
        return new Json.Num(Integer.toString(n), SourceLocation.START);
    }
}
