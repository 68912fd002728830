package dev.gtvpc.render;

import dev.gtvpc.eval.ContextKeys;
import dev.gtvpc.layers.Deciding;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import dev.gtvpc.verify.AccessMatrix;
import dev.gtvpc.verify.Counterexample;
import dev.gtvpc.verify.OverUnknowns;
import dev.gtvpc.verify.PropertyResult;
import dev.gtvpc.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Verification results as text, JSON or Markdown, with the access matrix on request. */
public final class VerifyRenderer {
    private VerifyRenderer() {
    }

    public static String text(String source, VerificationReport report, boolean matrix) {
        StringBuilder out = new StringBuilder();
        out.append(source).append(": ").append(summary(report)).append('\n');
        int width = report.results().stream().mapToInt(r -> r.property().length()).max().orElse(0);
        for (PropertyResult r : report.results()) {
            out.append(String.format(Locale.ROOT, "%-9s %-" + width + "s  %s%s%n", r.status(), r.property(), r.subject(),
                    r.requests() == 0 ? "" : String.format(Locale.ROOT, " (%,d request%s)", r.requests(), r.requests() == 1 ? "" : "s")));
            r.reason().ifPresent(why -> out.append("          ").append(r.status() == PropertyResult.Status.VACUOUS ? "nothing to prove: "
                    : "").append(why).append('\n'));
            r.counterexample().ifPresent(c -> {
                for (String line : counterexample(c)) {
                    out.append("          ").append(line).append('\n');
                }
            });
        }
        out.append(coverage(report)).append('\n');
        report.notes().forEach(n -> out.append("assumed: ").append(n).append('\n'));
        if (matrix) {
            out.append('\n').append(matrixText(report.matrix()));
        }
        return out.toString();
    }

    private static String summary(VerificationReport report) {
        StringBuilder b = new StringBuilder();
        b.append(count(report, PropertyResult.Status.PROVED)).append(" proved, ").append(count(report, PropertyResult.Status.REFUTED))
                .append(" refuted");
        for (PropertyResult.Status s : List.of(PropertyResult.Status.VACUOUS, PropertyResult.Status.DEPENDS, PropertyResult.Status.UNDECIDED)) {
            long n = count(report, s);
            if (n > 0) {
                b.append(", ").append(n).append(' ').append(s.name().toLowerCase(Locale.ROOT));
            }
        }
        return b.append(String.format(Locale.ROOT, " (%,d request%s checked)", report.requests(), report.requests() == 1 ? "" : "s"))
                .toString();
    }

    private static long count(VerificationReport report, PropertyResult.Status status) {
        return report.results().stream().filter(r -> r.status() == status).count();
    }

    private static String coverage(VerificationReport report) {
        if (report.samplingNotes().isEmpty()) {
            return "complete: one request per class of every dimension was checked, which decides every concrete request";
        }
        StringBuilder b = new StringBuilder("sampled, not exhaustive:");
        report.samplingNotes().stream().distinct().forEach(n -> b.append("\n  - ").append(n));
        return b.toString();
    }

    static List<String> counterexample(Counterexample c) {
        List<String> lines = new ArrayList<>();
        lines.add("counterexample: " + c.request().action() + " on " + c.request().resource() + " by " + c.caller().label()
                + " from " + c.origin());
        lines.add("context: " + context(c.request().context()));
        String decided = c.decision().map(d -> d.name()).orElse("no decision");
        String by = c.deciding().isEmpty() ? " by statement " + String.join(", ", c.statements())
                : " by " + String.join(", ", c.statements());
        lines.add("decided " + decided + (c.statements().isEmpty() ? (c.decision().isPresent() ? " (no statement applies)" : "") : by));
        c.errors().forEach(e -> lines.add(e));
        return lines;
    }

    private static String context(ContextKeys context) {
        List<String> parts = new ArrayList<>();
        context.entries().forEach(e -> parts.add(e.key() + "=" + String.join(",", e.values())));
        return parts.isEmpty() ? "(none)" : String.join(" ", parts);
    }

    public static String matrixText(AccessMatrix m) {
        StringBuilder out = new StringBuilder("access matrix (D denied, A allowed, - not denied: identity policies decide,"
                + " ? no decision), one letter per action:\n");
        for (int a = 0; a < m.actions().size(); a++) {
            out.append("  ").append(a + 1).append(' ').append(m.actions().get(a)).append('\n');
        }
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("");
        header.addAll(m.callers());
        rows.add(header.toArray(String[]::new));
        for (int o = 0; o < m.origins().size(); o++) {
            List<String> row = new ArrayList<>();
            row.add(m.origins().get(o));
            for (int c = 0; c < m.callers().size(); c++) {
                StringBuilder cell = new StringBuilder();
                for (int a = 0; a < m.actions().size(); a++) {
                    cell.append(AccessMatrix.letter(m.cells()[o][c][a]));
                }
                row.add(cell.toString());
            }
            rows.add(row.toArray(String[]::new));
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                int width = 0;
                for (String[] r : rows) {
                    width = Math.max(width, r[i].length());
                }
                line.append(row[i]).append(" ".repeat(width - row[i].length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /**
     * The report as JSON, led by what a script needs to tell runs apart: the file, the file it was
     * compared with (--equivalent-to), and whether the proof was complete or sampled somewhere.
     */
    public static String json(String source, java.util.Optional<String> equivalentTo, VerificationReport report, boolean matrix) {
        String body = json(report, matrix);
        List<Json.Member> head = new ArrayList<>();
        head.add(Json.member("file", Json.str(source)));
        equivalentTo.ifPresent(f -> head.add(Json.member("equivalentTo", Json.str(f))));
        head.add(Json.member("complete", new Json.Bool(report.samplingNotes().isEmpty(), SourceLocation.START)));
        try {
            Json.Obj parsed = (Json.Obj) Json.parse(body);
            List<Json.Member> all = new ArrayList<>(head);
            all.addAll(parsed.members());
            return Json.write(Json.obj(all), true) + "\n";
        } catch (Json.SyntaxException e) {
            throw new IllegalStateException("the verify JSON gtvpc wrote does not read back", e);
        }
    }

    public static String json(VerificationReport report, boolean matrix) {
        List<Json.Value> properties = new ArrayList<>();
        for (PropertyResult r : report.results()) {
            List<Json.Member> members = new ArrayList<>(List.of(
                    Json.member("property", Json.str(r.property())),
                    Json.member("subject", Json.str(r.subject())),
                    Json.member("status", Json.str(r.status().name())),
                    Json.member("requests", new Json.Num(Long.toString(r.requests()), SourceLocation.START))));
            r.reason().ifPresent(why -> members.add(Json.member("reason", Json.str(why))));
            r.overUnknowns().ifPresent(o -> members.add(Json.member("overUnknowns", overUnknowns(o))));
            r.counterexample().ifPresent(c -> {
                List<Json.Member> context = new ArrayList<>();
                c.request().context().entries().forEach(e -> context.add(Json.member(e.key(),
                        Json.arr(e.values().stream().map(v -> (Json.Value) Json.str(v)).toList()))));
                List<Json.Member> example = new ArrayList<>(List.of(
                        Json.member("action", Json.str(c.request().action())),
                        Json.member("resource", Json.str(c.request().resource())),
                        Json.member("principal", Json.str(c.request().principal().id())),
                        Json.member("origin", Json.str(c.origin().toString())),
                        Json.member("context", Json.obj(context)),
                        Json.member("decision", Json.str(c.decision().map(Enum::name).orElse("NONE"))),
                        Json.member("statements", Json.arr(c.statements().stream().map(s -> (Json.Value) Json.str(s)).toList())),
                        Json.member("errors", Json.arr(c.errors().stream().map(s -> (Json.Value) Json.str(s)).toList()))));
                if (!c.deciding().isEmpty()) {
                    example.add(Json.member("layers", Json.arr(c.deciding().stream().map(VerifyRenderer::deciding).toList())));
                }
                members.add(Json.member("counterexample", Json.obj(example)));
            });
            properties.add(Json.obj(members));
        }
        List<Json.Member> top = new ArrayList<>(List.of(
                Json.member("proved", new Json.Bool(report.proved(), SourceLocation.START)),
                Json.member("properties", Json.arr(properties)),
                Json.member("sampled", Json.arr(report.samplingNotes().stream().distinct().map(n -> (Json.Value) Json.str(n)).toList())),
                Json.member("assumed", Json.arr(report.notes().stream().map(n -> (Json.Value) Json.str(n)).toList()))));
        if (matrix) {
            AccessMatrix m = report.matrix();
            List<Json.Value> rows = new ArrayList<>();
            for (int o = 0; o < m.origins().size(); o++) {
                for (int c = 0; c < m.callers().size(); c++) {
                    for (int a = 0; a < m.actions().size(); a++) {
                        rows.add(Json.obj(List.of(
                                Json.member("origin", Json.str(m.origins().get(o))),
                                Json.member("caller", Json.str(m.callers().get(c))),
                                Json.member("action", Json.str(m.actions().get(a))),
                                Json.member("decision", Json.str(m.cells()[o][c][a].map(Enum::name).orElse("NONE"))))));
                    }
                }
            }
            top.add(Json.member("matrix", Json.arr(rows)));
        }
        return Json.write(Json.obj(top), true) + "\n";
    }

    /** A deciding statement with its layer, the file (or managed policy) it is in, and the level it is attached at. */
    static Json.Value deciding(Deciding d) {
        List<Json.Member> m = new ArrayList<>();
        m.add(Json.member("layer", Json.str(d.layer().word())));
        d.source().ifPresent(f -> m.add(Json.member("file", Json.str(f))));
        d.statement().ifPresent(st -> m.add(Json.member("statement", Json.str(st))));
        d.target().ifPresent(t -> m.add(Json.member("level", Json.str(t))));
        return Json.obj(m);
    }

    /**
     * How a property fared over the values a plan or template leaves unknown: each case of their classes
     * tried, with its status, and the condition under which a DEPENDS holds.
     */
    private static Json.Value overUnknowns(OverUnknowns.Outcomes o) {
        List<Json.Value> cases = new ArrayList<>();
        for (OverUnknowns.Case c : o.cases()) {
            List<Json.Value> values = new ArrayList<>();
            for (OverUnknowns.Choice ch : c.choices()) {
                List<Json.Member> m = new ArrayList<>();
                m.add(Json.member("unknown", Json.str(ch.unknown())));
                ch.value().ifPresent(v -> m.add(Json.member("value", Json.str(v))));
                m.add(Json.member("class", Json.str(ch.value().isEmpty() ? "any other value" : ch.label())));
                values.add(Json.obj(m));
            }
            cases.add(Json.obj(List.of(Json.member("values", Json.arr(values)), Json.member("status", Json.str(c.status().name())))));
        }
        List<Json.Member> members = new ArrayList<>();
        members.add(Json.member("unknowns", Json.arr(o.unknowns().stream().map(u -> (Json.Value) Json.str(u)).toList())));
        members.add(Json.member("allCombinations", new Json.Bool(o.allCombinations(), SourceLocation.START)));
        o.condition().ifPresent(c -> members.add(Json.member("condition", Json.str(c))));
        members.add(Json.member("cases", Json.arr(cases)));
        return Json.obj(members);
    }

    public static String markdown(String source, VerificationReport report, boolean matrix) {
        StringBuilder out = new StringBuilder("## gtvpc policy verify: `" + source + "`\n\n" + summary(report) + "\n\n");
        out.append("| status | property | subject | requests |\n| --- | --- | --- | --- |\n");
        for (PropertyResult r : report.results()) {
            out.append("| ").append(switch (r.status()) {
                case PROVED -> "✅ PROVED";
                case VACUOUS -> "⚪ VACUOUS";
                default -> "❌ " + r.status();
            }).append(" | `")
                    .append(r.property()).append("` | ").append(r.subject()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", r.requests())).append(" |\n");
        }
        for (PropertyResult r : report.results()) {
            r.reason().ifPresent(why -> out.append("\n**").append(r.property()).append("** (").append(r.subject()).append("): ")
                    .append(why).append('\n'));
            r.counterexample().ifPresent(c -> {
                out.append("\n**").append(r.property()).append("** (").append(r.subject()).append("):\n");
                for (String line : counterexample(c)) {
                    out.append("- ").append(line).append('\n');
                }
            });
        }
        out.append('\n').append(coverage(report).replace("\n  - ", "\n- ")).append('\n');
        report.notes().forEach(n -> out.append("\nAssumed: ").append(n).append('\n'));
        if (matrix) {
            AccessMatrix m = report.matrix();
            out.append("\n| origin | ").append(String.join(" | ", m.callers())).append(" |\n|")
                    .append(" --- |".repeat(m.callers().size() + 1)).append('\n');
            for (int o = 0; o < m.origins().size(); o++) {
                out.append("| ").append(m.origins().get(o));
                for (int c = 0; c < m.callers().size(); c++) {
                    StringBuilder cell = new StringBuilder();
                    for (int a = 0; a < m.actions().size(); a++) {
                        cell.append(AccessMatrix.letter(m.cells()[o][c][a]));
                    }
                    out.append(" | `").append(cell).append('`');
                }
                out.append(" |\n");
            }
            out.append("\nOne letter per action (").append(String.join(", ", m.actions()))
                    .append("): D denied, A allowed, - not denied (identity policies decide), ? no decision.\n");
        }
        return out.toString();
    }
}
