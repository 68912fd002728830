package dev.gtvpc.render;

import dev.gtvpc.lint.Finding;
import dev.gtvpc.lint.LintReport;
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
                out.append(r.source()).append(':').append(f.location()).append(": ").append(f.severity().id()).append(' ')
                        .append(f.ruleId()).append(": ").append(f.message()).append('\n');
                out.append("    fix: ").append(f.fix()).append('\n');
            }
        }
        out.append(summary(reports.size(), counts)).append('\n');
        return out.toString();
    }

    private static String summary(int files, int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        String fileWord = files + (files == 1 ? " file" : " files");
        if (total == 0) {
            return fileWord + ": no findings";
        }
        List<String> parts = new ArrayList<>();
        for (Severity s : Severity.values()) {
            int n = counts[s.ordinal()];
            String word = s.id().replace('-', ' ');
            parts.add(n + " " + word + (n == 1 ? "" : "s"));
        }
        return fileWord + ": " + total + (total == 1 ? " finding (" : " findings (") + String.join(", ", parts) + ")";
    }

    /** A stable array: file, rule, severity, message, fix, pointer, line, column — one object per finding. */
    public static String json(List<LintReport> reports) {
        List<Json.Value> items = new ArrayList<>();
        for (LintReport r : reports) {
            for (Finding f : r.findings()) {
                items.add(Json.obj(List.of(
                        Json.member("file", Json.str(r.source())),
                        Json.member("rule", Json.str(f.ruleId())),
                        Json.member("severity", Json.str(f.severity().id())),
                        Json.member("message", Json.str(f.message())),
                        Json.member("fix", Json.str(f.fix())),
                        Json.member("pointer", Json.str(f.pointer())),
                        Json.member("line", number(f.location().line())),
                        Json.member("column", number(f.location().column())))));
            }
        }
        return Json.write(Json.arr(items), true) + "\n";
    }

    /**
     * SARIF 2.1.0: one run with every rule (id, description, help link, default level, tags) and one
     * result per finding with its file and line:column. security-warning rules carry a
     * {@code security-severity}, which GitHub code scanning uses to rank security findings.
     */
    public static String sarif(List<LintReport> reports, String version) {
        List<Json.Value> rules = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            List<Json.Member> properties = new ArrayList<>();
            properties.add(Json.member("tags", Json.arr(List.of(Json.str(rule.group()), Json.str(rule.severity().id())))));
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
        for (LintReport r : reports) {
            for (Finding f : r.findings()) {
                SourceLocation at = f.location();
                Json.Obj region = Json.obj(List.of(
                        Json.member("startLine", number(at.line())),
                        Json.member("startColumn", number(at.column()))));
                Json.Obj physical = Json.obj(List.of(
                        Json.member("artifactLocation", Json.obj(List.of(Json.member("uri", Json.str(uri(r.source())))))),
                        Json.member("region", region)));
                Json.Obj location = Json.obj(List.of(Json.member("physicalLocation", physical)));
                results.add(Json.obj(List.of(
                        Json.member("ruleId", Json.str(f.ruleId())),
                        Json.member("ruleIndex", number(Rules.ids().indexOf(f.ruleId()))),
                        Json.member("level", Json.str(level(f.severity()))),
                        Json.member("message", text(f.message() + ". Fix: " + f.fix() + ".")),
                        Json.member("locations", Json.arr(List.of(location))))));
            }
        }
        Json.Obj driver = Json.obj(List.of(
                Json.member("name", Json.str("gtvpc")),
                Json.member("version", Json.str(version)),
                Json.member("rules", Json.arr(rules))));
        Json.Obj run = Json.obj(List.of(
                Json.member("tool", Json.obj(List.of(Json.member("driver", driver)))),
                Json.member("results", Json.arr(results))));
        return Json.write(Json.obj(List.of(
                Json.member("$schema", Json.str("https://json.schemastore.org/sarif-2.1.0.json")),
                Json.member("version", Json.str("2.1.0")),
                Json.member("runs", Json.arr(List.of(run))))), true) + "\n";
    }

    /** --list-rules: id, severity, group and summary of every rule. */
    public static String rules(boolean json) {
        if (json) {
            List<Json.Value> items = new ArrayList<>();
            for (Rule r : Rules.ALL) {
                items.add(Json.obj(List.of(
                        Json.member("id", Json.str(r.id())),
                        Json.member("severity", Json.str(r.severity().id())),
                        Json.member("group", Json.str(r.group())),
                        Json.member("summary", Json.str(r.summary())),
                        Json.member("helpUri", Json.str(r.helpUri())))));
            }
            return Json.write(Json.arr(items), true) + "\n";
        }
        int width = Rules.ids().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        String group = "";
        for (Rule r : Rules.ALL) {
            if (!r.group().equals(group)) {
                group = r.group();
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

    /** A relative URI reference for a path as the user gave it (SARIF wants URIs; "-" is standard input). */
    private static String uri(String source) {
        if (source.equals("<stdin>")) {
            return "stdin";
        }
        StringBuilder b = new StringBuilder();
        for (char ch : source.replace('\\', '/').toCharArray()) {
            if (ch == ' ' || ch == '%' || ch == '#' || ch == '?') {
                b.append(String.format(Locale.ROOT, "%%%02X", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
