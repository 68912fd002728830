package dev.gtvpc.render;

import dev.gtvpc.policy.io.Json;
import dev.gtvpc.policy.io.SourceLocation;
import dev.gtvpc.preflight.Check;
import dev.gtvpc.preflight.CheckStatus;
import dev.gtvpc.preflight.PreflightReport;
import dev.gtvpc.preflight.PreflightRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The preflight checklist as text (one block per check), JSON (stable, for scripts) or Markdown (for a PR or a wiki). */
public final class PreflightRenderer {
    private PreflightRenderer() {
    }

    public static String text(PreflightReport report) {
        StringBuilder out = new StringBuilder(heading(report)).append('\n');
        int width = report.checks().stream().mapToInt(c -> c.id().length()).max().orElse(0);
        for (Check c : report.checks()) {
            out.append(String.format(Locale.ROOT, "%-4s  %-" + width + "s  %s%n", c.status(), c.id(), c.title()));
            String indent = " ".repeat(6);
            for (String e : c.evidence()) {
                out.append(indent).append(e).append('\n');
            }
            c.fix().ifPresent(f -> out.append(indent).append("fix: ").append(f).append('\n'));
        }
        return out.append(summary(report)).append('\n').toString();
    }

    public static String json(PreflightReport report) {
        PreflightRequest r = report.request();
        List<Json.Value> checks = new ArrayList<>();
        for (Check c : report.checks()) {
            List<Json.Member> members = new ArrayList<>(List.of(
                    Json.member("id", Json.str(c.id())),
                    Json.member("status", Json.str(c.status().name())),
                    Json.member("title", Json.str(c.title())),
                    Json.member("evidence", strings(c.evidence()))));
            c.fix().ifPresent(f -> members.add(Json.member("fix", Json.str(f))));
            checks.add(Json.obj(members));
        }
        Json.Obj top = Json.obj(List.of(
                Json.member("ok", new Json.Bool(report.ok(), SourceLocation.START)),
                Json.member("region", Json.str(r.region())),
                Json.member("bucket", Json.str(r.bucket())),
                Json.member("vpcs", strings(r.vpcs())),
                Json.member("caller", Json.str(report.callerArn())),
                Json.member("account", Json.str(report.account())),
                Json.member("summary", Json.obj(List.of(
                        Json.member("pass", number(report.count(CheckStatus.PASS))),
                        Json.member("warn", number(report.count(CheckStatus.WARN))),
                        Json.member("fail", number(report.count(CheckStatus.FAIL)))))),
                Json.member("checks", Json.arr(checks))));
        return Json.write(top, true) + "\n";
    }

    public static String markdown(PreflightReport report) {
        StringBuilder out = new StringBuilder("## gtvpc preflight\n\n").append(heading(report)).append("\n\n")
                .append("| status | check | what must hold |\n| --- | --- | --- |\n");
        for (Check c : report.checks()) {
            out.append("| ").append(icon(c.status())).append(' ').append(c.status()).append(" | `").append(c.id()).append("` | ")
                    .append(cell(c.title())).append(" |\n");
        }
        for (Check c : report.checks()) {
            out.append("\n### ").append(c.status()).append(" `").append(c.id()).append("`: ").append(c.title()).append("\n\n");
            for (String e : c.evidence()) {
                // evidence lines that belong to the line above are indented by two spaces
                out.append(e.startsWith("  ") ? "  - " + e.strip() : "- " + e).append('\n');
            }
            c.fix().ifPresent(f -> out.append("\n**Fix:** ").append(f).append('\n'));
        }
        return out.append('\n').append(summary(report)).append('\n').toString();
    }

    private static String heading(PreflightReport report) {
        PreflightRequest r = report.request();
        return "preflight of bucket " + r.bucket() + " in " + r.region() + " for " + String.join(", ", r.vpcs()) + ", as "
                + report.callerArn();
    }

    private static String summary(PreflightReport report) {
        long fail = report.count(CheckStatus.FAIL);
        long warn = report.count(CheckStatus.WARN);
        return report.count(CheckStatus.PASS) + " passed, " + warn + " warning" + (warn == 1 ? "" : "s") + ", " + fail + " failed"
                + (fail == 0 ? ": ready" : ": not ready");
    }

    private static String icon(CheckStatus s) {
        return switch (s) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
        };
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private static Json.Value strings(List<String> values) {
        return Json.arr(values.stream().map(v -> (Json.Value) Json.str(v)).toList());
    }

    private static Json.Value number(long n) {
        return new Json.Num(Long.toString(n), SourceLocation.START);
    }
}
