package dev.gtvpc.render;

import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.Fingerprint;
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
        StringBuilder out = new StringBuilder();
        int[] counts = new int[Severity.values().length];
        for (Review.Target t : review.targets()) {
            for (Review.Judged j : t.findings()) {
                if (j.suppressed() && !showSuppressed) {
                    continue;
                }
                if (!j.suppressed()) {
                    counts[j.finding().severity().ordinal()]++;
                }
                finding(out, t.report().source(), t.report().address(), j.finding());
                j.suppression().ifPresent(s -> out.append("    suppressed: ").append(s.justification()).append('\n'));
                j.expired().ifPresent(s -> out.append("    suppression expired on ").append(s.expires().orElseThrow()).append(", so it is reported: ")
                        .append(s.reasonAndOrigin()).append('\n'));
            }
        }
        out.append(summary(review.targets().stream().map(Review.Target::report).toList(), counts, review.suppressedCount(), showSuppressed))
                .append('\n');
        return out.toString();
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

    /** SARIF for files named relative to the working directory (the paths as given). */
    public static String sarif(Review review, String version) {
        return sarif(review, version, java.nio.file.Path.of("").toAbsolutePath());
    }

    /**
     * SARIF 2.1.0: one run with the rules its results name (id, description, help link, default level,
     * tags; SARIF §3.19.23 lets {@code rules} hold the rules a run used, as ESLint's and Ruff's logs do,
     * and code scanning reads a result's rule from it by {@code ruleIndex}) and one result per defect,
     * at its first place ({@code locations}) with its other places ({@code relatedLocations}, linked
     * from the message). security-warning rules carry a
     * {@code security-severity}, which GitHub code scanning uses to rank security findings. A file
     * given by a relative path keeps it as a relative reference; one given by an absolute path becomes
     * an absolute {@code file:} URI, and the run then names {@code workingDirectory} (where gtvpc ran,
     * normally the repository's checkout) so code scanning can place it.
     *
     * <p>Every result carries {@code fingerprints} ({@code gtvpc/v1}, what a baseline entry matches). A
     * suppressed result stays among the results with {@code suppressions} (SARIF §3.27.23: kind
     * {@code external} for a baseline entry, {@code inSource} for a skip in the source, status
     * accepted, the justification); what the suppressions call for (an expired or stale entry) is in
     * the invocation's {@code toolExecutionNotifications}.
     */
    public static String sarif(Review review, String version, java.nio.file.Path workingDirectory) {
        java.util.Set<String> named = new java.util.HashSet<>();
        review.targets().forEach(t -> t.findings().forEach(j -> named.add(j.finding().ruleId())));
        List<String> ruleIds = Rules.ids().stream().filter(named::contains).toList();
        List<Json.Value> rules = new ArrayList<>();
        for (Rule rule : Rules.ALL.stream().filter(r -> named.contains(r.id())).toList()) {
            List<Json.Member> properties = new ArrayList<>();
            properties.add(Json.member("tags", Json.arr(List.of(Json.str(rule.group().id()), Json.str(rule.severity().id())))));
            if (rule.severity() == Severity.SECURITY_WARNING) {
                properties.add(Json.member("security-severity", Json.str("7.0")));
            }
            rules.add(Json.obj(List.of(
                    Json.member("id", Json.str(rule.id())),
                    Json.member("name", Json.str(pascal(rule.id()))),
                    Json.member("shortDescription", text(rule.summary())),
                    Json.member("fullDescription", text(rule.summary() + " See " + rule.helpUri())),
                    Json.member("helpUri", Json.str(rule.helpUri())),
                    Json.member("help", text(rule.summary() + " " + rule.helpUri())),
                    Json.member("defaultConfiguration", Json.obj(List.of(Json.member("level", Json.str(level(rule.severity())))))),
                    Json.member("properties", Json.obj(properties)))));
        }
        List<Json.Value> results = new ArrayList<>();
        List<Json.Value> notifications = new ArrayList<>();
        boolean absolute = false;
        for (Review.Target t : review.targets()) {
            String source = t.report().source();
            absolute |= isAbsolute(source);
            for (Review.Judged j : t.findings()) {
                results.add(result(source, t.report().address(), j, ruleIds));
                if (notLinted(t.report(), j.finding())) {
                    notifications.add(notification(source, j.finding(), ruleIds));
                }
            }
        }
        Json.Obj driver = Json.obj(List.of(
                Json.member("name", Json.str("gtvpc")),
                Json.member("version", Json.str(version)),
                Json.member("rules", Json.arr(rules))));
        List<Json.Member> run = new ArrayList<>();
        run.add(Json.member("tool", Json.obj(List.of(Json.member("driver", driver)))));
        boolean failedInputs = !notifications.isEmpty();
        for (Review.Note n : review.notes()) {
            notifications.add(Json.obj(List.of(
                    Json.member("level", Json.str(n.level().sarif())),
                    Json.member("message", text(n.message())))));
        }
        if (absolute || !notifications.isEmpty()) {
            run.add(Json.member("invocations", Json.arr(List.of(invocation(absolute ? java.util.Optional.of(workingDirectory)
                    : java.util.Optional.empty(), notifications, failedInputs)))));
        }
        run.add(Json.member("results", Json.arr(results)));
        return Json.write(Json.obj(List.of(
                Json.member("$schema", Json.str("https://json.schemastore.org/sarif-2.1.0.json")),
                Json.member("version", Json.str("2.1.0")),
                Json.member("runs", Json.arr(List.of(Json.obj(run)))))), true) + "\n";
    }

    /** One result: the defect's first place in {@code locations}, the others in {@code relatedLocations}, linked from the message. */
    private static Json.Obj result(String source, java.util.Optional<String> address, Review.Judged j, List<String> ruleIds) {
        Finding f = j.finding();
        StringBuilder message = new StringBuilder(f.message());
        List<Json.Value> related = new ArrayList<>();
        for (int i = 0; i < f.alsoAt().size(); i++) {
            Finding.Place p = f.alsoAt().get(i);
            message.append(i == 0 ? ". Also at " : ", ").append("[").append(p.location()).append("](").append(i + 1).append(")");
            related.add(Json.obj(List.of(
                    Json.member("id", number(i + 1)),
                    Json.member("physicalLocation", physicalLocation(source, p.location())),
                    Json.member("message", text("The same defect, also written here.")))));
        }
        message.append(". Fix: ").append(f.fix()).append(".");
        List<Json.Member> members = new ArrayList<>(List.of(
                Json.member("ruleId", Json.str(f.ruleId())),
                Json.member("ruleIndex", number(ruleIds.indexOf(f.ruleId()))),
                Json.member("level", Json.str(level(f.severity()))),
                Json.member("message", text(message.toString())),
                Json.member("locations", Json.arr(List.of(location(source, address, f))))));
        if (!related.isEmpty()) {
            members.add(Json.member("relatedLocations", Json.arr(related)));
        }
        members.add(Json.member("fingerprints", Json.obj(List.of(Json.member("gtvpc/v" + Fingerprint.VERSION, Json.str(j.fingerprint()))))));
        j.suppression().ifPresent(s -> members.add(Json.member("suppressions", Json.arr(List.of(Json.obj(List.of(
                Json.member("kind", Json.str(s.kind().sarif())),
                Json.member("status", Json.str("accepted")),
                Json.member("justification", Json.str(s.justification())))))))));
        return Json.obj(members);
    }

    /** The place in the file; for a policy inside a plan or template also its address there, as a logical location. */
    private static Json.Obj location(String source, java.util.Optional<String> address, Finding f) {
        List<Json.Member> members = new ArrayList<>();
        members.add(Json.member("physicalLocation", physicalLocation(source, f.location())));
        address.ifPresent(a -> members.add(Json.member("logicalLocations", Json.arr(List.of(Json.obj(List.of(
                Json.member("fullyQualifiedName", Json.str(a)),
                Json.member("kind", Json.str("resource")))))))));
        return Json.obj(members);
    }

    private static Json.Obj physicalLocation(String source, SourceLocation at) {
        Json.Obj region = Json.obj(List.of(
                Json.member("startLine", number(at.line())),
                Json.member("startColumn", number(at.column()))));
        return Json.obj(List.of(
                Json.member("artifactLocation", Json.obj(List.of(Json.member("uri", Json.str(uri(source)))))),
                Json.member("region", region)));
    }

    /**
     * The run's invocation: where gtvpc ran, as the directory URI code scanning resolves absolute file URIs
     * against (its checkout path), and as notifications the inputs it could not lint and what the
     * suppressions call for (an expired or stale baseline entry).
     */
    private static Json.Obj invocation(java.util.Optional<java.nio.file.Path> workingDirectory, List<Json.Value> notifications,
            boolean failedInputs) {
        List<Json.Member> members = new ArrayList<>();
        // not successful when an input could not be linted: its absence of findings means nothing
        members.add(Json.member("executionSuccessful", new Json.Bool(!failedInputs, SourceLocation.START)));
        if (!notifications.isEmpty()) {
            members.add(Json.member("toolExecutionNotifications", Json.arr(notifications)));
        }
        workingDirectory.ifPresent(wd -> {
            String dir = fileUri(wd.toAbsolutePath().toString());
            members.add(Json.member("workingDirectory", Json.obj(List.of(Json.member("uri", Json.str(dir.endsWith("/") ? dir : dir + "/"))))));
        });
        return Json.obj(members);
    }

    /** A file gtvpc could not lint at all: unreadable, or not JSON, so no rule ran on it. */
    private static boolean notLinted(LintReport r, Finding f) {
        return r.policy().isEmpty() && (f.ruleId().equals("unreadable-file") || f.ruleId().equals("invalid-json"));
    }

    private static Json.Obj location(String source) {
        Json.Obj artifact = Json.obj(List.of(Json.member("uri", Json.str(uri(source)))));
        Json.Obj physical = Json.obj(List.of(Json.member("artifactLocation", artifact)));
        return Json.obj(List.of(Json.member("physicalLocation", physical)));
    }

    /** SARIF 2.1.0 §3.58: the tool's own problem with an input, tied to the rule its result carries. */
    private static Json.Obj notification(String source, Finding f, List<String> ruleIds) {
        return Json.obj(List.of(
                Json.member("level", Json.str("error")),
                Json.member("message", text(source + " was not linted: " + f.message())),
                Json.member("locations", Json.arr(List.of(location(source)))),
                Json.member("associatedRule", Json.obj(List.of(
                        Json.member("id", Json.str(f.ruleId())),
                        Json.member("index", number(ruleIds.indexOf(f.ruleId()))))))));
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

    private static String level(Severity s) {
        return switch (s) {
            case ERROR, SECURITY_WARNING -> "error";
            case WARNING -> "warning";
            case SUGGESTION -> "note";
        };
    }

    private static Json.Obj text(String text) {
        return Json.obj(List.of(Json.member("text", Json.str(text))));
    }

    private static Json.Num number(int n) {
        return new Json.Num(Integer.toString(n), SourceLocation.START);
    }

    private static String pascal(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /**
     * The artifact URI for a path as the user gave it: an absolute path becomes an absolute file: URI
     * (a relative reference must not begin with a slash), a relative one a relative reference; "-"
     * (standard input) is "stdin". Characters a URI cannot hold are percent-encoded.
     */
    static String uri(String source) {
        if (source.equals("<stdin>")) {
            return "stdin";
        }
        return isAbsolute(source) ? fileUri(source) : encode(source.replace('\\', '/'));
    }

    static boolean isAbsolute(String source) {
        return source.startsWith("/") || source.matches("[A-Za-z]:[\\\\/].*") || source.startsWith("\\\\");
    }

    /** file:///home/me/x.json, file:///C:/x.json, file://server/share/x.json. */
    static String fileUri(String absolute) {
        String path = absolute.replace('\\', '/');
        if (path.startsWith("//")) {
            return "file:" + encode(path);
        }
        return "file://" + (path.startsWith("/") ? "" : "/") + encode(path);
    }

    private static String encode(String path) {
        StringBuilder b = new StringBuilder();
        for (byte raw : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int ch = raw & 0xff;
            boolean safe = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || "-._~/:@!$&'()*+,;=".indexOf(ch) >= 0;
            if (safe) {
                b.append((char) ch);
            } else {
                b.append(String.format(Locale.ROOT, "%%%02X", ch));
            }
        }
        return b.toString();
    }
}
