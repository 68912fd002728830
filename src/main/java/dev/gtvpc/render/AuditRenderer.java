package dev.gtvpc.render;

import dev.gtvpc.audit.AuditSink;
import dev.gtvpc.audit.AuditSummary;
import dev.gtvpc.audit.BucketVerdict;
import dev.gtvpc.audit.Verdict;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Audit verdicts as they stream in: a text listing and summary table, JSON, JSON Lines, CSV, SARIF
 * or Markdown. Every format but Markdown writes each bucket as it arrives, so memory does not grow
 * with the audit; the text and Markdown listings stop after {@code limit} buckets and say how many
 * more there were (the machine formats list all).
 */
public final class AuditRenderer {
    private AuditRenderer() {
    }

    /** The buckets, then the summary table; the listing stops after {@code limit} buckets. */
    public static AuditSink text(PrintWriter out, int limit) {
        return new TextSink(out, limit);
    }

    /** One JSON document: the buckets and the summary. */
    public static AuditSink json(PrintWriter out) {
        return new JsonSink(out);
    }

    /** A JSON object a line per bucket, then the summary's. */
    public static AuditSink jsonLines(PrintWriter out) {
        return new JsonLinesSink(out);
    }

    /** A row per bucket; the summary line, which a CSV has no room for, goes to {@code err}. */
    public static AuditSink csv(PrintWriter out, PrintWriter err) {
        return new CsvSink(out, err);
    }

    /** A SARIF log with a result per bucket whose verdict calls for one. */
    public static AuditSink sarif(PrintWriter out, String version) {
        return new SarifSink(out, version);
    }

    /** The summary table, then the buckets (at most {@code limit}). */
    public static AuditSink markdown(PrintWriter out, int limit) {
        return new MarkdownSink(out, limit);
    }

    // ------------------------------------------------------------------ text

    private static final class TextSink implements AuditSink {
        private final PrintWriter out;
        private final int limit;
        private long shown;
        private long more;

        TextSink(PrintWriter out, int limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void bucket(BucketVerdict v) {
            if (shown >= limit) {
                more++;
                return;
            }
            shown++;
            out.printf(Locale.ROOT, "%-16s %s  %s%n", v.verdict().id(), place(v), v.detail());
            for (int i = 0; i < v.counterexample().size(); i++) {
                out.println("                   " + (i == 0 ? "counterexample: " : "") + v.counterexample().get(i));
            }
            for (BucketVerdict.Issue f : v.findings()) {
                out.println("                   " + f.severity() + " " + f.ruleId() + ": " + f.message());
            }
            for (String n : v.notes()) {
                out.println("                   assumed: " + n);
            }
        }

        @Override
        public void end(AuditSummary s) {
            if (more > 0) {
                out.printf(Locale.ROOT, "... and %,d more buckets (--limit, or --format csv/jsonl for every one)%n", more);
            }
            if (shown > 0) {
                out.println();
            }
            out.print(summaryText(s));
            out.flush();
        }
    }

    private static String place(BucketVerdict v) {
        return (v.account().isEmpty() ? "-" : v.account()) + " " + (v.region().isEmpty() ? "-" : v.region()) + " " + v.bucket();
    }

    /** The summary table: buckets per verdict, then what was read of what was reported and how fast. */
    public static String summaryText(AuditSummary s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-16s %9s%n", "verdict", "buckets"));
        for (Verdict v : Verdict.values()) {
            b.append(String.format(Locale.ROOT, "%-16s %,9d%n", v.id(), s.count(v)));
        }
        b.append(String.format(Locale.ROOT, "%-16s %,9d%n", "total", s.judged()));
        b.append(readLine(s)).append('\n');
        s.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.toString();
    }

    private static String readLine(AuditSummary s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "read %,d of %,d buckets the source reported", s.read(),
                s.reported()));
        if (s.filteredOut() > 0) {
            b.append(String.format(Locale.ROOT, "; %,d left out by --filter", s.filteredOut()));
        }
        b.append(String.format(Locale.ROOT, "; %,d distinct polic%s proved", s.distinctProofs(), s.distinctProofs() == 1 ? "y" : "ies"));
        return b.toString();
    }

    // ------------------------------------------------------------------ JSON, JSON Lines

    private static Json.Obj bucketJson(BucketVerdict v) {
        List<Json.Member> m = new ArrayList<>();
        m.add(Json.member("bucket", Json.str(v.bucket())));
        m.add(Json.member("account", Json.str(v.account())));
        m.add(Json.member("region", Json.str(v.region())));
        m.add(Json.member("verdict", Json.str(v.verdict().id())));
        m.add(Json.member("detail", Json.str(v.detail())));
        m.add(Json.member("policyId", Json.str(v.policyId())));
        m.add(Json.member("properties", Json.arr(v.properties().stream().map(p -> (Json.Value) Json.obj(List.of(
                Json.member("property", Json.str(p.property())),
                Json.member("subject", Json.str(p.subject())),
                Json.member("status", Json.str(p.status()))))).toList())));
        m.add(Json.member("findings", Json.arr(v.findings().stream().map(f -> (Json.Value) Json.obj(List.of(
                Json.member("rule", Json.str(f.ruleId())),
                Json.member("severity", Json.str(f.severity())),
                Json.member("message", Json.str(f.message()))))).toList())));
        m.add(Json.member("counterexample", strings(v.counterexample())));
        m.add(Json.member("assumed", strings(v.notes())));
        List<Json.Member> tags = new ArrayList<>();
        for (Map.Entry<String, String> t : new java.util.TreeMap<>(v.tags()).entrySet()) {
            tags.add(Json.member(t.getKey(), Json.str(t.getValue())));
        }
        m.add(Json.member("tags", Json.obj(tags)));
        return Json.obj(m);
    }

    private static Json.Obj summaryJson(AuditSummary s) {
        List<Json.Member> counts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            counts.add(Json.member(v.id(), number(s.count(v))));
        }
        return Json.obj(List.of(
                Json.member("verdicts", Json.obj(counts)),
                Json.member("judged", number(s.judged())),
                Json.member("read", number(s.read())),
                Json.member("reported", number(s.reported())),
                Json.member("filteredOut", number(s.filteredOut())),
                Json.member("distinctPolicies", number(s.distinctProofs())),
                Json.member("notes", strings(s.notes()))));
    }

    private static Json.Arr strings(List<String> list) {
        return Json.arr(list.stream().map(n -> (Json.Value) Json.str(n)).toList());
    }

    private static Json.Num number(long n) {
        return new Json.Num(Long.toString(n), SourceLocation.START);
    }

    private static final class JsonSink implements AuditSink {
        private final PrintWriter out;
        private boolean first = true;

        JsonSink(PrintWriter out) {
            this.out = out;
            out.print("{\"buckets\": [");
        }

        @Override
        public void bucket(BucketVerdict v) {
            out.print(first ? "\n  " : ",\n  ");
            first = false;
            out.print(Json.write(bucketJson(v), false));
        }

        @Override
        public void end(AuditSummary s) {
            out.print(first ? "],\n" : "\n],\n");
            out.print("\"summary\": " + Json.write(summaryJson(s), false) + "}\n");
            out.flush();
        }
    }

    private static final class JsonLinesSink implements AuditSink {
        private final PrintWriter out;

        JsonLinesSink(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void bucket(BucketVerdict v) {
            out.print(Json.write(bucketJson(v), false) + "\n");
        }

        @Override
        public void end(AuditSummary s) {
            out.print(Json.write(Json.obj(List.of(Json.member("summary", summaryJson(s)))), false) + "\n");
            out.flush();
        }
    }

    // ------------------------------------------------------------------ CSV

    private static final class CsvSink implements AuditSink {
        private final PrintWriter out;
        private final PrintWriter err;

        CsvSink(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
            out.print("account,region,bucket,verdict,detail,counterexample,policy_id,properties,findings\r\n");
        }

        @Override
        public void bucket(BucketVerdict v) {
            List<String> props = v.properties().stream().map(CsvSink::property).toList();
            List<String> finds = v.findings().stream().map(f -> f.ruleId()).distinct().toList();
            out.print(String.join(",", List.of(csv(v.account()), csv(v.region()), csv(v.bucket()), csv(v.verdict().id()),
                    csv(v.detail()), csv(String.join(" / ", v.counterexample())), csv(v.policyId()), csv(String.join(";", props)), csv(String.join(";", finds)))) + "\r\n");
        }

        /**
         * {@code vpce-can-access[vpce-0abc…]=UNDECIDED}: a property checked once per --vpc, --vpce or
         * --role-arn names its subject, or two endpoints' outcomes could not be told apart. The others
         * (Ground Truth's endpoint, everyone outside) are one per bucket and keep their bare name.
         */
        private static String property(BucketVerdict.Property p) {
            String name = PER_SUBJECT.contains(p.property()) ? p.property() + "[" + p.subject() + "]" : p.property();
            return name + "=" + p.status();
        }

        private static final java.util.Set<String> PER_SUBJECT = java.util.Set.of("vpc-can-access", "vpce-can-access", "role-can-access");

        @Override
        public void end(AuditSummary s) {
            out.flush();
            err.println("gtvpc audit: " + s.judged() + " buckets judged; " + readLine(s));
            err.flush();
        }
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed with ' so a spreadsheet does not run it. */
    static String csv(String field) {
        String f = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
            return "\"" + f.replace("\"", "\"\"") + "\"";
        }
        return f;
    }

    // ------------------------------------------------------------------ SARIF

    private static final class SarifSink implements AuditSink {
        private final Sarif log;

        SarifSink(PrintWriter out, String version) {
            this.log = Sarif.stream(out);
            List<Json.Value> rules = new ArrayList<>();
            for (Verdict v : Verdict.values()) {
                if (level(v) == null) {
                    continue;
                }
                rules.add(Json.obj(List.of(
                        Json.member("id", Json.str("audit/" + v.id())),
                        Json.member("shortDescription", Sarif.text(description(v))),
                        Json.member("defaultConfiguration", Sarif.defaultLevel(level(v))))));
            }
            log.begin(Json.obj(List.of(
                    Json.member("name", Json.str("gtvpc")),
                    Json.member("version", Json.str(version)),
                    Json.member("rules", Json.arr(rules)))), List.of());
        }

        @Override
        public void bucket(BucketVerdict v) {
            String level = level(v.verdict());
            if (level == null) {
                return;
            }
            String arn = "arn:aws:s3:::" + v.bucket();
            log.result(Json.obj(List.of(
                    Json.member("ruleId", Json.str("audit/" + v.verdict().id())),
                    Json.member("level", Json.str(level)),
                    Json.member("message", Sarif.text(place(v) + ": " + v.verdict().id() + ": " + v.detail())),
                    Json.member("locations", Json.arr(List.of(Sarif.location(Sarif.physicalLocation(uri(v), Optional.empty()),
                            Optional.of(arn))))),
                    Json.member("partialFingerprints", Json.obj(List.of(Json.member("bucketArn/v1", Json.str(arn))))),
                    Json.member("properties", Json.obj(List.of(
                            Json.member("account", Json.str(v.account())),
                            Json.member("region", Json.str(v.region())),
                            Json.member("policyId", Json.str(v.policyId())),
                            Json.member("counterexample", strings(v.counterexample())),
                            Json.member("assumed", strings(v.notes()))))))));
        }

        @Override
        public void end(AuditSummary s) {
            log.end(List.of(Json.member("properties", Json.obj(List.of(Json.member("summary", summaryJson(s)))))));
        }

        /** A file the record came from is its own location; a bucket from AWS is named by its ARN. */
        private static String uri(BucketVerdict v) {
            String src = v.record().source();
            return src.startsWith("arn:") || src.contains(" (") ? "arn:aws:s3:::" + v.bucket() : src;
        }
    }

    private static String level(Verdict v) {
        return switch (v) {
            case REFUTED, PUBLIC, LOCKOUT_RISK -> "error";
            case UNPROVED, UNREADABLE -> "warning";
            case NO_POLICY -> "note";
            default -> null;
        };
    }

    private static String description(Verdict v) {
        return switch (v) {
            case REFUTED -> "A perimeter property is disproved: the counterexample is a request that breaks it.";
            case PUBLIC -> "The bucket policy allows anonymous callers or any AWS account.";
            case LOCKOUT_RISK -> "Administrators working normally would lose Get/Put/DeleteBucketPolicy on the bucket.";
            case UNPROVED -> "The perimeter is neither proved nor refuted (vacuous, or it depends on what was not given).";
            case UNREADABLE -> "The bucket's policy could not be read, so nothing is known about it.";
            case NO_POLICY -> "The bucket has no bucket policy: no perimeter.";
            default -> v.id();
        };
    }

    // ------------------------------------------------------------------ Markdown

    private static final class MarkdownSink implements AuditSink {
        private final PrintWriter out;
        private final int limit;
        private final List<String> rows = new ArrayList<>();
        private long more;

        MarkdownSink(PrintWriter out, int limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void bucket(BucketVerdict v) {
            if (rows.size() >= limit) {
                more++;
                return;
            }
            rows.add("| " + md(v.verdict().id()) + " | " + md(v.account()) + " | " + md(v.region()) + " | `" + md(v.bucket()) + "` | "
                    + md(v.detail()) + (v.notes().isEmpty() ? "" : " (assumed: " + md(String.join("; ", v.notes())) + ")") + " |");
        }

        @Override
        public void end(AuditSummary s) {
            out.print("## gtvpc audit\n\n| verdict | buckets |\n| --- | ---: |\n");
            for (Verdict v : Verdict.values()) {
                out.printf(Locale.ROOT, "| %s | %,d |%n", v.id(), s.count(v));
            }
            out.printf(Locale.ROOT, "| **total** | **%,d** |%n%n", s.judged());
            out.print(readLine(s) + ".\n");
            s.notes().forEach(n -> out.print("\nNote: " + md(n) + "\n"));
            if (!rows.isEmpty()) {
                out.print("\n| verdict | account | region | bucket | detail |\n| --- | --- | --- | --- | --- |\n");
                rows.forEach(r -> out.print(r + "\n"));
            }
            if (more > 0) {
                out.printf(Locale.ROOT, "%n... and %,d more buckets (--limit, or --format csv/jsonl for every one).%n", more);
            }
            out.flush();
        }

        private static String md(String t) {
            return t.replace("|", "\\|").replace("\n", " ");
        }
    }
}
