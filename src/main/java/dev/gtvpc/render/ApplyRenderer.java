package dev.gtvpc.render;

import dev.gtvpc.apply.AccessChange;
import dev.gtvpc.apply.ApplyPlan;
import dev.gtvpc.apply.Backup;
import dev.gtvpc.apply.StatementChange;
import dev.gtvpc.aws.LabelingJob;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.policy.io.Json;
import dev.gtvpc.verify.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The plan, checks and outcome of {@code policy apply} and {@code policy rollback}, for a terminal. */
public final class ApplyRenderer {
    /** Actions named per access change before the rest are counted. */
    private static final int ACTIONS_SHOWN = 4;

    private ApplyRenderer() {
    }

    public static String plan(ApplyPlan plan, String mode) {
        StringBuilder out = new StringBuilder();
        out.append("Plan for bucket ").append(plan.bucket()).append(" (").append(plan.region()).append("), as ")
                .append(plan.caller().arn()).append('\n');
        out.append("  now:  ").append(plan.current().map(p -> count(p.statements().size(), "statement")).orElse("no bucket policy"))
                .append('\n');
        out.append("  then: ").append(plan.target().map(p -> count(p.statements().size(), "statement")).orElse("no bucket policy (deleted)"))
                .append("  [").append(mode).append("]\n");
        out.append("\nStatements:\n");
        if (plan.statementChanges().isEmpty()) {
            out.append("  (none before or after)\n");
        }
        for (StatementChange c : plan.statementChanges()) {
            String mark = switch (c.kind()) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case CHANGED -> "~";
                case KEPT -> "=";
            };
            out.append("  ").append(mark).append(' ').append(c.label()).append(" (").append(c.kind().name().toLowerCase(Locale.ROOT))
                    .append(")\n");
            for (String line : c.lines()) {
                out.append("      ").append(line).append('\n');
            }
        }
        out.append("\nWho can do what (origin, caller: actions: before -> after):\n");
        if (plan.accessChanges().isEmpty()) {
            out.append("  no change for any origin and caller\n");
        }
        for (AccessChange a : plan.accessChanges()) {
            out.append("  ").append(a.origin()).append(", ").append(a.caller()).append(": ").append(actions(a.actions())).append(": ")
                    .append(decision(a.before())).append(" -> ").append(decision(a.after())).append('\n');
        }
        return out.toString();
    }

    public static String jobs(String bucket, List<LabelingJob> jobs) {
        if (jobs.isEmpty()) {
            return "No IN_PROGRESS labeling job uses bucket " + bucket + ".\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(count(jobs.size(), "IN_PROGRESS labeling job")).append(jobs.size() == 1 ? " uses" : " use").append(" bucket ")
                .append(bucket).append(":\n");
        int width = jobs.stream().flatMap(j -> j.locationsIn(bucket).stream()).mapToInt(l -> l.role().length()).max().orElse(0);
        for (LabelingJob j : jobs) {
            out.append("  ").append(j.name()).append("  ").append(j.arn()).append('\n');
            for (LabelingJob.Location l : j.locationsIn(bucket)) {
                out.append(String.format(Locale.ROOT, "    %-" + width + "s  %s%n", l.role(), l.s3Uri()));
            }
        }
        return out.toString();
    }

    /** {@code jobs in-progress --format json}: an array of {name, arn, locations: [{role, s3Uri}]}, the bucket's locations only. */
    public static String jobsJson(String bucket, List<LabelingJob> jobs) {
        List<Json.Value> items = new ArrayList<>();
        for (LabelingJob j : jobs) {
            List<Json.Value> locations = j.locationsIn(bucket).stream().<Json.Value>map(l -> Json.obj(List.of(
                    Json.member("role", Json.str(l.role())), Json.member("s3Uri", Json.str(l.s3Uri()))))).toList();
            items.add(Json.obj(List.of(Json.member("name", Json.str(j.name())), Json.member("arn", Json.str(j.arn())),
                    Json.member("locations", Json.arr(locations)))));
        }
        return Json.write(Json.arr(items), true) + "\n";
    }

    public static String lockout(PropertyResult r) {
        if (r.status() == PropertyResult.Status.PROVED) {
            return "Lock-out check: " + r.subject() + " keeps s3:GetBucketPolicy, s3:PutBucketPolicy and s3:DeleteBucketPolicy"
                    + (r.requests() == 0 ? "" : String.format(Locale.ROOT, " (proved over %,d requests)", r.requests())) + ".\n";
        }
        StringBuilder out = new StringBuilder("Lock-out check: " + r.subject() + (r.status() == PropertyResult.Status.UNDECIDED
                ? " may lose access to the bucket policy (gtvpc cannot decide this request):\n"
                : " would lose access to the bucket policy:\n"));
        r.counterexample().ifPresent(c -> VerifyRenderer.counterexample(c).forEach(l -> out.append("  ").append(l).append('\n')));
        r.reason().ifPresent(why -> out.append("  note: ").append(why).append('\n'));
        return out.toString();
    }

    public static String backup(Backup b) {
        return "backup of bucket " + b.bucket() + " (" + b.region() + ", account " + b.account() + ") taken " + b.time() + ": "
                + b.policy().map(p -> "a policy of " + p.length() + " characters, sha256 " + b.sha256().orElseThrow())
                        .orElse("no bucket policy");
    }

    private static String actions(List<String> actions) {
        if (actions.size() <= ACTIONS_SHOWN) {
            return String.join(", ", actions);
        }
        return String.join(", ", actions.subList(0, ACTIONS_SHOWN)) + " (+" + (actions.size() - ACTIONS_SHOWN) + " more)";
    }

    private static String decision(Optional<Decision> d) {
        return d.map(x -> switch (x) {
            case EXPLICIT_DENY -> "DENIED";
            case ALLOW -> "allowed";
            case NOT_DENIED -> "not denied";
            case IMPLICIT_DENY -> "denied (no Allow)";
        }).orElse("undecided");
    }

    /**
     * {@code apply --dry-run --format json}: the plan the text shows, as one object for scripts
     * (statements by label: the Sid, or "statement N" when it has none). The access changes are the
     * matrix rows whose decision changes; every action is listed, not the text's first few.
     */
    public static String planJson(ApplyPlan plan, String mode, List<dev.gtvpc.lint.Finding> lint, List<LabelingJob> jobs,
            PropertyResult lockout) {
        Json.Value nul = new Json.Null(dev.gtvpc.policy.io.SourceLocation.START);
        List<Json.Member> m = new ArrayList<>();
        m.add(Json.member("bucket", Json.str(plan.bucket())));
        m.add(Json.member("region", Json.str(plan.region())));
        m.add(Json.member("caller", Json.str(plan.caller().arn())));
        m.add(Json.member("mode", Json.str(mode.startsWith("merge") ? "merge" : mode)));
        m.add(Json.member("before", plan.current().<Json.Value>map(dev.gtvpc.policy.io.PolicyWriter::toJson).orElse(nul)));
        m.add(Json.member("after", plan.target().<Json.Value>map(dev.gtvpc.policy.io.PolicyWriter::toJson).orElse(nul)));
        m.add(Json.member("changesAnything", new Json.Bool(plan.changesAnything(), dev.gtvpc.policy.io.SourceLocation.START)));
        for (StatementChange.Kind k : StatementChange.Kind.values()) {
            String name = "statements" + k.name().charAt(0) + k.name().substring(1).toLowerCase(Locale.ROOT);
            m.add(Json.member(name, Json.arr(plan.statementChanges().stream().filter(c -> c.kind() == k)
                    .<Json.Value>map(c -> Json.str(c.label())).toList())));
        }
        List<Json.Value> access = new ArrayList<>();
        for (AccessChange a : plan.accessChanges()) {
            access.add(Json.obj(List.of(Json.member("origin", Json.str(a.origin())), Json.member("caller", Json.str(a.caller())),
                    Json.member("actions", Json.arr(a.actions().stream().<Json.Value>map(Json::str).toList())),
                    Json.member("before", Json.str(decision(a.before()))), Json.member("after", Json.str(decision(a.after()))))));
        }
        m.add(Json.member("accessChanges", Json.arr(access)));
        List<Json.Value> findings = new ArrayList<>();
        for (dev.gtvpc.lint.Finding f : lint) {
            findings.add(Json.obj(List.of(Json.member("ruleId", Json.str(f.ruleId())),
                    Json.member("severity", Json.str(f.severity().name().toLowerCase(Locale.ROOT).replace('_', '-'))),
                    Json.member("message", Json.str(f.message())), Json.member("pointer", Json.str(f.pointer())))));
        }
        m.add(Json.member("lint", Json.arr(findings)));
        m.add(Json.member("inProgressJobs", Json.arr(jobs.stream().<Json.Value>map(j -> Json.str(j.name())).toList())));
        m.add(Json.member("lockout", lockout == null ? nul : Json.obj(List.of(
                Json.member("status", Json.str(lockout.status().name().toLowerCase(Locale.ROOT))),
                Json.member("reason", lockout.reason().<Json.Value>map(Json::str).orElse(nul))))));
        m.add(Json.member("applied", new Json.Bool(false, dev.gtvpc.policy.io.SourceLocation.START)));
        return Json.write(Json.obj(m), true) + "\n";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
